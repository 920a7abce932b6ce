/**
 * Asks the search worker for matches; where workers are unavailable, loads the same prebuilt index on the page
 * (the search library is then fetched as its own chunk). One client per dataset.
 */
import type { DatasetIndex } from '../domain/dataset-index.ts';
import type { TextMatches } from '../domain/event-engine.ts';
import type { SearchField } from '../domain/event-search.ts';
import type { SearchRequest, SearchResponse } from './search-worker.ts';
import { PACK_URL } from './dataset-query.ts';
import { fetchSearchIndexJson } from './search-index-file.ts';

export interface SearchClient {
  /** Event rows matching every word of `query`, with relevance scores. */
  search: (query: string) => Promise<TextMatches>;
  /** The index is loaded: an answer now comes in milliseconds. */
  isReady: () => boolean;
  dispose: () => void;
}

function searchIndexUrl(index: DatasetIndex): string {
  return new URL(index.pack.manifest.files.search.path, new URL(PACK_URL, window.location.href)).href;
}

function inPageClient(index: DatasetIndex): SearchClient {
  const entry = index.pack.manifest.files.search;
  let ready = false;
  const built = (async () => {
    const [{ loadEventSearch }, text] = await Promise.all([
      import('../domain/event-search.ts'),
      fetchSearchIndexJson(searchIndexUrl(index), entry.bytes),
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

  worker.postMessage({
    type: 'load',
    url: searchIndexUrl(index),
    bytes: index.pack.manifest.files.search.bytes,
    fields: index.pack.manifest.files.search.fields as SearchField[],
  } satisfies SearchRequest);
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
