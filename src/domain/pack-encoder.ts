/**
 * Writes a validated dataset as its columnar pack (see src/domain/event-pack.ts for the layout and contract):
 * Arrow IPC files, written with @uwdata/flechette, which any Arrow reader opens (DuckDB: `read_arrow`/`arrow`
 * extension, pandas/polars: `pyarrow.ipc.open_file`). Pure apart from the returned bytes: the same dataset always
 * gives the same bytes. Row references (actors, places, sources, parent places) are 0-based row numbers of the
 * referenced table; days are Arrow date32 (days since 1970-01-01); enumerations are dictionary-encoded strings.
 */
import {
  dateDay,
  dictionary,
  float64,
  int32,
  list,
  tableFromArrays,
  tableToIPC,
  utf8,
  type Table,
} from '@uwdata/flechette';
import type { Dataset, Disagreement, NewsEvent } from './dataset-schema.ts';
import { toEpochDay } from './iso-day.ts';
import {
  ATTRIBUTE_COLUMN_PREFIX,
  DETAIL_CHUNK_ROWS,
  PACK_FORMAT,
  PACK_VERSION,
  STORIES_FILE,
  TEXT_CHUNK_ROWS,
  chunkRanges,
  detailChunkPath,
  extentOf,
  textChunkPath,
  type PackChunkEntry,
  type PackFileEntry,
  type PackManifest,
} from './event-pack.ts';
import { serializeEventSearch, type SerializedSearch } from './event-search.ts';
import type { Story, StoryCollection } from './story.ts';

export interface PackFile {
  /** Relative to the pack folder. */
  path: string;
  bytes: Uint8Array;
}

const MS_PER_DAY = 86_400_000;
const dayMs = (isoDay: string) => toEpochDay(isoDay) * MS_PER_DAY;
/** A dictionary-encoded string type. A new one per column: flechette keys dictionaries by the type's id. */
const text = () => dictionary(utf8());

function ipc(table: Table): Uint8Array {
  const bytes = tableToIPC(table, { format: 'file' });
  if (!bytes) throw new Error('flechette returned no bytes');
  return bytes;
}

function rowsOf<T extends { id: string }>(records: readonly T[], kind: string): Map<string, number> {
  const rows = new Map<string, number>();
  records.forEach((record, row) => {
    if (rows.has(record.id)) throw new Error(`duplicate ${kind} id "${record.id}"`);
    rows.set(record.id, row);
  });
  return rows;
}

function rowOf(rows: ReadonlyMap<string, number>, id: string, what: string): number {
  const row = rows.get(id);
  if (row === undefined) throw new Error(`${what}: unknown id "${id}"`);
  return row;
}

/** Disagreements as they are in the JSON contract, less the quotes (they are slices of the texts). */
function disagreementsWithoutQuotes(disagreements: readonly Disagreement[]): string | null {
  if (disagreements.length === 0) return null;
  return JSON.stringify(
    disagreements.map((d) => ({ ...d, versions: d.versions.map(({ quote: _quote, ...version }) => version) })),
  );
}

function eventsTable(events: readonly NewsEvent[], actorRows: Map<string, number>, placeRows: Map<string, number>) {
  return tableFromArrays(
    {
      id: events.map((e) => e.id),
      type: events.map((e) => e.type),
      earliest: events.map((e) => dayMs(e.date.earliest)),
      latest: events.map((e) => dayMs(e.date.latest)),
      precision: events.map((e) => e.date.precision),
      qualifier: events.map((e) => e.date.qualifier),
      modality: events.map((e) => e.modality),
      title: events.map((e) => e.title),
      date_display: events.map((e) => e.date.display),
      actors: events.map((e) => e.actors.map((a) => rowOf(actorRows, a.actorId, `event "${e.id}"`))),
      actor_roles: events.map((e) => e.actors.map((a) => a.role)),
      places: events.map((e) => e.places.map((p) => rowOf(placeRows, p.placeId, `event "${e.id}"`))),
      place_roles: events.map((e) => e.places.map((p) => p.role)),
      place_precisions: events.map((e) => e.places.map((p) => p.precision)),
      fatalities: events.map((e) => e.fatalities),
      source_type: events.map((e) => sourceTypeLabel(e)),
    },
    {
      types: {
        id: utf8(),
        type: text(),
        earliest: dateDay(),
        latest: dateDay(),
        precision: text(),
        qualifier: text(),
        modality: text(),
        title: utf8(),
        date_display: utf8(),
        actors: list(int32()),
        actor_roles: list(text()),
        places: list(int32()),
        place_roles: list(text()),
        place_precisions: list(text()),
        fatalities: int32(),
        source_type: text(),
      },
    },
  );
}

/** The source's own type as the list shows it: the finest level it gives ("Armed clash", else "Battles"). */
function sourceTypeLabel(event: NewsEvent): string | null {
  return event.classification ? (event.classification.subType ?? event.classification.type) : null;
}

/** Every attribute name of the dataset, in first-seen order: one details column each, in every chunk. */
function attributeNamesOf(events: readonly NewsEvent[]): string[] {
  const names = new Set<string>();
  for (const event of events) for (const name of Object.keys(event.attributes)) names.add(name);
  return [...names];
}

/**
 * The records' unmapped fields as columns ("attr.disorder_type"): dictionary-encoded, so a value repeated over
 * thousands of events is stored once per chunk, and DuckDB or pandas can group by them directly.
 */
function attributeValues(events: readonly NewsEvent[], names: readonly string[]) {
  return Object.fromEntries(
    names.map((name) => [
      ATTRIBUTE_COLUMN_PREFIX + name,
      events.map((e) => (Object.hasOwn(e.attributes, name) ? e.attributes[name]! : null)),
    ]),
  );
}

function detailsTable(
  events: readonly NewsEvent[],
  sourceRows: Map<string, number>,
  attributeNames: readonly string[],
) {
  const sourceRow = (e: NewsEvent, id: string) => rowOf(sourceRows, id, `event "${e.id}"`);
  return tableFromArrays(
    {
      id: events.map((e) => e.id),
      cameo: events.map((e) => e.cameo),
      classification_scheme: events.map((e) => e.classification?.scheme ?? null),
      classification_type: events.map((e) => e.classification?.type ?? null),
      classification_subtype: events.map((e) => e.classification?.subType ?? null),
      record_source: events.map((e) => (e.record ? sourceRow(e, e.record.sourceId) : null)),
      record_id: events.map((e) => e.record?.recordId ?? null),
      record_outlets: events.map((e) => e.record?.outlets ?? null),
      record_location: events.map((e) => e.record?.location ?? null),
      ...attributeValues(events, attributeNames),
      summary: events.map((e) => e.summary),
      date_resolution: events.map((e) => e.date.resolution),
      date_anchor: events.map((e) => (e.date.anchor ? dayMs(e.date.anchor) : null)),
      date_note: events.map((e) => e.date.note),
      date_edtf: events.map((e) => e.date.edtf),
      date_expression_source: events.map((e) => (e.date.expression ? sourceRow(e, e.date.expression.sourceId) : null)),
      date_expression_start: events.map((e) => e.date.expression?.start ?? null),
      date_expression_end: events.map((e) => e.date.expression?.end ?? null),
      evidence_source: events.map((e) => e.evidence.map((span) => sourceRow(e, span.sourceId))),
      evidence_start: events.map((e) => e.evidence.map((span) => span.start)),
      evidence_end: events.map((e) => e.evidence.map((span) => span.end)),
      sources: events.map((e) => e.sourceIds.map((id) => sourceRow(e, id))),
      disagreements: events.map((e) => disagreementsWithoutQuotes(e.disagreements)),
      notes: events.map((e) => e.notes),
    },
    {
      types: {
        id: utf8(),
        cameo: text(),
        classification_scheme: text(),
        classification_type: text(),
        classification_subtype: text(),
        record_source: int32(),
        record_id: utf8(),
        record_outlets: utf8(),
        record_location: utf8(),
        ...Object.fromEntries(attributeNames.map((name) => [ATTRIBUTE_COLUMN_PREFIX + name, text()])),
        summary: utf8(),
        date_resolution: text(),
        date_anchor: dateDay(),
        date_note: utf8(),
        date_edtf: utf8(),
        date_expression_source: int32(),
        date_expression_start: int32(),
        date_expression_end: int32(),
        evidence_source: list(int32()),
        evidence_start: list(int32()),
        evidence_end: list(int32()),
        sources: list(int32()),
        disagreements: utf8(),
        notes: utf8(),
      },
    },
  );
}

/** The evidence spans that cite each source, in event order: what the reader highlights in an article. */
function spansBySource(dataset: Dataset, sourceRows: Map<string, number>) {
  const spans = dataset.sources.map(() => ({ event: [] as number[], start: [] as number[], end: [] as number[] }));
  dataset.events.forEach((event, row) => {
    for (const span of event.evidence) {
      const entry = spans[rowOf(sourceRows, span.sourceId, `event "${event.id}"`)]!;
      entry.event.push(row);
      entry.start.push(span.start);
      entry.end.push(span.end);
    }
  });
  return spans;
}

/** The columns actors and places share, first in both tables: id, name, aliases, kind, country code. */
function namedRecordColumns(
  records: readonly { id: string; name: string; aliases: string[]; kind: string; countryCode: string | null }[],
) {
  return {
    values: {
      id: records.map((r) => r.id),
      name: records.map((r) => r.name),
      aliases: records.map((r) => r.aliases),
      kind: records.map((r) => r.kind),
      country_code: records.map((r) => r.countryCode),
    },
    types: { id: utf8(), name: utf8(), aliases: list(utf8()), kind: text(), country_code: text() },
  };
}

/**
 * Encodes `dataset` (already validated by the build) as the files of its pack, manifest last, with its stories
 * (already checked against it) when it has some.
 */
export function encodePack(dataset: Dataset, stories: readonly Story[] = []): PackFile[] {
  return encodePackTables(dataset, stories).finish(serializeEventSearch(dataset));
}

/**
 * The pack in two steps: every table now, then the search index and the manifest in `finish`. The index is most of
 * the work at 100,000 events and more (MiniSearch), so a build can prepare it elsewhere (a worker thread) while the
 * tables are encoded here; `finish` must be given the index of this very dataset.
 */
export function encodePackTables(
  dataset: Dataset,
  stories: readonly Story[] = [],
): { finish: (index: SerializedSearch) => PackFile[] } {
  const actorRows = rowsOf(dataset.actors, 'actor');
  const placeRows = rowsOf(dataset.places, 'place');
  const sourceRows = rowsOf(dataset.sources, 'source');
  rowsOf(dataset.events, 'event');
  const files: PackFile[] = [];
  const add = (path: string, bytes: Uint8Array): PackFileEntry => {
    files.push({ path, bytes });
    return { path, bytes: bytes.byteLength };
  };

  const events = add('events.arrow', ipc(eventsTable(dataset.events, actorRows, placeRows)));
  const actorColumns = namedRecordColumns(dataset.actors);
  const actors = add(
    'actors.arrow',
    ipc(
      tableFromArrays(
        { ...actorColumns.values, office: dataset.actors.map((a) => a.office) },
        { types: { ...actorColumns.types, office: utf8() } },
      ),
    ),
  );
  const placeColumns = namedRecordColumns(dataset.places);
  const places = add(
    'places.arrow',
    ipc(
      tableFromArrays(
        {
          ...placeColumns.values,
          lat: Float64Array.from(dataset.places, (p) => p.lat),
          lon: Float64Array.from(dataset.places, (p) => p.lon),
          parent: dataset.places.map((p) => (p.parentId ? rowOf(placeRows, p.parentId, `place "${p.id}"`) : null)),
          geonames_id: dataset.places.map((p) => p.geonamesId),
          wikidata_id: dataset.places.map((p) => p.wikidataId),
        },
        {
          types: {
            ...placeColumns.types,
            lat: float64(),
            lon: float64(),
            parent: int32(),
            geonames_id: int32(),
            wikidata_id: utf8(),
          },
        },
      ),
    ),
  );
  const sources = add(
    'sources.arrow',
    ipc(
      tableFromArrays(
        {
          id: dataset.sources.map((s) => s.id),
          kind: dataset.sources.map((s) => s.kind),
          title: dataset.sources.map((s) => s.title),
          title_basis: dataset.sources.map((s) => s.titleBasis),
          publisher: dataset.sources.map((s) => s.publisher),
          publisher_note: dataset.sources.map((s) => s.publisherNote),
          url: dataset.sources.map((s) => s.url),
          language: dataset.sources.map((s) => s.language),
          published_at: dataset.sources.map((s) => (s.publishedAt ? dayMs(s.publishedAt) : null)),
          published_at_basis: dataset.sources.map((s) => s.publishedAtBasis),
          published_at_note: dataset.sources.map((s) => s.publishedAtNote),
          file: dataset.sources.map((s) => s.file),
        },
        {
          types: {
            id: utf8(),
            kind: text(),
            title: utf8(),
            title_basis: text(),
            publisher: utf8(),
            publisher_note: utf8(),
            url: utf8(),
            language: text(),
            published_at: dateDay(),
            published_at_basis: text(),
            published_at_note: utf8(),
            file: utf8(),
          },
        },
      ),
    ),
  );

  const attributeNames = attributeNamesOf(dataset.events);
  const details: PackChunkEntry[] = chunkRanges(dataset.events.length, DETAIL_CHUNK_ROWS).map(([start, end], k) => ({
    ...add(detailChunkPath(k), ipc(detailsTable(dataset.events.slice(start, end), sourceRows, attributeNames))),
    rows: [start, end],
  }));
  const spans = spansBySource(dataset, sourceRows);
  const texts: PackChunkEntry[] = chunkRanges(dataset.sources.length, TEXT_CHUNK_ROWS).map(([start, end], k) => {
    const chunk = dataset.sources.slice(start, end);
    const chunkSpans = spans.slice(start, end);
    const table = tableFromArrays(
      {
        id: chunk.map((s) => s.id),
        text: chunk.map((s) => s.text),
        span_event: chunkSpans.map((s) => s.event),
        span_start: chunkSpans.map((s) => s.start),
        span_end: chunkSpans.map((s) => s.end),
      },
      {
        types: {
          id: utf8(),
          text: utf8(),
          span_event: list(int32()),
          span_start: list(int32()),
          span_end: list(int32()),
        },
      },
    );
    return { ...add(textChunkPath(k), ipc(table)), rows: [start, end] };
  });
  return {
    finish: (index) => {
      const search = { ...add('search-index.json', new TextEncoder().encode(index.json)), fields: [...index.fields] };
      const collection: StoryCollection = { format: 'news-event-stories', version: 1, stories: [...stories] };
      const storiesEntry =
        stories.length > 0
          ? add(STORIES_FILE, new TextEncoder().encode(`${JSON.stringify(collection, null, 1)}\n`))
          : undefined;

      const manifest: PackManifest = {
        format: PACK_FORMAT,
        packVersion: PACK_VERSION,
        schemaVersion: dataset.schemaVersion,
        title: dataset.title,
        description: dataset.description,
        counts: {
          events: dataset.events.length,
          actors: dataset.actors.length,
          places: dataset.places.length,
          sources: dataset.sources.length,
          evidence: dataset.events.reduce((sum, e) => sum + e.evidence.length, 0),
        },
        extent: extentOf(dataset.events),
        files: {
          events,
          actors,
          places,
          sources,
          details,
          texts,
          search,
          ...(storiesEntry && { stories: storiesEntry }),
        },
      };
      add('manifest.json', new TextEncoder().encode(`${JSON.stringify(manifest, null, 1)}\n`));
      return files;
    },
  };
}
