/**
 * Asks the search worker for matches; where workers are unavailable, loads the same prebuilt index on the page
 * (the search library is then fetched as its own chunk). One client per dataset.
 */
import type { DatasetIndex } from '../domain/dataset-index.ts';
import type { TextMatches } from '../domain/event-engine.ts';
import type { SearchField } from '../domain/event-search.ts';
import type { SearchRequest, SearchResponse } from './search-worker.ts';
import { packSourceOf } from './pack-source.ts';
import { fetchSearchIndexJson, searchIndexText } from './search-index-file.ts';

export interface SearchClient {
  /** Event rows matching every word of `query`, with relevance scores. */
  search: (query: string) => Promise<TextMatches>;
  /** The index is loaded: an answer now comes in milliseconds. */
  isReady: () => boolean;
  dispose: () => void;
}

/** The index's text, from the served pack or from the files opened in the page. */
async function searchIndexJson(index: DatasetIndex): Promise<string> {
  const entry = index.pack.manifest.files.search;
  const source = packSourceOf(index);
  const url = source.urlOf(entry);
  return url !== null ? fetchSearchIndexJson(url, entry.bytes) : searchIndexText(await source.read(entry), entry.bytes);
}

function inPageClient(index: DatasetIndex): SearchClient {
  const entry = index.pack.manifest.files.search;
  let ready = false;
  const built = (async () => {
    const [{ loadEventSearch }, text] = await Promise.all([
      import('../domain/event-search.ts'),
      searchIndexJson(index),
    ]);
    const search = loadEventSearch(text, entry.fields as SearchField[]);
    ready = true;
    return search;
  })();
  return {
    search: async (query) => {
      const results = (await built).search(query);
      return { rows: Int32Array.from(results.keys()), scores: Float32Array.from(results.values()) };
    },
    isReady: () => ready,
    dispose: () => undefined,
  };
}

export function createSearchClient(index: DatasetIndex): SearchClient {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return inPageClient(index);
  }
  let nextId = 1;
  let ready = false;
  let fallback: SearchClient | null = null;
  const pending = new Map<
    number,
    { query: string; resolve: (matches: TextMatches) => void; reject: (error: unknown) => void }
  >();
  worker.onmessage = (message: MessageEvent<SearchResponse>) => {
    const response = message.data;
    if (response.type === 'results') {
      const request = pending.get(response.id);
      pending.delete(response.id);
      request?.resolve({ rows: response.rows, scores: response.scores });
    } else if (response.type === 'ready') ready = true;
    else if (response.type === 'failed') switchToInPage();
  };
  worker.onerror = () => switchToInPage();

  /** The worker could not load the index (a blocked module worker, no fetch in workers): answer from the page. */
  function switchToInPage(): void {
    if (fallback) return;
    worker.terminate();
    fallback = inPageClient(index);
    for (const [id, request] of pending) {
      pending.delete(id);
      fallback.search(request.query).then(request.resolve, request.reject);
    }
  }

  const entry = index.pack.manifest.files.search;
  const url = packSourceOf(index).urlOf(entry);
  const load = (data: Uint8Array | null) =>
    worker.postMessage({
      type: 'load',
      url,
      data,
      bytes: entry.bytes,
      fields: entry.fields as SearchField[],
    } satisfies SearchRequest);
  if (url !== null) load(null);
  else
    // A pack opened from the user's files: the worker gets a copy of the bytes (structured clone).
    packSourceOf(index).read(entry).then(load, switchToInPage);
  return {
    search: (query) => {
      if (fallback) return fallback.search(query);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { query, resolve, reject });
        worker.postMessage({ type: 'search', id, query } satisfies SearchRequest);
      });
    },
    isReady: () => (fallback ? fallback.isReady() : ready),
    dispose: () => {
      worker.terminate();
      pending.clear();
    },
  };
}
