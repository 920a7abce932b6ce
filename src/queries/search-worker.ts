/**
 * The search index lives in a worker: at 100,000 events building it takes seconds of CPU, which would otherwise
 * stall the page in the first moments of use. The worker fetches the same dataset file (from the HTTP cache),
 * indexes it, and answers queries with event ids and scores.
 */
/// <reference lib="webworker" />
import { indexDataset } from '../domain/dataset-index.ts';
import type { Dataset } from '../domain/dataset-schema.ts';
import { buildEventSearch, type EventSearch } from '../domain/event-search.ts';

export type SearchRequest = { type: 'build'; url: string } | { type: 'search'; id: number; query: string };
export type SearchResponse =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'results'; id: number; ids: string[]; scores: number[] };

const scope = self as unknown as DedicatedWorkerGlobalScope;
let search: EventSearch | null = null;
const queued: { id: number; query: string }[] = [];

function answer(id: number, query: string, index: EventSearch): void {
  const results = index.search(query);
  scope.postMessage({
    type: 'results',
    id,
    ids: [...results.keys()],
    scores: [...results.values()],
  } satisfies SearchResponse);
}

scope.onmessage = async (message: MessageEvent<SearchRequest>) => {
  const request = message.data;
  if (request.type === 'search') {
    if (search) answer(request.id, request.query, search);
    else queued.push(request);
    return;
  }
  try {
    const response = await fetch(request.url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    // The page has validated this very file with the dataset schema before asking for a search index.
    const dataset = (await response.json()) as Dataset;
    search = buildEventSearch(indexDataset(dataset));
    scope.postMessage({ type: 'ready' } satisfies SearchResponse);
    for (const pending of queued.splice(0)) answer(pending.id, pending.query, search);
  } catch (error) {
    scope.postMessage({ type: 'failed', message: String(error) } satisfies SearchResponse);
  }
};
