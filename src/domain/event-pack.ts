/**
 * The dataset pack: the columnar form of the dataset that the app loads, written by `npm run data` beside the
 * one-file JSON contract (public/data/dataset.json). Every table is an Apache Arrow IPC file, so DuckDB, pandas,
 * polars or any Arrow reader opens it as is; the manifest is JSON. This module is the contract both sides share:
 * file and column names, the manifest's shape and the cheap checks the app runs on it at load.
 *
 * Layout (paths relative to the pack folder, public/data/pack/):
 * - manifest.json — versions, row counts, the byte length of every file (a truncated file is caught before
 *   it is decoded), the dataset's date extent.
 * - events.arrow — the hot columns, one row per event in dataset order: what filters, the timeline, the map and
 *   the list need (id, type, earliest/latest day, precision, qualifier, modality, title, date label, actor and
 *   place links with their roles, reported fatalities and the source's own type where an import gives them).
 *   Loaded first.
 * - actors.arrow, places.arrow, sources.arrow — the records events refer to, by row number (0-based).
 * - details-NNNN.arrow — the cold columns of events [k·detailRows, (k+1)·detailRows): summary, CAMEO code, evidence
 *   offsets, date provenance, disagreements, the coded record an import read the event from (record id, outlets,
 *   the source's classification, and its unmapped fields as one "attr.<name>" column each). Loaded when an event
 *   is selected or exported.
 * - texts-NNNN.arrow — article texts of sources [k·textRows, (k+1)·textRows), with every evidence span that cites
 *   them. Loaded when evidence is shown or an article is read. Quotes are never stored: a quote is
 *   `text.slice(start, end)` of its article (UTF-16 offsets, end exclusive).
 * - search-index.json — the prebuilt MiniSearch index over titles, summaries, excerpts and names (document ids
 *   are event rows), loaded by the search worker.
 * - stories.json — the dataset's guided stories (src/domain/story.ts), only when it has some; listed in the
 *   manifest as files.stories.
 */

export const PACK_FORMAT = 'news-event-pack';
export const PACK_VERSION = 2;

/** Details columns named with this prefix hold the records' unmapped fields, one column per field. */
export const ATTRIBUTE_COLUMN_PREFIX = 'attr.';

/** Rows per details chunk: a selection fetches and decodes one chunk (~300 kB for typical events). */
export const DETAIL_CHUNK_ROWS = 2048;
/** Sources per text chunk: a few hundred kB of article text. */
export const TEXT_CHUNK_ROWS = 64;

export interface PackFileEntry {
  path: string;
  /** Exact length in bytes, so that a truncated or substituted file is refused before it is decoded. */
  bytes: number;
}

export interface PackChunkEntry extends PackFileEntry {
  /** The first row (inclusive) and the end row (exclusive) this chunk holds. */
  rows: [number, number];
}

export interface PackManifest {
  format: typeof PACK_FORMAT;
  packVersion: typeof PACK_VERSION;
  /** The version of the JSON contract (dataset.schema.json) this pack is a columnar form of. */
  schemaVersion: string;
  title: string;
  description: string;
  counts: { events: number; actors: number; places: number; sources: number; evidence: number };
  /** Earliest and latest inclusive ISO day of any event; null for an empty dataset. */
  extent: { earliest: string; latest: string } | null;
  files: {
    events: PackFileEntry;
    actors: PackFileEntry;
    places: PackFileEntry;
    sources: PackFileEntry;
    details: PackChunkEntry[];
    texts: PackChunkEntry[];
    /** The fields the index covers (every text up to 250,000 events; titles, names and types above). */
    search: PackFileEntry & { fields: string[] };
    /** Absent when the dataset has no stories (every imported one). */
    stories?: PackFileEntry;
  };
}

export const STORIES_FILE = 'stories.json';

/** The earliest and latest inclusive day of any of the events: the dataset's extent, null for none. */
export function extentOf(
  events: readonly { date: { earliest: string; latest: string } }[],
): { earliest: string; latest: string } | null {
  let earliest: string | null = null;
  let latest: string | null = null;
  for (const e of events) {
    if (earliest === null || e.date.earliest < earliest) earliest = e.date.earliest;
    if (latest === null || e.date.latest > latest) latest = e.date.latest;
  }
  return earliest && latest ? { earliest, latest } : null;
}

export const detailChunkPath = (k: number) => `details-${String(k).padStart(4, '0')}.arrow`;
export const textChunkPath = (k: number) => `texts-${String(k).padStart(4, '0')}.arrow`;

/** The chunk ranges that cover `count` rows, `size` at a time (at least one chunk, so an empty table has a file). */
export function chunkRanges(count: number, size: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let start = 0; start < count || ranges.length === 0; start += size)
    ranges.push([start, Math.min(count, start + size)]);
  return ranges;
}

/* ------------------------------------------------------------------ checks run by the app at load */

/** The search fields a pack may declare (the document fields of src/domain/event-search.ts). */
const SEARCH_FIELDS = new Set(['title', 'summary', 'excerpts', 'actors', 'places', 'type']);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isDay = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
/** A file name inside the pack folder: never a path out of it, never a URL of another origin. */
const isPackPath = (value: unknown) => typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value);

function checkFile(value: unknown, where: string, problems: string[]): void {
  if (!isObject(value)) return void problems.push(`${where}: expected { path, bytes }`);
  if (!isPackPath(value.path)) problems.push(`${where}.path: expected a file name inside the pack folder`);
  if (!isCount(value.bytes)) problems.push(`${where}.bytes: expected a byte length`);
}

function checkChunks(value: unknown, where: string, total: number, problems: string[]): void {
  if (!Array.isArray(value) || value.length === 0) return void problems.push(`${where}: expected a list of chunks`);
  let next = 0;
  value.forEach((chunk: unknown, i) => {
    checkFile(chunk, `${where}[${i}]`, problems);
    const rows = isObject(chunk) ? chunk.rows : undefined;
    if (!Array.isArray(rows) || rows.length !== 2 || !isCount(rows[0]) || !isCount(rows[1]) || rows[0] !== next)
      problems.push(`${where}[${i}].rows: expected [${next}, end) continuing the previous chunk`);
    else next = rows[1] as number;
  });
  if (next !== total) problems.push(`${where}: the chunks cover ${next} rows, the manifest declares ${total}`);
}

/**
 * Checks the manifest's shape and versions: everything the loader relies on before it fetches a table.
 * Returns the problems in words (empty when sound).
 */
export function findManifestProblems(value: unknown, expectedSchemaVersion: string): string[] {
  const problems: string[] = [];
  if (!isObject(value)) return ['the manifest is not a JSON object'];
  if (value.format !== PACK_FORMAT) problems.push(`format: expected "${PACK_FORMAT}"`);
  if (value.packVersion !== PACK_VERSION)
    problems.push(
      `packVersion: this app reads version ${PACK_VERSION}, the pack is ${JSON.stringify(value.packVersion)}`,
    );
  if (value.schemaVersion !== expectedSchemaVersion)
    problems.push(
      `schemaVersion: this app reads version ${expectedSchemaVersion}, the pack is ${JSON.stringify(value.schemaVersion)}`,
    );
  if (typeof value.title !== 'string') problems.push('title: expected text');
  if (typeof value.description !== 'string') problems.push('description: expected text');
  const counts = value.counts;
  if (!isObject(counts)) problems.push('counts: expected the row counts');
  else
    for (const key of ['events', 'actors', 'places', 'sources', 'evidence'])
      if (!isCount(counts[key])) problems.push(`counts.${key}: expected a count`);
  const extent = value.extent;
  if (extent !== null && !(isObject(extent) && isDay(extent.earliest) && isDay(extent.latest)))
    problems.push('extent: expected { earliest, latest } ISO days, or null');
  const files = value.files;
  if (!isObject(files)) return [...problems, 'files: expected the list of files'];
  for (const key of ['events', 'actors', 'places', 'sources', 'search'])
    checkFile(files[key], `files.${key}`, problems);
  if (files.stories !== undefined) checkFile(files.stories, 'files.stories', problems);
  const searchFields = isObject(files.search) ? files.search.fields : undefined;
  if (!Array.isArray(searchFields) || searchFields.length === 0 || !searchFields.every((f) => SEARCH_FIELDS.has(f)))
    problems.push(`files.search.fields: expected a list of ${[...SEARCH_FIELDS].join(', ')}`);
  if (isObject(counts)) {
    checkChunks(files.details, 'files.details', Number(counts.events), problems);
    checkChunks(files.texts, 'files.texts', Number(counts.sources), problems);
  }
  return problems;
}
