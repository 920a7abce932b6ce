/**
 * The user's filter (ids and ISO days, as in the URL) turned into the engine's terms (codes, rows, epoch days),
 * and the result every view draws. Types, actors and places are each "any of" the chosen values; the dimensions
 * combine with "and"; a date range keeps events whose interval overlaps it (an event known only as "March 2020" is
 * kept by a range that touches March 2020); text keeps the search's matches.
 */
import type { DatasetIndex } from './dataset-index.ts';
import type { EngineResult, TextMatches } from './event-engine.ts';
import { hasSearchTerms } from './search-terms.ts';
import { toEpochDay } from './iso-day.ts';
import { EVENT_TYPE_IDS } from './taxonomy.ts';
import type { ViewState } from './url-state.ts';

export type EventFilter = Pick<ViewState, 'actor' | 'place' | 'type' | 'from' | 'to' | 'q'>;

export interface FilterResult extends EngineResult {
  /** A text query is set but its matches are not known yet: nothing can be said yet. */
  searchPending: boolean;
  /** The list order is by relevance (a text query is active). */
  ranked: boolean;
  /** The text matches so far come from titles only: the full-text index is still loading. */
  searchPartial?: boolean;
}

export function isFilterActive(filter: EventFilter): boolean {
  return (
    filter.actor.length > 0 ||
    filter.place.length > 0 ||
    filter.type.length > 0 ||
    filter.from !== null ||
    filter.to !== null ||
    hasSearchTerms(filter.q)
  );
}

const TYPE_CODE = new Map<string, number>(EVENT_TYPE_IDS.map((type, i) => [type, i + 1]));

/** The count of events of `type` in a result's type counts. */
export const typeCount = (result: EngineResult, type: string) => result.counts.type[TYPE_CODE.get(type) ?? 0] ?? 0;

const EMPTY = new Int32Array(0);

/**
 * Applies `filter`. `textMatches` are the search results for `filter.q` (null while they are not known, which makes
 * the result pending rather than wrong). A query of stop words only ("the") filters nothing.
 */
export function applyFilter(index: DatasetIndex, filter: EventFilter, textMatches: TextMatches | null): FilterResult {
  const hasQuery = hasSearchTerms(filter.q);
  if (hasQuery && !textMatches)
    return {
      rows: EMPTY,
      listRows: EMPTY,
      mask: new Uint8Array(index.size),
      counts: {
        type: new Int32Array(EVENT_TYPE_IDS.length + 1),
        actor: new Int32Array(index.actors.length),
        place: new Int32Array(index.places.length),
      },
      searchPending: true,
      ranked: true,
    };
  const rowsOf = (ids: readonly string[], rows: ReadonlyMap<string, number>) =>
    ids.flatMap((id) => (rows.has(id) ? [rows.get(id)!] : []));
  const result = index.filter({
    typeCodes: filter.type.flatMap((t) => (TYPE_CODE.has(t) ? [TYPE_CODE.get(t)!] : [])),
    actorRows: rowsOf(filter.actor, index.actorRowById),
    placeRows: rowsOf(filter.place, index.placeRowById),
    fromDay: filter.from === null ? null : toEpochDay(filter.from),
    toDay: filter.to === null ? null : toEpochDay(filter.to),
    text: hasQuery ? textMatches : null,
  });
  return { ...result, searchPending: false, ranked: hasQuery };
}
