/**
 * The loaded dataset as every view sees it: the event columns and the engine over them, the records events refer
 * to with lookups by id, and on-demand objects for the few events a view shows at once. Built once per pack, in
 * time linear in the number of actors, places and sources (the events stay columns).
 */
import type { Actor, Place } from './dataset-schema.ts';
import { runFilter, tallyPlaces, type EngineFilter, type EngineResult, type PlaceTally } from './event-engine.ts';
import { readSummary, type EventColumns, type EventSummary, type LoadedPack, type SourceMeta } from './event-table.ts';
import type { EventType, PlaceKind } from './taxonomy.ts';
import { EVENT_TYPE_IDS } from './taxonomy.ts';
import type { Story } from './story.ts';
import type { KnownIds } from './url-state.ts';

export interface DatasetIndex {
  pack: LoadedPack;
  title: string;
  description: string;
  /** Number of events. */
  size: number;
  columns: EventColumns;
  actors: readonly Actor[];
  places: readonly Place[];
  sources: readonly SourceMeta[];
  actorById: ReadonlyMap<string, Actor>;
  placeById: ReadonlyMap<string, Place>;
  sourceById: ReadonlyMap<string, SourceMeta>;
  actorRowById: ReadonlyMap<string, number>;
  placeRowById: ReadonlyMap<string, number>;
  sourceRowById: ReadonlyMap<string, number>;
  /** The row of an event id (the id map is built on first use: at 1M events it costs more than the rest). */
  rowOf(eventId: string): number | undefined;
  /** The hot fields of the event at `row`, as an object (cached: views ask for the same few again and again). */
  summary(row: number): EventSummary;
  summaryById(eventId: string): EventSummary | undefined;
  /** The dataset's guided stories (checked against its events when the pack was built and loaded). */
  stories: readonly Story[];
  /** The event types the dataset uses, for the legend and the type facet. */
  typesPresent: ReadonlySet<EventType>;
  known: KnownIds;
  /** Earliest and latest day of any event. */
  extent: { earliest: string; latest: string } | null;
  filter(filter: EngineFilter): EngineResult;
  tallyPlaces(rows: Int32Array): PlaceTally;
}

export function indexDataset(pack: LoadedPack, stories: readonly Story[] = []): DatasetIndex {
  const { columns, actors, places, sources, manifest } = pack;
  const rowsById = <T extends { id: string }>(records: readonly T[]) => new Map(records.map((r, i) => [r.id, i]));
  let eventRows: Map<string, number> | null = null;
  const rowOf = (eventId: string) => {
    if (!eventRows) {
      eventRows = new Map();
      for (let row = 0; row < columns.size; row++) eventRows.set(columns.id.at(row), row);
    }
    return eventRows.get(eventId);
  };
  const summaries = new Map<number, EventSummary>();
  const summary = (row: number) => {
    let s = summaries.get(row);
    if (!s) {
      // Bounded: a view shows at most a few thousand at once; forget the oldest beyond that.
      if (summaries.size > 20_000) summaries.delete(summaries.keys().next().value!);
      summaries.set(row, (s = readSummary(pack, row)));
    }
    return s;
  };
  const typesPresent = new Set<EventType>();
  const seenTypes = new Uint8Array(EVENT_TYPE_IDS.length + 1);
  for (let row = 0; row < columns.size; row++) seenTypes[columns.type[row]!] = 1;
  seenTypes.forEach((seen, code) => {
    if (seen && code > 0) typesPresent.add(EVENT_TYPE_IDS[code - 1]!);
  });
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const placeById = new Map(places.map((p) => [p.id, p]));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  return {
    pack,
    title: manifest.title,
    description: manifest.description,
    size: columns.size,
    columns,
    actors,
    places,
    sources,
    actorById,
    placeById,
    sourceById,
    actorRowById: rowsById(actors),
    placeRowById: rowsById(places),
    sourceRowById: pack.sourceRowById,
    rowOf,
    summary,
    summaryById: (eventId) => {
      const row = rowOf(eventId);
      return row === undefined ? undefined : summary(row);
    },
    stories,
    typesPresent,
    known: {
      events: { has: (id) => rowOf(id) !== undefined },
      actors: actorById,
      places: placeById,
      types: new Set<string>(EVENT_TYPE_IDS),
      sources: sourceById,
      storySteps: new Map(stories.map((story) => [story.id, story.steps.length])),
    },
    extent: manifest.extent,
    filter: (filter) => runFilter(columns, actors.length, places.length, filter),
    tallyPlaces: (rows) => tallyPlaces(columns, places.length, rows),
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
  placeRow: number;
  /** Matching events at the place. */
  count: number;
  /** The most frequent type (ties broken by taxonomy order), which colours the mark. */
  dominantType: EventType;
  isArea: boolean;
  /** The matching events at the place, in dataset order. */
  eventRows(): Int32Array;
}

/**
 * One aggregate per place that any of the matching rows touches, so the map draws one mark per place however many
 * events there are. Areas first and larger counts below smaller ones, so small marks stay clickable on top.
 */
export function aggregateByPlace(index: DatasetIndex, tally: PlaceTally): PlaceAggregate[] {
  const aggregates: PlaceAggregate[] = [];
  for (let k = 0; k < tally.placeRows.length; k++) {
    const placeRow = tally.placeRows[k]!;
    const place = index.places[placeRow]!;
    aggregates.push({
      place,
      placeRow,
      count: tally.counts[k]!,
      dominantType: EVENT_TYPE_IDS[tally.dominantType[k]! - 1]!,
      isArea: isAreaPlace(place),
      eventRows: () => tally.eventRowsAt(placeRow),
    });
  }
  return aggregates.sort(
    (a, b) => Number(b.isArea) - Number(a.isArea) || b.count - a.count || (a.place.id < b.place.id ? -1 : 1),
  );
}
