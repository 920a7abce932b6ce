/**
 * The filtered view of the dataset that every view draws: one engine pass (domain/event-engine.ts) per filter
 * state, memoised. Views subscribe to the filter fields only, so hovering or selecting never refilters.
 * Text queries are answered by the search worker (queries/search-client.ts); until its answer for the current
 * query arrives, the result says it is pending instead of showing stale or unfiltered events.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import type { TextMatches } from '../domain/event-engine.ts';
import { applyFilter, type EventFilter, type FilterResult } from '../domain/event-filter.ts';
import { hasSearchTerms } from '../domain/search-terms.ts';
import { createSearchClient, type SearchClient } from '../queries/search-client.ts';
import { createTitleMatcher, type TitleMatcher } from '../domain/title-search.ts';
import { useExplorerStore } from './explorer-store.ts';
import { measured } from './interaction-timing.ts';

const searchClients = new WeakMap<DatasetIndex, SearchClient>();

/** One search client per dataset, started when first needed and kept for the page's life (the data is static). */
function searchClientOf(index: DatasetIndex): SearchClient {
  let client = searchClients.get(index);
  if (!client) searchClients.set(index, (client = createSearchClient(index)));
  return client;
}
/**
 * The filter every view draws. While a playback plays, its window stands for the date filter: the views get the
 * events of every date and draw the window themselves, frame by frame (see PlaybackState).
 */
export function useEventFilter(): EventFilter {
  return useExplorerStore(
    useShallow((s) => {
      const playing = s.playback?.playing === true;
      return {
        actor: s.view.actor,
        place: s.view.place,
        type: s.view.type,
        from: playing ? null : s.view.from,
        to: playing ? null : s.view.to,
        q: s.view.q,
      };
    }),
  );
}

/** Title scans per dataset, for the first answer while the search index loads. */
const titleMatchers = new WeakMap<DatasetIndex, TitleMatcher>();

function titleMatcherOf(index: DatasetIndex): TitleMatcher {
  let matcher = titleMatchers.get(index);
  if (!matcher) titleMatchers.set(index, (matcher = createTitleMatcher(index.columns.title.at, index.size)));
  return matcher;
}

interface TextAnswer {
  matches: TextMatches;
  /** From the title scan: the full index has not answered yet. */
  partial: boolean;
}

/**
 * The search results for `q` once known, else null. Starts the worker after load so the first query is fast; while
 * its index is still loading, the titles answer first (marked partial) and the index's answer replaces them.
 */
function useTextMatches(index: DatasetIndex, q: string): TextAnswer | null {
  const query = hasSearchTerms(q) ? q.trim() : '';
  const [answer, setAnswer] = useState<{
    index: DatasetIndex;
    query: string;
    matches: TextMatches;
    partial: boolean;
  } | null>(null);
  useEffect(
    function warmUpSearchRightAway() {
      // The worker fetches and revives the prebuilt index off the main thread: start it as soon as the views are
      // up, so that it is ready when the user types (waiting for an idle moment cost seconds at 100k events).
      const id = window.setTimeout(() => searchClientOf(index), 0);
      return () => window.clearTimeout(id);
    },
    [index],
  );
  useEffect(
    function askForMatches() {
      if (!query) return;
      let current = true;
      // Set once the full answer (or its failure) is in: the interim title scan stops and its result is dropped.
      const scan = { aborted: false };
      const client = searchClientOf(index);
      if (!client.isReady())
        titleMatcherOf(index)
          .search(query, scan)
          .then(
            (matches) => {
              if (current && !scan.aborted && matches) setAnswer({ index, query, matches, partial: true });
            },
            () => undefined,
          );
      client.search(query).then(
        (matches) => {
          scan.aborted = true;
          if (current) setAnswer({ index, query, matches, partial: false });
        },
        (error: unknown) => {
          if (!current) return;
          // Say so, and filter nothing away: every event "matches" with no ranking.
          useExplorerStore.getState().addNotices([`Search is unavailable (${String(error)}); the text filter is off.`]);
          scan.aborted = true;
          const every = Int32Array.from({ length: index.size }, (_, row) => row);
          setAnswer({ index, query, matches: { rows: every, scores: new Float32Array(index.size) }, partial: false });
        },
      );
      return () => {
        current = false;
        scan.aborted = true;
      };
    },
    [index, query],
  );
  return answer && answer.index === index && answer.query === query ? answer : null;
}

export function useFilteredEvents(index: DatasetIndex): FilterResult {
  // Deferred: the control the user touched (a checkbox, a date box) updates at once; the views follow in a render
  // React can interrupt, so a burst of changes at 1M events never queues up frozen frames.
  const filter = useDeferredValue(useEventFilter());
  const { actor, place, type, from, to, q } = filter;
  const textAnswer = useTextMatches(index, q);
  const result = useMemo(() => {
    const computed = measured(
      'filter:compute',
      () => applyFilter(index, { actor, place, type, from, to, q }, textAnswer?.matches ?? null),
      (r) => ({ rows: r.rows.length }),
    );
    return textAnswer?.partial ? { ...computed, searchPartial: true } : computed;
  }, [index, actor, place, type, from, to, q, textAnswer]);
  // While a query's answer is on its way, keep showing the last settled result (marked pending), so the views do
  // not flash empty, the counts do not drop to zero and the timeline is not rebuilt twice.
  const [settled, setSettled] = useState<FilterResult | null>(null);
  if (!result.searchPending && settled !== result) setSettled(result);
  const previous = result.searchPending ? settled : null;
  return previous ? { ...previous, searchPending: true } : result;
}
