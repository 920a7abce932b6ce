/**
 * Asks the search worker for matches; falls back to building the index on the page (in chunks) where workers are
 * unavailable. One client per dataset.
 */
import type { DatasetIndex } from '../domain/dataset-index.ts';
import { buildEventSearchAsync } from '../domain/event-search.ts';
import type { SearchRequest, SearchResponse } from './search-worker.ts';

export interface SearchClient {
  /** Event ids matching every word of `query`, with relevance scores. */
  search: (query: string) => Promise<ReadonlyMap<string, number>>;
  dispose: () => void;
}

function inPageClient(index: DatasetIndex): SearchClient {
  const built = buildEventSearchAsync(index);
  return { search: async (query) => (await built).search(query), dispose: () => undefined };
}

export function createSearchClient(index: DatasetIndex, datasetUrl: string): SearchClient {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return inPageClient(index);
  }
  let nextId = 1;
  let fallback: SearchClient | null = null;
  const pending = new Map<
    number,
    { query: string; resolve: (scores: ReadonlyMap<string, number>) => void; reject: (error: unknown) => void }
  >();
  worker.onmessage = (message: MessageEvent<SearchResponse>) => {
    const response = message.data;
    if (response.type === 'results') {
      const request = pending.get(response.id);
      pending.delete(response.id);
      request?.resolve(new Map(response.ids.map((id, i) => [id, response.scores[i] ?? 0])));
    } else if (response.type === 'failed') switchToInPage();
  };
  worker.onerror = () => switchToInPage();

  /** The worker could not index (no fetch in workers, a blocked module worker): answer from the page instead. */
  function switchToInPage(): void {
    if (fallback) return;
    worker.terminate();
    fallback = inPageClient(index);
    for (const [id, request] of pending) {
      pending.delete(id);
      fallback.search(request.query).then(request.resolve, request.reject);
    }
  }

  worker.postMessage({ type: 'build', url: new URL(datasetUrl, window.location.href).href } satisfies SearchRequest);
  return {
    search: (query) => {
      if (fallback) return fallback.search(query);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { query, resolve, reject });
        worker.postMessage({ type: 'search', id, query } satisfies SearchRequest);
      });
    },
    dispose: () => {
      worker.terminate();
      pending.clear();
    },
  };
}
