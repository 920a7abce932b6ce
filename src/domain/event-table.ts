/**
 * The loaded dataset as the engine holds it: events as columns (typed arrays, CSR links, strings read on demand),
 * the records they refer to (actors, places, sources) as small arrays of objects, and the joins computed once at
 * load (every event's places with all their ancestors, so "Syria" includes "Idlib" in one lookup).
 *
 * Rows: an event's row is its position in the dataset order (earliest day, then latest, then id). Days are epoch
 * days (days since 1970-01-01, UTC). Codes of an enumeration are its position in the taxonomy's list + 1; 0 is
 * "none" (only for nullable fields).
 */
import type { Table } from '@uwdata/flechette';
import {
  codeColumn,
  codeListColumn,
  float64Column,
  int32Column,
  NO_DAY,
  nullableInt32Column,
  PackError,
  readerOf,
  rowListColumn,
  stringArray,
  stringColumn,
  stringListArray,
  type Csr,
  type StringColumn,
} from './arrow-columns.ts';
import type { Actor, EventDate, NewsEvent, Place, Source } from './dataset-schema.ts';
import type { PackManifest } from './event-pack.ts';
import { fromEpochDay } from './iso-day.ts';
import {
  ACTOR_KINDS,
  ACTOR_ROLES,
  EVENT_TYPE_IDS,
  MODALITIES,
  PLACE_KINDS,
  PLACE_PRECISIONS,
  PLACE_ROLES,
  SOURCE_KINDS,
  type EventType,
  type SourceKind,
} from './taxonomy.ts';
import { PRECISIONS, QUALIFIERS } from './temporal.ts';

export interface EventColumns {
  readonly size: number;
  readonly id: StringColumn;
  readonly title: StringColumn;
  readonly display: StringColumn;
  /** Type code per event: EVENT_TYPE_IDS[code - 1]. */
  readonly type: Uint8Array;
  /** Earliest and latest day (inclusive epoch days). */
  readonly earliest: Int32Array;
  readonly latest: Int32Array;
  readonly precision: Uint8Array;
  /** 0 = no qualifier. */
  readonly qualifier: Uint8Array;
  readonly modality: Uint8Array;
  /** Actor rows per event, with the role of each link (same offsets). */
  readonly actors: Csr;
  readonly actorRoles: Uint8Array;
  readonly places: Csr;
  readonly placeRoles: Uint8Array;
  readonly placePrecisions: Uint8Array;
  /** Per event: its distinct places and all their ancestors (what a place filter and a place's count match). */
  readonly placeClosure: Csr;
  /** Reported deaths per event; -1 where the source gives no figure. */
  readonly fatalities: Int32Array;
  /** The source's own type label (imports), '' when curated. */
  readonly sourceType: StringColumn;
}

/** A source without its text (the text is loaded on demand). */
export type SourceMeta = Omit<Source, 'text'>;

export interface PackTables {
  events: Table;
  actors: Table;
  places: Table;
  sources: Table;
}

export interface LoadedPack {
  manifest: PackManifest;
  columns: EventColumns;
  actors: Actor[];
  places: Place[];
  /** Parent row per place (-1: none). */
  placeParent: Int32Array;
  sources: SourceMeta[];
  /** Row of each source id (details and disagreements name sources by id). */
  sourceRowById: ReadonlyMap<string, number>;
}

const MS_PER_DAY = 86_400_000;

/** The fields of an event every view draws, read from the hot columns (a structural subset of NewsEvent). */
export type EventSummary = Pick<
  NewsEvent,
  'id' | 'type' | 'title' | 'modality' | 'actors' | 'places' | 'fatalities'
> & {
  /** The source's own type at its finest level ("Armed clash"), null for curated events. */
  sourceType: string | null;
  row: number;
  date: Pick<EventDate, 'earliest' | 'latest' | 'precision' | 'qualifier' | 'display'>;
};

/**
 * Decodes and checks the hot tables. Cheap structural checks only (the build validated every record): row counts
 * against the manifest, column types and lengths, vocabularies, references inside their tables, earliest ≤ latest,
 * an acyclic place hierarchy. Throws a PackError naming the file, column and row.
 */
export function decodePack(manifest: PackManifest, tables: PackTables): LoadedPack {
  const { counts, files } = manifest;
  const actorsReader = readerOf(files.actors.path, tables.actors, counts.actors);
  const placesReader = readerOf(files.places.path, tables.places, counts.places);
  const sourcesReader = readerOf(files.sources.path, tables.sources, counts.sources);
  const eventsReader = readerOf(files.events.path, tables.events, counts.events);

  const actors = decodeActors(actorsReader);
  const { places, placeParent } = decodePlaces(placesReader);
  const sources = decodeSources(sourcesReader);

  const earliest = int32Column(eventsReader, 'earliest');
  const latest = int32Column(eventsReader, 'latest');
  for (let row = 0; row < counts.events; row++)
    if (earliest[row]! > latest[row]!)
      throw new PackError(`${files.events.path}: row ${row}: earliest is after latest`);
  const actorLinks = rowListColumn(eventsReader, 'actors', counts.actors);
  const actorRoles = codeListColumn(eventsReader, 'actor_roles', ACTOR_ROLES);
  const placeLinks = rowListColumn(eventsReader, 'places', counts.places);
  const placeRoles = codeListColumn(eventsReader, 'place_roles', PLACE_ROLES);
  const placePrecisions = codeListColumn(eventsReader, 'place_precisions', PLACE_PRECISIONS);
  if (!sameOffsets(actorLinks.offsets, actorRoles.offsets))
    throw new PackError(`${files.events.path}: columns "actors" and "actor_roles" differ in length`);
  if (!sameOffsets(placeLinks.offsets, placeRoles.offsets) || !sameOffsets(placeLinks.offsets, placePrecisions.offsets))
    throw new PackError(
      `${files.events.path}: columns "places", "place_roles" and "place_precisions" differ in length`,
    );

  const columns: EventColumns = {
    size: counts.events,
    id: stringColumn(eventsReader, 'id'),
    title: stringColumn(eventsReader, 'title'),
    display: stringColumn(eventsReader, 'date_display'),
    type: codeColumn(eventsReader, 'type', EVENT_TYPE_IDS),
    earliest,
    latest,
    precision: codeColumn(eventsReader, 'precision', PRECISIONS),
    qualifier: codeColumn(eventsReader, 'qualifier', QUALIFIERS, true),
    modality: codeColumn(eventsReader, 'modality', MODALITIES),
    actors: actorLinks,
    actorRoles: actorRoles.values,
    places: placeLinks,
    placeRoles: placeRoles.values,
    placePrecisions: placePrecisions.values,
    placeClosure: closeOverAncestors(placeLinks, placeParent),
    fatalities: nullableInt32Column(eventsReader, 'fatalities'),
    sourceType: stringColumn(eventsReader, 'source_type', true),
  };
  for (let row = 0; row < counts.events; row++)
    if (columns.fatalities[row]! < -1) throw new PackError(`${files.events.path}: row ${row}: fatalities is negative`);
  const sourceRowById = new Map(sources.map((s, row) => [s.id, row]));
  return { manifest, columns, actors, places, placeParent, sources, sourceRowById };
}

function sameOffsets(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function decodeActors(reader: ReturnType<typeof readerOf>): Actor[] {
  const ids = stringArray(reader, 'id');
  const names = stringArray(reader, 'name');
  const aliases = stringListArray(reader, 'aliases');
  const kinds = codeColumn(reader, 'kind', ACTOR_KINDS);
  const countries = stringArray(reader, 'country_code');
  const offices = stringArray(reader, 'office');
  return ids.map((id, row) => ({
    id: required(id, reader.file, 'id', row),
    name: required(names[row], reader.file, 'name', row),
    aliases: aliases[row]!,
    kind: ACTOR_KINDS[kinds[row]! - 1]!,
    countryCode: countries[row] ?? null,
    office: offices[row] ?? null,
  }));
}

function decodePlaces(reader: ReturnType<typeof readerOf>): { places: Place[]; placeParent: Int32Array } {
  const ids = stringArray(reader, 'id');
  const names = stringArray(reader, 'name');
  const aliases = stringListArray(reader, 'aliases');
  const kinds = codeColumn(reader, 'kind', PLACE_KINDS);
  const countries = stringArray(reader, 'country_code');
  const lat = float64Column(reader, 'lat');
  const lon = float64Column(reader, 'lon');
  const parent = nullableInt32Column(reader, 'parent');
  const geonames = nullableInt32Column(reader, 'geonames_id', 0);
  const wikidata = stringArray(reader, 'wikidata_id');
  for (let row = 0; row < reader.rows; row++) {
    if (!(Math.abs(lat[row]!) <= 90 && Math.abs(lon[row]!) <= 180))
      throw new PackError(`${reader.file}: row ${row}: coordinates outside [-90, 90] × [-180, 180]`);
    if (parent[row]! < -1 || parent[row]! >= reader.rows)
      throw new PackError(`${reader.file}: row ${row}: parent ${parent[row]} outside the table`);
  }
  // A cycle in the hierarchy would make "places inside Syria" loop forever: refuse it here.
  for (let row = 0; row < reader.rows; row++) {
    let steps = 0;
    for (let p = parent[row]!; p >= 0; p = parent[p]!)
      if (++steps > reader.rows) throw new PackError(`${reader.file}: row ${row}: the parent places form a cycle`);
  }
  const places = ids.map((id, row): Place => ({
    id: required(id, reader.file, 'id', row),
    name: required(names[row], reader.file, 'name', row),
    aliases: aliases[row]!,
    kind: PLACE_KINDS[kinds[row]! - 1]!,
    countryCode: countries[row] ?? null,
    lat: lat[row]!,
    lon: lon[row]!,
    parentId: parent[row]! >= 0 ? (ids[parent[row]!] ?? null) : null,
    geonamesId: geonames[row]! > 0 ? geonames[row]! : null,
    wikidataId: wikidata[row] ?? null,
  }));
  return { places, placeParent: parent };
}

function decodeSources(reader: ReturnType<typeof readerOf>): SourceMeta[] {
  const column = (name: string) => stringArray(reader, name);
  const [ids, kinds, titles, titleBases, publishers, publisherNotes, urls, languages, bases, notes, files] = [
    'id',
    'kind',
    'title',
    'title_basis',
    'publisher',
    'publisher_note',
    'url',
    'language',
    'published_at_basis',
    'published_at_note',
    'file',
  ].map(column) as (string | null)[][];
  const published = nullableInt32Column(reader, 'published_at', NO_DAY);
  return ids!.map((id, row) => {
    const url = urls![row] ?? null;
    // A javascript: or data: address must never become a link, whatever wrote the pack.
    if (url !== null && !/^https?:\/\//i.test(url))
      throw new PackError(`${reader.file}: row ${row}: url is not an http(s) address`);
    const titleBasis = titleBases![row];
    const basis = bases![row];
    if (titleBasis !== 'text' && titleBasis !== 'written')
      throw new PackError(`${reader.file}: row ${row}: title_basis must be "text" or "written"`);
    if (basis !== 'dateline' && basis !== 'inferred' && basis !== 'unknown')
      throw new PackError(`${reader.file}: row ${row}: published_at_basis must be "dateline", "inferred" or "unknown"`);
    const kind = kinds![row];
    if (!SOURCE_KINDS.includes(kind as SourceKind))
      throw new PackError(`${reader.file}: row ${row}: kind must be one of ${SOURCE_KINDS.join(', ')}`);
    return {
      id: required(id, reader.file, 'id', row),
      kind: kind as SourceKind,
      title: titles![row] ?? '',
      titleBasis,
      publisher: publishers![row] ?? '',
      publisherNote: publisherNotes![row] ?? null,
      url,
      language: languages![row] ?? '',
      publishedAt: published[row] === NO_DAY ? null : fromEpochDay(published[row]!),
      publishedAtBasis: basis,
      publishedAtNote: notes![row] ?? '',
      file: files![row] ?? '',
    };
  });
}

function required(value: string | null | undefined, file: string, column: string, row: number): string {
  if (value === null || value === undefined || value === '')
    throw new PackError(`${file}: column "${column}", row ${row}: missing value`);
  return value;
}

/**
 * Each event's places with every ancestor, without duplicates, as CSR. Duplicates within an event are removed
 * with a stamp array (the row that last added a place), so the pass is linear in links × depth.
 */
export function closeOverAncestors(places: Csr, parent: Int32Array): Csr {
  const rows = places.offsets.length - 1;
  const stamp = new Int32Array(parent.length).fill(-1);
  let capacity = places.values.length * 3 + 16;
  let values = new Int32Array(capacity);
  const offsets = new Int32Array(rows + 1);
  let at = 0;
  for (let row = 0; row < rows; row++) {
    offsets[row] = at;
    for (let j = places.offsets[row]!; j < places.offsets[row + 1]!; j++) {
      for (let p = places.values[j]!; p >= 0 && stamp[p] !== row; p = parent[p]!) {
        stamp[p] = row;
        if (at === capacity) {
          capacity *= 2;
          const grown = new Int32Array(capacity);
          grown.set(values);
          values = grown;
        }
        values[at++] = p;
      }
    }
  }
  offsets[rows] = at;
  return { offsets, values: values.slice(0, at) };
}

const typeOf = (columns: EventColumns, row: number): EventType => EVENT_TYPE_IDS[columns.type[row]! - 1]!;

/** The hot fields of one event as an object (built on demand, for the few events a view shows at once). */
export function readSummary(pack: LoadedPack, row: number): EventSummary {
  const c = pack.columns;
  const actors: EventSummary['actors'] = [];
  for (let j = c.actors.offsets[row]!; j < c.actors.offsets[row + 1]!; j++)
    actors.push({ actorId: pack.actors[c.actors.values[j]!]!.id, role: ACTOR_ROLES[c.actorRoles[j]! - 1]! });
  const places: EventSummary['places'] = [];
  for (let j = c.places.offsets[row]!; j < c.places.offsets[row + 1]!; j++)
    places.push({
      placeId: pack.places[c.places.values[j]!]!.id,
      role: PLACE_ROLES[c.placeRoles[j]! - 1]!,
      precision: PLACE_PRECISIONS[c.placePrecisions[j]! - 1]!,
    });
  const qualifier = c.qualifier[row]!;
  return {
    row,
    id: c.id.at(row),
    type: typeOf(c, row),
    title: c.title.at(row),
    modality: MODALITIES[c.modality[row]! - 1]!,
    date: {
      earliest: fromEpochDay(c.earliest[row]!),
      latest: fromEpochDay(c.latest[row]!),
      precision: PRECISIONS[c.precision[row]! - 1]!,
      qualifier: qualifier === 0 ? null : QUALIFIERS[qualifier - 1]!,
      display: c.display.at(row),
    },
    actors,
    places,
    fatalities: c.fatalities[row]! >= 0 ? c.fatalities[row]! : null,
    sourceType: c.sourceType.at(row) || null,
  };
}

/** UTC midnight of an epoch day, in ms. */
export const epochDayMs = (day: number) => day * MS_PER_DAY;
