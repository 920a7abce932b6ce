/**
 * Compiles the curated files of data/ into the dataset the app loads. Pure: it takes file contents and returns
 * either the dataset or every problem found, each naming the file, the record, the field and what was expected.
 * The CLI (scripts/build-dataset.ts) does the reading and the all-or-nothing writing.
 */
import { isSeq } from 'yaml';
import type { z } from 'zod';
import {
  ActorRecordSchema,
  DATASET_LIMITS,
  DatasetMetaRecordSchema,
  DEFAULT_YEARS,
  isDayInYears,
  findParentCycles,
  EventRecordSchema,
  PlaceRecordSchema,
  SCHEMA_VERSION,
  SourceRecordSchema,
  type Actor,
  type ActorRecord,
  type Dataset,
  type Evidence,
  type EventDate,
  type EventRecord,
  type NewsEvent,
  type Place,
  type PlaceRecord,
  type Source,
  type SourceRecord,
} from '../../src/domain/dataset-schema.ts';
import { describeInterval } from '../../src/domain/date-display.ts';
import { isNoFinerThan, resolveTemporalExpression, toEdtf, type Reading } from '../../src/domain/temporal.ts';
import { EVENT_TYPES } from '../../src/domain/taxonomy.ts';
import { distanceToPolygonsKm, inPolygons, type Polygon } from '../../src/domain/geo.ts';
import { locateOccurrences, occurrencesOf, showInvisibles, yamlString } from './locate.ts';
import { parseStrictYaml, readText, type FileContent, type ParsedYaml } from './strict-input.ts';

export interface InputFile {
  /** Path as the user should see it in messages, e.g. "data/places.yaml". */
  path: string;
  /** The file's bytes as read (decoded here, strictly: see strict-input.ts), or its text. */
  content: FileContent;
}

/** Country outlines by ISO alpha-2 code, to check that each place's point lies in its country. */
export type CountryShapes = ReadonlyMap<string, readonly Polygon[]>;

/** A point this far outside its country's (generalised) outline is still accepted: coastlines are simplified. */
export const COUNTRY_TOLERANCE_KM = 25;

export interface DatasetInput {
  /** Optional: without it, coordinates are checked for range only. */
  countryShapes?: CountryShapes;
  /** data/dataset.yaml: the dataset's title and description. */
  meta: InputFile;
  sources: InputFile;
  /** Article texts (bytes as read, or text) by file name (the `file` field of a source record). */
  sourceTexts: ReadonlyMap<string, FileContent>;
  places: InputFile;
  actors: InputFile;
  events: InputFile[];
}

export interface DatasetProblem {
  file: string;
  line: number | null;
  /** e.g. `event "sochi-2021"` or `item 3` */
  record: string | null;
  /** dotted path, e.g. "date.earliest" or "evidence[1].quote" */
  field: string | null;
  message: string;
}

export interface CompileReport {
  /** Events whose date expression no rule could check (their stated values were taken as given). */
  uncheckedExpressions: string[];
  /** Things worth a look that do not stop the build (an article no event cites), one line each. */
  warnings: string[];
}

export type CompileResult =
  { ok: true; dataset: Dataset; report: CompileReport } | { ok: false; problems: DatasetProblem[] };

export function formatProblem(p: DatasetProblem): string {
  const location = p.line === null ? p.file : `${p.file}:${p.line}`;
  const where = [p.record, p.field && `field ${p.field}`].filter(Boolean).join(', ');
  return `${location}: ${where ? `${where}: ` : ''}${p.message}`;
}

/** A parsed record with what is needed to point back at it. */
interface Located<T> {
  value: T;
  file: string;
  index: number;
  label: string;
  lineOf: (path: (string | number)[]) => number | null;
}

export type PathSegment = string | number;

/** Marks a kind whose file could not be read at all: every reference to it would be a false alarm. */
const UNREADABLE_FILE = '\u0000file';

export function fieldName(path: readonly PropertyKey[]): string | null {
  if (path.length === 0) return null;
  return path
    .map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? String(seg) : `.${String(seg)}`))
    .join('');
}

/** Parses one YAML file that must hold a list of records, and validates each record with `schema`. */
function readRecords<S extends z.ZodType>(
  file: InputFile,
  schema: S,
  kind: string,
  problems: DatasetProblem[],
  unreadable: Set<string>,
): Located<z.infer<S>>[] {
  const parsed = parseStrictYaml(file.path, file.content, problems);
  if (!parsed) {
    unreadable.add(UNREADABLE_FILE);
    return [];
  }
  const items = parsed.value;
  if (items === null || items === undefined) return [];
  if (!isSeq(parsed.doc.contents) || !Array.isArray(items)) {
    unreadable.add(UNREADABLE_FILE);
    problems.push({
      file: file.path,
      line: 1,
      record: null,
      field: null,
      message: `expected a YAML list of ${kind} records (each item starting with "- id: ...")`,
    });
    return [];
  }
  // A missing field is reported at its record's line.
  const lineOf = (path: PathSegment[]): number | null => lineIn(parsed, path);
  const records: Located<z.infer<S>>[] = [];
  items.forEach((item: unknown, index: number) => {
    const id = typeof item === 'object' && item !== null && 'id' in item ? (item as { id: unknown }).id : undefined;
    // An id is named as written (escaped), unless it is too long to be one: then the record's position.
    const label =
      typeof id === 'string' && id.length <= DATASET_LIMITS.idChars
        ? `${kind} ${JSON.stringify(id)}`
        : `${kind} #${index + 1}`;
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      // Remember the id, so references to this broken record are not reported a second time as unknown.
      if (typeof id === 'string') unreadable.add(id);
      for (const issue of parsed.error.issues) {
        const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
        problems.push({
          file: file.path,
          line: lineOf([index, ...path]),
          record: label,
          field: fieldName(issue.path),
          message: describeIssue(issue, item),
        });
      }
      return;
    }
    records.push({
      value: parsed.data,
      file: file.path,
      index,
      label,
      lineOf: (path) => lineOf([index, ...path]),
    });
  });
  return records;
}

/** The value at `path` inside `value`, or undefined when some step of the path is absent. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const segment of path) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, segment)) return undefined;
    at = (at as Record<PropertyKey, unknown>)[segment];
  }
  return at;
}

/** A key as a message quotes it: escaped, and cut short when long (a hostile megabyte of key is not echoed). */
function quotedKey(key: string): string {
  const quoted = JSON.stringify(key.length > 60 ? `${key.slice(0, 59)}…` : key);
  return key.length > 60 ? `${quoted} (${key.length.toLocaleString('en-US')} characters)` : quoted;
}

/** Says what is wrong with `record` (the parsed value the issue was found in). */
export function describeIssue(issue: z.core.$ZodIssue, record: unknown): string {
  if (issue.code === 'invalid_type' && valueAt(record, issue.path) === undefined)
    return `missing: expected ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
  if (issue.code === 'unrecognized_keys') {
    const listed = issue.keys.slice(0, 10).map(quotedKey).join(', ');
    return `unknown field(s) ${listed}${issue.keys.length > 10 ? ` and ${issue.keys.length - 10} more` : ''}`;
  }
  return issue.message;
}

/**
 * Where `quote` stands in `text`: exactly one occurrence, or one occurrence right after `prefix`.
 * Returns the start offset (UTF-16) or a message saying what is wrong.
 */
export function locateQuote(text: string, quote: string, prefix?: string | null): number | string {
  const starts = occurrencesOf(text, quote);
  if (starts.length === 0) return describeMissingQuote(text, quote);
  if (prefix) {
    const matching = starts.filter((s) => text.slice(Math.max(0, s - prefix.length), s) === prefix);
    if (matching.length === 1) return matching[0]!;
    return matching.length === 0
      ? `the quote occurs ${starts.length} time(s) but never right after the prefix ${yamlString(prefix)} ("${showInvisibles(prefix)}"; ⏎ marks a newline): ${describeOccurrences(text, quote)}`
      : `the quote occurs ${matching.length} times after the prefix ${yamlString(prefix)}: lengthen the prefix; ${describeOccurrences(text, quote)}`;
  }
  if (starts.length > 1)
    return `the quote occurs ${starts.length} times in the text: add a "prefix" (the text just before it) or quote more; ${describeOccurrences(text, quote)}`;
  return starts[0]!;
}

/** Each occurrence of a quote with its surroundings and the prefix that picks it, for an error message. */
function describeOccurrences(text: string, quote: string): string {
  const occurrences = locateOccurrences(text, quote);
  const each = occurrences.map(
    (o, i) => `(${i + 1}) line ${o.line}: ${o.context}${o.prefix === null ? '' : ` → prefix: ${yamlString(o.prefix)}`}`,
  );
  return `where it occurs (⏎ marks a newline): ${each.join('; ')}`;
}

/** Says why a quote was not found: the usual culprits are straight vs curly quotes and white space. */
export function describeMissingQuote(text: string, quote: string): string {
  const loosen = (s: string) =>
    s
      .replace(/[“”„"]/g, '"')
      .replace(/[‘’']/g, "'")
      .replace(/[–—]/g, '-')
      .replace(/\s+/g, ' ')
      .toLowerCase();
  const looseText = loosen(text);
  const looseQuote = loosen(quote);
  if (looseText.includes(looseQuote))
    return `quote not found verbatim in the source text; it matches only after normalising quotation marks, dashes, case or white space: copy it exactly from the text`;
  return `quote not found in the source text: expected a verbatim excerpt ("${truncate(quote, 80)}")`;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** Compiles data/ into the dataset, or reports every problem found. Deterministic: same input, same output. */
export function compileDataset(input: DatasetInput): CompileResult {
  const problems: DatasetProblem[] = [];
  const unreadable: Unreadable = { sources: new Set(), places: new Set(), actors: new Set() };
  const meta = readMeta(input.meta, problems);
  const years = meta?.years ?? DEFAULT_YEARS;
  const texts = readArticleTexts(input, problems);
  const sourceRecords = readRecords(input.sources, SourceRecordSchema, 'source', problems, unreadable.sources);
  const placeRecords = readRecords(input.places, PlaceRecordSchema, 'place', problems, unreadable.places);
  const actorRecords = readRecords(input.actors, ActorRecordSchema, 'actor', problems, unreadable.actors);
  const eventRecords = input.events.flatMap((file) =>
    readRecords(file, EventRecordSchema, 'event', problems, new Set()),
  );

  for (const records of [sourceRecords, placeRecords, actorRecords, eventRecords] as Located<{ id: string }>[][])
    reportDuplicateIds(records, problems);

  reportYearsOutOfRange(sourceRecords, eventRecords, years, input.meta.path, problems);
  const sources = compileSources(sourceRecords, texts, years, unreadable.sources, problems);
  const places = compilePlaces(placeRecords, problems);
  if (input.countryShapes) reportPlacesOutsideTheirCountry(placeRecords, input.countryShapes, problems);
  const actors = compileActors(actorRecords);
  const uncheckedExpressions: string[] = [];
  const sourceOrder = new Map([...sources.keys()].map((id, i) => [id, i]));
  const registry: Registry = { sources, places, actors, unreadable, sourceOrder, years, metaFile: input.meta.path };
  const events = eventRecords
    .map((record) => {
      try {
        return compileEvent(record, registry, problems, uncheckedExpressions);
      } catch (error) {
        // A bug, not bad input: still said at the record, as a problem, so the build refuses it without a trace.
        problems.push({
          file: record.file,
          line: record.lineOf([]),
          record: record.label,
          field: null,
          message: `could not be compiled (a bug in the build, please report it): ${error instanceof Error ? error.message : String(error)}`,
        });
        return null;
      }
    })
    .filter((e): e is NewsEvent => e !== null);

  if (problems.length > 0) return { ok: false, problems };

  const cited = new Set(
    events.flatMap((e) => [...e.sourceIds, ...e.disagreements.flatMap((d) => d.versions.map((v) => v.sourceId))]),
  );
  const warnings = [...sources.values()]
    .filter((s) => !cited.has(s.id))
    .map(
      (s) =>
        `${input.sources.path}: source "${s.id}" is cited by no event: add its quotes to the events it reports (or remove it)`,
    );

  const dataset: Dataset = {
    schemaVersion: SCHEMA_VERSION,
    title: meta?.title ?? '',
    description: meta?.description ?? '',
    sources: [...sources.values()],
    actors: [...actors.values()].sort(byId),
    places: [...places.values()].sort(byId),
    events: events.sort(
      (a, b) =>
        compare(a.date.earliest, b.date.earliest) || compare(a.date.latest, b.date.latest) || compare(a.id, b.id),
    ),
  };
  return { ok: true, dataset, report: { uncheckedExpressions, warnings } };
}

function readMeta(file: InputFile, problems: DatasetProblem[]): z.infer<typeof DatasetMetaRecordSchema> | null {
  const yaml = parseStrictYaml(file.path, file.content, problems);
  if (!yaml) return null;
  const parsed = DatasetMetaRecordSchema.safeParse(yaml.value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    problems.push({
      file: file.path,
      line: lineIn(
        yaml,
        issue.path.filter((p): p is PathSegment => typeof p !== 'symbol'),
      ),
      record: null,
      field: fieldName(issue.path),
      message: describeIssue(issue, yaml.value),
    });
  return null;
}

/** The line of the node at `path` in a parsed file, or of its nearest ancestor that exists (null: none). */
export function lineIn({ doc, lineCounter }: ParsedYaml, path: PathSegment[]): number | null {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lineCounter.linePos(node.range[0]).line;
  }
  return null;
}

/**
 * The article texts, each strictly decoded (UTF-8, no control characters) and within the length limit; a text
 * that fails is left out (its problems recorded), so the source citing it is reported once, not at every quote.
 */
function readArticleTexts(input: DatasetInput, problems: DatasetProblem[]): Map<string, string | null> {
  const folder = input.sources.path.includes('/') ? input.sources.path.replace(/[^/]*$/, '') : '';
  const texts = new Map<string, string | null>();
  for (const [name, content] of input.sourceTexts) {
    const file = `${folder}${name}`;
    let text = readText(file, content, problems);
    if (text !== null && text.length > DATASET_LIMITS.articleChars) {
      problems.push({
        file,
        line: null,
        record: null,
        field: null,
        message: `the article has ${text.length.toLocaleString('en-US')} characters: expected at most ${DATASET_LIMITS.articleChars.toLocaleString('en-US')}`,
      });
      text = null;
    }
    texts.set(name, text);
  }
  return texts;
}

/** Years of the curated days (publication days, stated event bounds) must lie in the dataset's span of years. */
function reportYearsOutOfRange(
  sources: Located<SourceRecord>[],
  events: Located<EventRecord>[],
  years: { from: number; to: number },
  metaFile: string,
  problems: DatasetProblem[],
): void {
  const check = (record: Located<unknown>, path: PathSegment[], day: string | undefined) => {
    const message = yearProblem(day, years, metaFile);
    if (message)
      problems.push({
        file: record.file,
        line: record.lineOf(path),
        record: record.label,
        field: fieldName(path),
        message,
      });
  };
  for (const source of sources) check(source, ['publishedAt'], source.value.publishedAt);
  for (const event of events) {
    check(event, ['date', 'earliest'], event.value.date.earliest);
    check(event, ['date', 'latest'], event.value.date.latest);
  }
}

/** Why `day` is outside the span of years, or null when it is inside (or absent). */
function yearProblem(day: string | undefined, years: { from: number; to: number }, metaFile: string): string | null {
  if (day === undefined || isDayInYears(day, years)) return null;
  return `the year ${day.slice(0, 4)} (in ${day}) is outside ${years.from}–${years.to}: expected a day in those years (a dataset of other years declares them in ${metaFile} as "years: { from: …, to: … }")`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byId(a: { id: string }, b: { id: string }): number {
  return compare(a.id, b.id);
}

function reportDuplicateIds(records: Located<{ id: string }>[], problems: DatasetProblem[]): void {
  const first = new Map<string, Located<{ id: string }>>();
  for (const record of records) {
    const earlier = first.get(record.value.id);
    if (earlier) {
      problems.push({
        file: record.file,
        line: record.lineOf(['id']),
        record: record.label,
        field: 'id',
        message: `duplicate id: already used at ${earlier.file}:${earlier.lineOf(['id']) ?? '?'}; ids must be unique`,
      });
    } else first.set(record.value.id, record);
  }
}

function compileSources(
  records: Located<SourceRecord>[],
  texts: ReadonlyMap<string, string | null>,
  years: { from: number; to: number },
  unreadable: Set<string>,
  problems: DatasetProblem[],
): Map<string, Source> {
  const sources = new Map<string, Source>();
  const seen = new Set<string>();
  for (const { value: s, file, label, lineOf } of records) {
    // A second record with the same id is reported as a duplicate; the first stays the one events are read against.
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    if (!isDayInYears(s.publishedAt, years)) {
      // Already reported; no date is read against a publication day outside the dataset's years.
      unreadable.add(s.id);
      continue;
    }
    const text = texts.get(s.file);
    if (text === null) {
      // Its file was refused (not UTF-8, control characters, too long): already reported, with its line.
      unreadable.add(s.id);
      continue;
    }
    if (text === undefined) {
      problems.push({
        file,
        line: lineOf(['file']),
        record: label,
        field: 'file',
        message: `no article file "data/sources/${s.file}"`,
      });
      // Reported once here, not again at every event that cites the source.
      unreadable.add(s.id);
      continue;
    }
    sources.set(s.id, {
      id: s.id,
      kind: s.kind,
      title: s.title,
      titleBasis: s.titleBasis,
      publisher: s.publisher,
      publisherNote: s.publisherNote ?? null,
      url: s.url,
      language: s.language,
      publishedAt: s.publishedAt,
      publishedAtBasis: s.publishedAtBasis,
      publishedAtNote: s.publishedAtNote,
      file: s.file,
      text,
    });
  }
  return sources;
}

function compilePlaces(records: Located<PlaceRecord>[], problems: DatasetProblem[]): Map<string, Place> {
  const ids = new Set(records.map((r) => r.value.id));
  const places = new Map<string, Place>();
  for (const { value: p, file, label, lineOf } of records) {
    if (places.has(p.id)) continue; // a duplicate, reported as one: the first record stands
    if (p.parentId && !ids.has(p.parentId))
      problems.push({
        file,
        line: lineOf(['parentId']),
        record: label,
        field: 'parentId',
        message: `unknown place id "${p.parentId}": expected the id of a place in this file`,
      });
    places.set(p.id, {
      id: p.id,
      name: p.name,
      aliases: p.aliases,
      kind: p.kind,
      countryCode: p.countryCode,
      lat: p.lat,
      lon: p.lon,
      parentId: p.parentId ?? null,
      geonamesId: p.geonamesId ?? null,
      wikidataId: p.wikidataId ?? null,
    });
  }
  reportParentCycles(records, problems);
  return places;
}

/** Invariant: a place's representative point lies inside its country (within a coastline tolerance). */
function reportPlacesOutsideTheirCountry(
  records: Located<PlaceRecord>[],
  shapes: CountryShapes,
  problems: DatasetProblem[],
): void {
  for (const { value: p, file, label, lineOf } of records) {
    if (!p.countryCode) continue;
    const polygons = shapes.get(p.countryCode);
    if (!polygons || inPolygons(p.lon, p.lat, polygons)) continue;
    const distance = distanceToPolygonsKm(p.lon, p.lat, polygons);
    if (distance <= COUNTRY_TOLERANCE_KM) continue;
    problems.push({
      file,
      line: lineOf(['lat']),
      record: label,
      field: 'lat',
      message: `the point (${p.lat}, ${p.lon}) lies ${Math.round(distance)} km outside ${p.countryCode}: expected coordinates inside the place's country (WGS84 decimal degrees, latitude first)`,
    });
  }
}

/** Each loop in the place hierarchy once, at the parentId of the first place along it (by id). */
function reportParentCycles(records: Located<PlaceRecord>[], problems: DatasetProblem[]): void {
  const byId = new Map(records.map((r) => [r.value.id, r]));
  const cycles = findParentCycles(records.map((r) => ({ id: r.value.id, parentId: r.value.parentId ?? null })));
  for (const cycle of cycles) {
    const record = byId.get(cycle[0]!)!;
    problems.push({
      file: record.file,
      line: record.lineOf(['parentId']),
      record: record.label,
      field: 'parentId',
      message: `the place hierarchy loops (${[...cycle, cycle[0]!].map((id) => `"${id}"`).join(' → ')}): a place cannot lie inside itself`,
    });
  }
}

function compileActors(records: Located<ActorRecord>[]): Map<string, Actor> {
  const actors = new Map<string, Actor>();
  for (const { value: a } of records)
    if (!actors.has(a.id))
      actors.set(a.id, {
        id: a.id,
        name: a.name,
        aliases: a.aliases,
        kind: a.kind,
        countryCode: a.countryCode ?? null,
        office: a.office ?? null,
      });
  return actors;
}

interface Unreadable {
  sources: Set<string>;
  places: Set<string>;
  actors: Set<string>;
}

interface Registry {
  sources: Map<string, Source>;
  places: Map<string, Place>;
  actors: Map<string, Actor>;
  /** Ids of records that failed validation (already reported), per kind. */
  unreadable: Unreadable;
  /** Position of each source in sources.yaml: the order an event lists the articles that report it. */
  sourceOrder: ReadonlyMap<string, number>;
  /** The span of years a date may fall in, and the file that would declare another. */
  years: { from: number; to: number };
  metaFile: string;
}

/** True when a reference can be checked: its target is not one of the records already reported as broken. */
function isCheckable(unreadable: Set<string>, id: string): boolean {
  return !unreadable.has(id) && !unreadable.has(UNREADABLE_FILE);
}

function compileEvent(
  record: Located<EventRecord>,
  registry: Registry,
  problems: DatasetProblem[],
  uncheckedExpressions: string[],
): NewsEvent | null {
  const { value: e, file, label, lineOf } = record;
  const before = problems.length;
  let skipped = false;
  const report = (path: PathSegment[], message: string) =>
    problems.push({ file, line: lineOf(path), record: label, field: fieldName(path), message });

  const span = (path: PathSegment[], sourceId: string, quote: string, prefix?: string | null): Evidence | null => {
    const source = registry.sources.get(sourceId);
    if (!source) {
      if (isCheckable(registry.unreadable.sources, sourceId))
        report([...path, 'sourceId'], `unknown source id "${sourceId}": expected an id from data/sources/sources.yaml`);
      else skipped = true;
      return null;
    }
    const start = locateQuote(source.text, quote, prefix);
    if (typeof start === 'string') {
      report([...path, 'quote'], `${start} (source "${sourceId}")`);
      return null;
    }
    return { sourceId, quote, start, end: start + quote.length };
  };

  e.actors.forEach((a, i) => {
    if (!registry.actors.has(a.actorId) && isCheckable(registry.unreadable.actors, a.actorId))
      report(['actors', i, 'actorId'], `unknown actor id "${a.actorId}": expected an id from data/actors.yaml`);
  });
  e.places.forEach((p, i) => {
    if (!registry.places.has(p.placeId) && isCheckable(registry.unreadable.places, p.placeId))
      report(['places', i, 'placeId'], `unknown place id "${p.placeId}": expected an id from data/places.yaml`);
  });
  const evidence = e.evidence
    .map((q, i) => span(['evidence', i], q.sourceId, q.quote, q.prefix))
    .filter((s): s is Evidence => s !== null);
  const disagreements = e.disagreements.map((d, di) => {
    const versions = d.versions.map((v, vi) => {
      const located = span(['disagreements', di, 'versions', vi], v.sourceId, v.quote, v.prefix);
      return located && { ...located, claim: v.claim };
    });
    if (d.shown !== 'combined' && !d.versions.some((v) => v.sourceId === d.shown))
      report(
        ['disagreements', di, 'shown'],
        `expected "combined" or the sourceId of one of the versions, got "${d.shown}"`,
      );
    return {
      aspect: d.aspect,
      summary: d.summary,
      versions: versions.filter((v): v is Evidence & { claim: string } => v !== null),
      shown: d.shown,
      why: d.why,
    };
  });
  const date = compileDate(e, registry, evidence, report, uncheckedExpressions);

  if (problems.length > before || skipped || !date) return null;
  const sourceIds = [...new Set(evidence.map((s) => s.sourceId))].sort(
    (a, b) => (registry.sourceOrder.get(a) ?? 0) - (registry.sourceOrder.get(b) ?? 0),
  );
  return {
    id: e.id,
    type: e.type,
    classification: null,
    cameo: EVENT_TYPES[e.type].cameo,
    title: e.title,
    summary: e.summary,
    modality: e.modality,
    date,
    actors: e.actors,
    places: e.places,
    evidence,
    record: null,
    fatalities: null,
    attributes: {},
    sourceIds,
    disagreements,
    notes: e.notes ?? null,
  };
}

/**
 * The event's date: the expression is located in its source and resolved against that source's publication day;
 * stated bounds must match a reading of the words and claim no finer precision. Inferred dates state everything
 * and say how in `note`.
 */
function compileDate(
  e: EventRecord,
  registry: Registry,
  evidence: Evidence[],
  report: (path: PathSegment[], message: string) => void,
  uncheckedExpressions: string[],
): EventDate | null {
  const d = e.date;
  const source = registry.sources.get(d.sourceId);
  if (!source) {
    if (!isCheckable(registry.unreadable.sources, d.sourceId)) return null;
    report(['date', 'sourceId'], `unknown source id "${d.sourceId}": expected an id from data/sources/sources.yaml`);
    return null;
  }
  const anchor = source.publishedAt;
  if (anchor === null) {
    report(['date', 'sourceId'], `source "${d.sourceId}" has no publication day to read the date against`);
    return null;
  }

  let expression: Evidence | null = null;
  if (d.expression) {
    const located = locateExpression(source, d.expression, evidence);
    if (typeof located === 'string') {
      report(['date', 'expression'], `${located} (source "${source.id}")`);
      return null;
    }
    expression = located;
  } else if (d.resolution !== 'inferred') {
    report(['date', 'expression'], `missing: a ${d.resolution} date needs the verbatim words it was read from`);
    return null;
  }

  if (d.resolution === 'inferred' && !d.note?.trim()) {
    report(['date', 'note'], 'missing: an inferred date must say in "note" what knowledge or reasoning it rests on');
    return null;
  }

  let reading: Reading | null = null;
  if (d.expression && d.resolution !== 'inferred') {
    const resolved = resolveTemporalExpression(d.expression, anchor);
    if (!resolved.ok && resolved.reason === 'contradiction') {
      report(['date', 'expression'], `${resolved.message}`);
      return null;
    }
    if (resolved.ok) {
      const stated = resolved.readings.filter(
        (r) => (d.earliest ?? r.earliest) === r.earliest && (d.latest ?? r.latest) === r.latest,
      );
      const describe = (r: Reading) => `${r.earliest}..${r.latest} (${r.precision})`;
      if (stated.length === 0) {
        report(
          ['date', d.earliest !== resolved.readings[0]?.earliest ? 'earliest' : 'latest'],
          `"${d.expression}" read against the publication day ${anchor} gives ${resolved.readings.map(describe).join(' or ')}, not ${d.earliest ?? '?'}..${d.latest ?? '?'}; correct the bounds, or use resolution "inferred" with a note if outside knowledge narrows them`,
        );
        return null;
      }
      if (stated.length > 1) {
        report(
          ['date', 'earliest'],
          `"${d.expression}" is ambiguous against ${anchor}: ${stated.map(describe).join(' or ')}; state earliest and latest`,
        );
        return null;
      }
      reading = stated[0]!;
      if (d.precision && !isNoFinerThan(d.precision, reading.precision)) {
        report(
          ['date', 'precision'],
          `"${d.precision}" claims more precision than "${d.expression}" supports (${reading.precision} or coarser)`,
        );
        return null;
      }
    } else {
      uncheckedExpressions.push(`${e.id}: "${d.expression}"`);
    }
  }

  const earliest = d.earliest ?? reading?.earliest;
  const latest = d.latest ?? reading?.latest;
  const precision = d.precision ?? reading?.precision;
  if (!earliest || !latest || !precision) {
    const missing = [!earliest && 'earliest', !latest && 'latest', !precision && 'precision'].filter(Boolean);
    report(
      ['date', String(missing[0])],
      `missing: ${missing.join(', ')}; no rule resolves the expression, so the date must be stated in full`,
    );
    return null;
  }
  if (earliest > latest) {
    report(['date', 'latest'], `expected latest (${latest}) on or after earliest (${earliest})`);
    return null;
  }
  // Stated bounds were checked with the records; bounds read from the words are checked here.
  const outOfRange =
    (d.earliest === undefined && yearProblem(earliest, registry.years, registry.metaFile)) ||
    (d.latest === undefined && yearProblem(latest, registry.years, registry.metaFile));
  if (outOfRange) {
    report(['date', 'expression'], `read from the words: ${outOfRange}`);
    return null;
  }
  const qualifier = d.qualifier !== undefined ? d.qualifier : (reading?.qualifier ?? null);
  const interval = { earliest, latest, precision, qualifier };
  return {
    ...interval,
    display: d.display ?? describeInterval(interval),
    resolution: d.resolution,
    expression,
    anchor,
    note: d.note ?? null,
    edtf: toEdtf(interval),
  };
}

/** Locates a date expression: inside one of the event's quotes from that source if it can, else its only use. */
function locateExpression(source: Source, expression: string, evidence: Evidence[]): Evidence | string {
  const starts: number[] = [];
  for (let i = source.text.indexOf(expression); i !== -1; i = source.text.indexOf(expression, i + 1)) starts.push(i);
  if (starts.length === 0) return `the expression "${expression}" is not in the source text: quote it verbatim`;
  const inEvidence = starts.filter((s) =>
    evidence.some((q) => q.sourceId === source.id && q.start <= s && s + expression.length <= q.end),
  );
  const start = inEvidence[0] ?? (starts.length === 1 ? starts[0] : undefined);
  if (start === undefined)
    return `the expression "${expression}" occurs ${starts.length} times and in none of this event's quotes from that source: quote the sentence that holds it as evidence`;
  return { sourceId: source.id, quote: expression, start, end: start + expression.length };
}
