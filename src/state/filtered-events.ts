/**
 * The filtered view of the dataset that every view draws: memoised per dataset (the filter index) and per filter
 * state (one linear pass). Views subscribe to the filter fields only, so hovering or selecting never refilters.
 * Text queries are answered by the search worker (queries/search-client.ts); until its answer for the current
 * query arrives, the result says it is pending instead of showing stale or unfiltered events.
 */
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import {
  applyFilter,
  buildFilterIndex,
  type EventFilter,
  type FilterIndex,
  type FilterResult,
} from '../domain/event-filter.ts';
import { hasSearchTerms } from '../domain/event-search.ts';
import { DATASET_URL } from '../queries/dataset-query.ts';
import { createSearchClient, type SearchClient } from '../queries/search-client.ts';
import { useExplorerStore } from './explorer-store.ts';

const filterIndexes = new WeakMap<DatasetIndex, FilterIndex>();
const searchClients = new WeakMap<DatasetIndex, SearchClient>();

function filterIndexOf(index: DatasetIndex): FilterIndex {
  let fi = filterIndexes.get(index);
  if (!fi) filterIndexes.set(index, (fi = buildFilterIndex(index)));
  return fi;
}

/** One search client per dataset, started when first needed and kept for the page's life (the data is static). */
function searchClientOf(index: DatasetIndex): SearchClient {
  let client = searchClients.get(index);
  if (!client) searchClients.set(index, (client = createSearchClient(index, DATASET_URL)));
  return client;
}

export function useEventFilter(): EventFilter {
  return useExplorerStore(
    useShallow((s) => ({
      actor: s.view.actor,
      place: s.view.place,
      type: s.view.type,
      from: s.view.from,
      to: s.view.to,
      q: s.view.q,
    })),
  );
}

/** The search results for `q` once known, else null. Starts the worker after load so the first query is fast. */
function useTextMatches(index: DatasetIndex, q: string): ReadonlyMap<string, number> | null {
  const query = hasSearchTerms(q) ? q.trim() : '';
  const [answer, setAnswer] = useState<{
    index: DatasetIndex;
    query: string;
    matches: ReadonlyMap<string, number>;
  } | null>(null);
  useEffect(
    function warmUpSearchWhenIdle() {
      const start = () => searchClientOf(index);
      const id = window.requestIdleCallback
        ? window.requestIdleCallback(start, { timeout: 3000 })
        : window.setTimeout(start, 500);
      return () => (window.cancelIdleCallback ? window.cancelIdleCallback(id) : window.clearTimeout(id));
    },
    [index],
  );
  useEffect(
    function askForMatches() {
      if (!query) return;
      let current = true;
      searchClientOf(index)
        .search(query)
        .then(
          (matches) => {
            if (current) setAnswer({ index, query, matches });
          },
          (error: unknown) => {
            if (!current) return;
            // Say so, and filter nothing away: every event "matches" with no ranking.
            useExplorerStore
              .getState()
              .addNotices([`Search is unavailable (${String(error)}); the text filter is off.`]);
            setAnswer({ index, query, matches: new Map(index.events.map((e) => [e.id, 0])) });
          },
        );
      return () => {
        current = false;
      };
    },
    [index, query],
  );
  return answer && answer.index === index && answer.query === query ? answer.matches : null;
}

export function useFilteredEvents(index: DatasetIndex): FilterResult {
  const filter = useEventFilter();
  const { actor, place, type, from, to, q } = filter;
  const textMatches = useTextMatches(index, q);
  const result = useMemo(
    () => applyFilter(filterIndexOf(index), { actor, place, type, from, to, q }, textMatches),
    [index, actor, place, type, from, to, q, textMatches],
  );
  // While a query's answer is on its way, keep showing the last settled result (marked pending), so the views do
  // not flash empty, the counts do not drop to zero and the timeline is not rebuilt twice.
  const [settled, setSettled] = useState<FilterResult | null>(null);
  if (!result.searchPending && settled !== result) setSettled(result);
  const previous = result.searchPending ? settled : null;
  return previous ? { ...previous, searchPending: true } : result;
}
