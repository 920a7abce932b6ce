/**
 * Lookup structures built once per loaded dataset, so that no view ever scans the events to find one by id,
 * by place or by article. Built in O(events + links); everything after is O(1) per lookup.
 */
import type { Actor, Dataset, NewsEvent, Place, Source } from './dataset-schema.ts';
import type { EventType, PlaceKind } from './taxonomy.ts';
import { EVENT_TYPE_IDS } from './taxonomy.ts';
import type { KnownIds } from './url-state.ts';

export interface DatasetIndex {
  dataset: Dataset;
  /** Events in dataset order (by earliest date, then latest, then id). */
  events: readonly NewsEvent[];
  eventById: ReadonlyMap<string, NewsEvent>;
  /** The event types the dataset uses, for the legend and the type facet. */
  typesPresent: ReadonlySet<EventType>;
  actorById: ReadonlyMap<string, Actor>;
  placeById: ReadonlyMap<string, Place>;
  sourceById: ReadonlyMap<string, Source>;
  /** Events citing each source, in dataset order. */
  eventsBySource: ReadonlyMap<string, readonly NewsEvent[]>;
  known: KnownIds;
  /** Earliest and latest day of any event. */
  extent: { earliest: string; latest: string } | null;
}

export function indexDataset(dataset: Dataset): DatasetIndex {
  const events = dataset.events;
  const eventsBySource = new Map<string, NewsEvent[]>(dataset.sources.map((s) => [s.id, []]));
  let earliest: string | null = null;
  let latest: string | null = null;
  for (const event of events) {
    for (const sourceId of event.sourceIds) eventsBySource.get(sourceId)?.push(event);
    if (earliest === null || event.date.earliest < earliest) earliest = event.date.earliest;
    if (latest === null || event.date.latest > latest) latest = event.date.latest;
  }
  return {
    dataset,
    events,
    eventById: new Map(events.map((e) => [e.id, e])),
    typesPresent: new Set(events.map((e) => e.type)),
    actorById: new Map(dataset.actors.map((a) => [a.id, a])),
    placeById: new Map(dataset.places.map((p) => [p.id, p])),
    sourceById: new Map(dataset.sources.map((s) => [s.id, s])),
    eventsBySource,
    known: {
      events: new Set(events.map((e) => e.id)),
      actors: new Set(dataset.actors.map((a) => a.id)),
      places: new Set(dataset.places.map((p) => p.id)),
      types: new Set<string>(EVENT_TYPE_IDS),
      sources: new Set(dataset.sources.map((s) => s.id)),
    },
    extent: earliest && latest ? { earliest, latest } : null,
  };
}

/** Places whose extent is an area: drawn as an outline or a shaded zone, never as a pin. */
const AREA_KINDS: ReadonlySet<PlaceKind> = new Set(['country', 'admin1', 'region', 'water']);

export function isAreaPlace(place: Place): boolean {
  return AREA_KINDS.has(place.kind);
}

/** The events at one place, for one mark on the map. */
export interface PlaceAggregate {
  place: Place;
  eventIds: string[];
  countByType: Partial<Record<EventType, number>>;
  /** The most frequent type (ties broken by taxonomy order), which colours the mark. */
  dominantType: EventType;
  isArea: boolean;
}

/**
 * One aggregate per place that any of `events` touches: a single pass over the event→place links, so the map
 * draws one mark per place however many events there are.
 */
export function aggregateByPlace(events: Iterable<NewsEvent>, placeById: ReadonlyMap<string, Place>): PlaceAggregate[] {
  const byPlace = new Map<string, { eventIds: string[]; countByType: Partial<Record<EventType, number>> }>();
  for (const event of events) {
    const seen = new Set<string>();
    for (const link of event.places) {
      if (seen.has(link.placeId)) continue; // an event counts once per place, whatever its roles there
      seen.add(link.placeId);
      let entry = byPlace.get(link.placeId);
      if (!entry) byPlace.set(link.placeId, (entry = { eventIds: [], countByType: {} }));
      entry.eventIds.push(event.id);
      entry.countByType[event.type] = (entry.countByType[event.type] ?? 0) + 1;
    }
  }
  const aggregates: PlaceAggregate[] = [];
  for (const [placeId, entry] of byPlace) {
    const place = placeById.get(placeId);
    if (!place) continue;
    let dominantType: EventType = EVENT_TYPE_IDS[0];
    let best = -1;
    for (const type of EVENT_TYPE_IDS) {
      const count = entry.countByType[type] ?? 0;
      if (count > best) [dominantType, best] = [type, count];
    }
    aggregates.push({ place, ...entry, dominantType, isArea: isAreaPlace(place) });
  }
  // Areas first and larger counts below smaller ones, so small marks stay clickable on top.
  return aggregates.sort(
    (a, b) =>
      Number(b.isArea) - Number(a.isArea) ||
      b.eventIds.length - a.eventIds.length ||
      (a.place.id < b.place.id ? -1 : 1),
  );
}
