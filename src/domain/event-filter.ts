/**
 * Filtering and facet counts. Built for 100,000 events: the per-event lookups (type, actor ids, the place ids with
 * every ancestor, dates) are precomputed once, so a filter pass is one linear scan with O(1) work per link, and the
 * facet counts of every dimension come out of that same pass.
 *
 * Facet counts follow the ACLED/Palladio convention: the count beside a value is how many events would match if
 * that value were added, given all the *other* active filters.
 */
import type { DatasetIndex } from './dataset-index.ts';
import type { NewsEvent, Place } from './dataset-schema.ts';
import { hasSearchTerms } from './event-search.ts';
import type { ViewState } from './url-state.ts';

export type EventFilter = Pick<ViewState, 'actor' | 'place' | 'type' | 'from' | 'to' | 'q'>;

export interface FilterIndex {
  events: readonly NewsEvent[];
  /** Per event (same order as `events`): its place ids and all their ancestors, without duplicates. */
  placeClosure: readonly (readonly string[])[];
  /** Per event: its distinct actor ids. */
  actorIds: readonly (readonly string[])[];
}

export function buildFilterIndex(index: DatasetIndex): FilterIndex {
  const ancestorsOf = new Map<string, string[]>();
  for (const place of index.placeById.values()) ancestorsOf.set(place.id, ancestorChain(place, index.placeById));
  return {
    events: index.events,
    placeClosure: index.events.map((e) => [...new Set(e.places.flatMap((p) => ancestorsOf.get(p.placeId) ?? []))]),
    actorIds: index.events.map((e) => [...new Set(e.actors.map((a) => a.actorId))]),
  };
}

function ancestorChain(place: Place, placeById: ReadonlyMap<string, Place>): string[] {
  const chain = [place.id];
  for (let parent = place.parentId; parent && !chain.includes(parent); parent = placeById.get(parent)?.parentId ?? null)
    chain.push(parent);
  return chain;
}

export interface FilterResult {
  /** Matching events in dataset (date) order. */
  events: NewsEvent[];
  /** Relevance per matching event when a text query is active (higher is better). */
  scores: ReadonlyMap<string, number> | null;
  /** A text query is set but the search index is still being built: nothing can be said yet. */
  searchPending: boolean;
  counts: {
    actor: ReadonlyMap<string, number>;
    /** Places count the events at them and at every place inside them. */
    place: ReadonlyMap<string, number>;
    type: ReadonlyMap<string, number>;
  };
}

const TYPE = 1;
const ACTOR = 2;
const PLACE = 4;

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

/**
 * Applies every filter: types, actors and places are each "any of" the chosen values; the dimensions combine with
 * "and"; a date range keeps events whose interval overlaps it (an event known only as "March 2020" is kept by a
 * range that touches March 2020); text keeps the events in `textMatches` (the search results for `filter.q`, with scores; null while they are
 * not known yet, which makes the result pending rather than wrong).
 */
export function applyFilter(
  fi: FilterIndex,
  filter: EventFilter,
  textMatches: ReadonlyMap<string, number> | null,
): FilterResult {
  const types = new Set(filter.type);
  const actors = new Set(filter.actor);
  const places = new Set(filter.place);
  // A query of stop words only ("the") filters nothing, rather than everything away.
  const hasQuery = hasSearchTerms(filter.q);
  if (hasQuery && !textMatches)
    return {
      events: [],
      scores: null,
      searchPending: true,
      counts: { actor: new Map(), place: new Map(), type: new Map() },
    };
  const scores = hasQuery ? textMatches : null;
  const from = filter.from;
  const to = filter.to;

  const typeCounts = new Map<string, number>();
  const actorCounts = new Map<string, number>();
  const placeCounts = new Map<string, number>();
  const bump = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const matched: NewsEvent[] = [];

  fi.events.forEach((event, i) => {
    // Date and text are not facets: an event they exclude counts nowhere.
    if (from !== null && event.date.latest < from) return;
    if (to !== null && event.date.earliest > to) return;
    if (scores && !scores.has(event.id)) return;

    const eventActors = fi.actorIds[i]!;
    const eventPlaces = fi.placeClosure[i]!;
    let failed = 0;
    if (types.size > 0 && !types.has(event.type)) failed |= TYPE;
    if (actors.size > 0 && !eventActors.some((a) => actors.has(a))) failed |= ACTOR;
    if (places.size > 0 && !eventPlaces.some((p) => places.has(p))) failed |= PLACE;

    if (failed === 0) matched.push(event);
    // Counts for a dimension ignore that dimension's own selection.
    if ((failed & ~TYPE) === 0) bump(typeCounts, event.type);
    if ((failed & ~ACTOR) === 0) for (const a of eventActors) bump(actorCounts, a);
    if ((failed & ~PLACE) === 0) for (const p of eventPlaces) bump(placeCounts, p);
  });

  return {
    events: matched,
    scores,
    searchPending: false,
    counts: { actor: actorCounts, place: placeCounts, type: typeCounts },
  };
}
