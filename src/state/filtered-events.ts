/**
 * The filtered view of the dataset that every view draws: memoised per dataset (the filter index) and per filter
 * state (one linear pass). Views subscribe to the filter fields only, so hovering or selecting never refilters.
 * The search index is built in the background once the explorer is idle (or at the first query), in chunks.
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
import { buildEventSearchAsync, type EventSearch } from '../domain/event-search.ts';
import { useExplorerStore } from './explorer-store.ts';

const filterIndexes = new WeakMap<DatasetIndex, FilterIndex>();
const searchIndexes = new WeakMap<DatasetIndex, Promise<EventSearch>>();

function searchIndexOf(index: DatasetIndex): Promise<EventSearch> {
  let search = searchIndexes.get(index);
  if (!search) searchIndexes.set(index, (search = buildEventSearchAsync(index)));
  return search;
}

function filterIndexOf(index: DatasetIndex): FilterIndex {
  let fi = filterIndexes.get(index);
  if (!fi) filterIndexes.set(index, (fi = buildFilterIndex(index)));
  return fi;
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

/** True once the page has been idle after the first render: the moment to do background work. */
function useIdle(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(function waitForIdle() {
    const id = window.requestIdleCallback
      ? window.requestIdleCallback(() => setIdle(true), { timeout: 3000 })
      : window.setTimeout(() => setIdle(true), 500);
    return () => (window.cancelIdleCallback ? window.cancelIdleCallback(id) : window.clearTimeout(id));
  }, []);
  return idle;
}

export function useFilteredEvents(index: DatasetIndex): FilterResult {
  const filter = useEventFilter();
  const { actor, place, type, from, to, q } = filter;
  const idle = useIdle();
  const wanted = idle || q.trim() !== '';
  const [built, setBuilt] = useState<{ index: DatasetIndex; search: EventSearch } | null>(null);
  useEffect(
    function buildSearchIndexWhenWanted() {
      if (!wanted) return;
      let current = true;
      void searchIndexOf(index).then((search) => {
        if (current) setBuilt({ index, search });
      });
      return () => {
        current = false;
      };
    },
    [index, wanted],
  );
  const searchIndex = built?.index === index ? built.search : null;
  return useMemo(
    () => applyFilter(filterIndexOf(index), { actor, place, type, from, to, q }, searchIndex),
    [index, actor, place, type, from, to, q, searchIndex],
  );
}
