/**
 * The search index lives in a worker: reviving it takes a noticeable moment at 100,000 events, which would
 * otherwise stall the page in its first seconds. The index is prebuilt by `npm run data` (search-index.json in the
 * pack): the worker fetches that one file, never the dataset itself (or, for a pack opened from the user's files,
 * is given its bytes), and answers queries with event rows and scores as transferable typed arrays.
 */
/// <reference lib="webworker" />
import { fetchSearchIndexJson, searchIndexText } from './search-index-file.ts';
import { loadEventSearch, type EventSearch, type SearchField } from '../domain/event-search.ts';

export type SearchRequest =
  | {
      type: 'load';
      /** Where to fetch the index from; null when `data` holds it. */
      url: string | null;
      data: Uint8Array | null;
      bytes: number;
      fields: SearchField[];
    }
  | { type: 'search'; id: number; query: string };
export type SearchResponse =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'results'; id: number; rows: Int32Array; scores: Float32Array };

const scope = self as unknown as DedicatedWorkerGlobalScope;
let search: EventSearch | null = null;
const queued: { id: number; query: string }[] = [];

export function answerQuery(index: EventSearch, query: string): { rows: Int32Array; scores: Float32Array } {
  const results = index.search(query);
  const rows = new Int32Array(results.size);
  const scores = new Float32Array(results.size);
  let i = 0;
  for (const [row, score] of results) {
    rows[i] = row;
    scores[i++] = score;
  }
  return { rows, scores };
}

function answer(id: number, query: string, index: EventSearch): void {
  const { rows, scores } = answerQuery(index, query);
  scope.postMessage({ type: 'results', id, rows, scores } satisfies SearchResponse, [rows.buffer, scores.buffer]);
}

scope.onmessage = async (message: MessageEvent<SearchRequest>) => {
  const request = message.data;
  if (request.type === 'search') {
    if (search) answer(request.id, request.query, search);
    else queued.push(request);
    return;
  }
  try {
    const text =
      request.url !== null
        ? await fetchSearchIndexJson(request.url, request.bytes)
        : searchIndexText(request.data ?? new Uint8Array(), request.bytes);
    search = loadEventSearch(text, request.fields);
    scope.postMessage({ type: 'ready' } satisfies SearchResponse);
    for (const pending of queued.splice(0)) answer(pending.id, pending.query, search);
  } catch (error) {
    scope.postMessage({ type: 'failed', message: String(error) } satisfies SearchResponse);
  }
};
