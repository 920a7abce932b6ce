/**
 * The one schema of the dataset: the curated input records in data/ (strict: an unknown key is a typo) and the
 * built output in public/data/dataset.json that the app loads. The build validates with it, the app validates the
 * file it fetches with it, and dataset.schema.json is generated from it, so the three can never drift.
 *
 * Offsets are UTF-16 code units (JavaScript string indices), end exclusive: `text.slice(start, end) === quote`.
 * Days are inclusive ISO days (YYYY-MM-DD). Coordinates are WGS84 decimal degrees.
 */
import './zod-in-page.ts';
import { z } from 'zod';
import { isIsoDay } from './iso-day.ts';
import { PRECISIONS, QUALIFIERS } from './temporal.ts';
import {
  ACTOR_KINDS,
  ACTOR_ROLES,
  DATE_RESOLUTIONS,
  DISAGREEMENT_ASPECTS,
  EVENT_TYPE_IDS,
  MODALITIES,
  PLACE_KINDS,
  PLACE_PRECISIONS,
  PLACE_ROLES,
  SOURCE_KINDS,
} from './taxonomy.ts';

import { SCHEMA_VERSION } from './dataset-version.ts';
import { codePointName, indexOfControlCharacter, indexOfLoneSurrogate } from './code-points.ts';
import { DATASET_LIMITS, DEFAULT_YEARS, isDayInYears } from './dataset-limits.ts';
import { isKnownCountryCode } from './country-codes.ts';

export { codePointName, indexOfControlCharacter, indexOfLoneSurrogate };
export { DATASET_LIMITS, DEFAULT_YEARS, isDayInYears };
export { isKnownCountryCode };

export { SCHEMA_VERSION };

/** Thousands separated, for messages: "1,048,576". */
const count = (n: number) => n.toLocaleString('en-US');

/** Limits `base` to `max` characters and refuses control characters in it. */
function bounded(base: z.ZodString, max: number): z.ZodString {
  return base
    .max(max, {
      error: (issue) => `expected at most ${count(max)} characters, got ${count(String(issue.input).length)}`,
    })
    .superRefine((value, ctx) => {
      const at = indexOfControlCharacter(value);
      if (at >= 0)
        ctx.addIssue({
          code: 'custom',
          message: `the control character ${codePointName(value[at]!)} at character ${count(at + 1)}: expected text without control characters (tab and line breaks are allowed)`,
        });
      const lone = indexOfLoneSurrogate(value);
      if (lone >= 0)
        ctx.addIssue({
          code: 'custom',
          message: `half a UTF-16 surrogate pair (${codePointName(value[lone]!)}) at character ${count(lone + 1)}: expected whole characters (a "\\u" escape must name a character, not half of one)`,
        });
    });
}

/**
 * Free text of at most `max` characters, without control characters (a NUL or BEL written as a YAML escape
 * such as "\0" or "\a" is as unreadable in the app as a raw one).
 */
const text = (max: number) => bounded(z.string(), max);
/** Free text that says something (trimmed, not empty), of at most `max` characters. */
const nonEmptyText = (max: number) => bounded(z.string().trim().min(1, 'expected non-empty text'), max);

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const slug = z
  .string()
  .max(DATASET_LIMITS.idChars, {
    error: (issue) =>
      `expected an id of at most ${DATASET_LIMITS.idChars} characters, got ${count(String(issue.input).length)}`,
  })
  .regex(SLUG, 'expected a slug: lower-case letters and digits joined by single hyphens');
const isoDayString = z
  .string()
  .refine(isIsoDay, 'expected a real calendar day written YYYY-MM-DD')
  .meta({ format: 'date' });
/** Only web addresses: a javascript: or data: URL in a source record must never become a link. */
const webUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) address' });
const boundedWebUrl = z
  .string()
  .max(DATASET_LIMITS.urlChars, {
    error: (issue) =>
      `expected an address of at most ${count(DATASET_LIMITS.urlChars)} characters, got ${count(String(issue.input).length)}`,
  })
  .pipe(webUrl);

const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as "TR"')
  .refine(isKnownCountryCode, {
    error: (issue) =>
      `unknown country code "${String(issue.input)}": expected an ISO 3166-1 alpha-2 code such as "TR" (XK for Kosovo)`,
  });
const latitude = z.number().min(-90, 'expected a latitude in [-90, 90]').max(90, 'expected a latitude in [-90, 90]');
const longitude = z
  .number()
  .min(-180, 'expected a longitude in [-180, 180]')
  .max(180, 'expected a longitude in [-180, 180]');
const fileName = z.string().max(DATASET_LIMITS.nameChars, {
  error: (issue) =>
    `expected a file name of at most ${DATASET_LIMITS.nameChars} characters, got ${count(String(issue.input).length)}`,
});

/* ------------------------------------------------------------------ input: data/ */

const { titleChars, nameChars, summaryChars, quoteChars, prefixChars, noteChars, expressionChars } = DATASET_LIMITS;
const aliases = z
  .array(nonEmptyText(nameChars))
  .max(DATASET_LIMITS.aliases, {
    error: (issue) =>
      `expected at most ${DATASET_LIMITS.aliases} aliases, got ${count((issue.input as unknown[]).length)}`,
  })
  .default([]);

export const SourceRecordSchema = z.strictObject({
  id: slug,
  kind: z.enum(SOURCE_KINDS).default('article'),
  file: fileName.regex(/^[^/\\]+\.txt$/, 'expected a .txt file name in data/sources/'),
  originalFile: fileName.optional(),
  title: nonEmptyText(titleChars),
  titleBasis: z.enum(['text', 'written']),
  publisher: nonEmptyText(nameChars),
  publisherNote: text(noteChars).nullable().optional(),
  url: boundedWebUrl.nullable(),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,8}$/, 'expected a BCP 47 language tag such as "en"'),
  publishedAt: isoDayString,
  publishedAtBasis: z.enum(['dateline', 'inferred']),
  publishedAtNote: nonEmptyText(noteChars),
});

export const PlaceRecordSchema = z.strictObject({
  id: slug,
  name: nonEmptyText(nameChars),
  aliases,
  kind: z.enum(PLACE_KINDS),
  countryCode: countryCode.nullable(),
  lat: latitude,
  lon: longitude,
  parentId: slug.nullable().optional(),
  geonamesId: z.number().int().positive().nullable().optional(),
  wikidataId: z
    .string()
    .regex(/^Q\d{1,12}$/, 'expected a Wikidata id such as "Q43"')
    .nullable()
    .optional(),
  note: text(noteChars).nullable().optional(),
});

export const ActorRecordSchema = z.strictObject({
  id: slug,
  name: nonEmptyText(nameChars),
  aliases,
  kind: z.enum(ACTOR_KINDS),
  countryCode: countryCode.nullable().optional(),
  office: text(nameChars).nullable().optional(),
  note: text(noteChars).nullable().optional(),
});

const DateInputSchema = z.strictObject({
  resolution: z.enum(DATE_RESOLUTIONS),
  sourceId: slug,
  expression: text(expressionChars).nullable().optional(),
  earliest: isoDayString.optional(),
  latest: isoDayString.optional(),
  precision: z.enum(PRECISIONS).optional(),
  qualifier: z.enum(QUALIFIERS).nullable().optional(),
  display: nonEmptyText(expressionChars).optional(),
  note: text(noteChars).nullable().optional(),
});

const QuoteInputSchema = z.strictObject({
  sourceId: slug,
  quote: nonEmptyText(quoteChars),
  prefix: text(prefixChars).nullable().optional(),
});

export const EventRecordSchema = z.strictObject({
  id: slug,
  type: z.enum(EVENT_TYPE_IDS),
  title: nonEmptyText(titleChars),
  summary: nonEmptyText(summaryChars),
  modality: z.enum(MODALITIES),
  date: DateInputSchema,
  actors: z.array(z.strictObject({ actorId: slug, role: z.enum(ACTOR_ROLES) })).default([]),
  places: z
    .array(z.strictObject({ placeId: slug, role: z.enum(PLACE_ROLES), precision: z.enum(PLACE_PRECISIONS) }))
    .default([]),
  evidence: z.array(QuoteInputSchema).min(1, 'expected at least one evidence quote'),
  disagreements: z
    .array(
      z.strictObject({
        aspect: z.enum(DISAGREEMENT_ASPECTS),
        summary: nonEmptyText(summaryChars),
        versions: z
          .array(
            z.strictObject({
              sourceId: slug,
              claim: nonEmptyText(noteChars),
              quote: nonEmptyText(quoteChars),
              prefix: text(prefixChars).nullable().optional(),
            }),
          )
          .min(2, 'expected at least two versions: a disagreement needs two sides'),
        shown: z
          .string()
          .refine(
            (v) => v === 'combined' || (v.length <= DATASET_LIMITS.idChars && SLUG.test(v)),
            'expected "combined" or the sourceId of one of the versions',
          ),
        why: nonEmptyText(noteChars),
      }),
    )
    .default([]),
  notes: text(noteChars).nullable().optional(),
});

/** A year a curated date may fall in: four digits, as ISO days are written. */
const year = z
  .number()
  .int('expected a whole year')
  .min(0, 'expected a year in 0..9999')
  .max(9999, 'expected a year in 0..9999');

export const DatasetMetaRecordSchema = z.strictObject({
  title: nonEmptyText(titleChars),
  description: nonEmptyText(summaryChars),
  /** The years its dates may fall in, when not DEFAULT_YEARS (a dataset of medieval chronicles, say). */
  years: z
    .strictObject({ from: year, to: year })
    .refine((y) => y.from <= y.to, { error: 'expected "from" on or before "to"', path: ['to'] })
    .optional(),
});

export type SourceRecord = z.infer<typeof SourceRecordSchema>;
export type PlaceRecord = z.infer<typeof PlaceRecordSchema>;
export type ActorRecord = z.infer<typeof ActorRecordSchema>;
export type EventRecord = z.infer<typeof EventRecordSchema>;

/* ------------------------------------------------------------------ output: public/data/dataset.json */

/** A verbatim span of a source text (W3C TextQuoteSelector + TextPositionSelector, UTF-16 offsets). */
export const EvidenceSchema = z.object({
  sourceId: slug,
  quote: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});

export const SourceSchema = z.object({
  id: slug,
  /** See SOURCE_KINDS: a full article, only quoted excerpts, or a coded record set (no text). */
  kind: z.enum(SOURCE_KINDS),
  title: z.string(),
  titleBasis: z.enum(['text', 'written']),
  publisher: z.string(),
  publisherNote: z.string().nullable(),
  url: webUrl.nullable(),
  language: z.string(),
  /** Null when the source does not say (an excerpt pasted into a spreadsheet without its date). */
  publishedAt: isoDayString.nullable(),
  publishedAtBasis: z.enum(['dateline', 'inferred', 'unknown']),
  publishedAtNote: z.string(),
  file: z.string(),
  /** The full article (article), the quoted passages (excerpts), or "" (coded-record). */
  text: z.string(),
});

export const ActorSchema = z.object({
  id: slug,
  name: z.string(),
  aliases: z.array(z.string()),
  kind: z.enum(ACTOR_KINDS),
  countryCode: z.string().nullable(),
  office: z.string().nullable(),
});

export const PlaceSchema = z.object({
  id: slug,
  name: z.string(),
  aliases: z.array(z.string()),
  kind: z.enum(PLACE_KINDS),
  countryCode: z.string().nullable(),
  lat: latitude,
  lon: longitude,
  parentId: slug.nullable(),
  geonamesId: z.number().nullable(),
  wikidataId: z.string().nullable(),
});

export const EventDateSchema = z.object({
  earliest: isoDayString,
  latest: isoDayString,
  precision: z.enum(PRECISIONS),
  qualifier: z.enum(QUALIFIERS).nullable(),
  display: z.string(),
  resolution: z.enum(DATE_RESOLUTIONS),
  /** The verbatim temporal expression, located in its source (null when the date is inferred without words). */
  expression: EvidenceSchema.nullable(),
  /** The publication day the expression was resolved against; null when the date is a coded record's field. */
  anchor: isoDayString.nullable(),
  note: z.string().nullable(),
  /** ISO 8601-2 (EDTF) rendering of the interval, for interchange. */
  edtf: z.string(),
});

export const DisagreementSchema = z.object({
  aspect: z.enum(DISAGREEMENT_ASPECTS),
  summary: z.string(),
  versions: z.array(EvidenceSchema.extend({ claim: z.string() })),
  shown: z.string(),
  why: z.string(),
});

/**
 * The record of a coded dataset (a source of kind coded-record) an event was imported from: ACLED's
 * event_id_cnty, or a spreadsheet row's id. Its summary is the coders' (ACLED's "notes"), not an excerpt.
 */
export const CodedRecordSchema = z.object({
  sourceId: slug,
  /** The record's id in that dataset, as it wrote it ("SYR12345"). */
  recordId: z.string().min(1),
  /** The outlets the coders cite (ACLED's "source"), as they wrote them; null when not given. */
  outlets: z.string().nullable(),
  /** Where in the file the record was read (e.g. "acled.csv, line 12"). */
  location: z.string(),
});

/** The source dataset's own classification, kept beside the product's type so nothing is lost in mapping. */
export const ClassificationSchema = z.object({
  /** Whose taxonomy: "ACLED", or the spreadsheet's name. */
  scheme: z.string().min(1),
  type: z.string().min(1),
  subType: z.string().nullable(),
});

export const EventSchema = z.object({
  id: slug,
  type: z.enum(EVENT_TYPE_IDS),
  /** The source's own type ("Explosions/Remote violence › Shelling/artillery/missile attack"); null if curated. */
  classification: ClassificationSchema.nullable(),
  cameo: z.string(),
  title: z.string(),
  summary: z.string(),
  modality: z.enum(MODALITIES),
  date: EventDateSchema,
  actors: z.array(z.object({ actorId: slug, role: z.enum(ACTOR_ROLES) })),
  places: z.array(z.object({ placeId: slug, role: z.enum(PLACE_ROLES), precision: z.enum(PLACE_PRECISIONS) })),
  /** Verbatim spans of article or excerpt sources. May be empty only when the event is a coded record. */
  evidence: z.array(EvidenceSchema),
  /** The coded record the event was imported from (its summary is then the coders'), or null. */
  record: CodedRecordSchema.nullable(),
  /** Reported deaths (ACLED's fatalities), null when the source gives no figure. */
  fatalities: z.number().int().nonnegative().nullable(),
  /**
   * Fields of the source record the product has no column for, kept verbatim (ACLED's interaction, tags,
   * source_scale…): shown in the details and exported, so an analyst loses nothing by importing.
   */
  attributes: z.record(z.string(), z.string()),
  /** Distinct sources that support the event (evidence or record): its corroboration count. */
  sourceIds: z.array(slug).min(1),
  disagreements: z.array(DisagreementSchema),
  notes: z.string().nullable(),
});

export const DatasetSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  title: z.string(),
  description: z.string(),
  sources: z.array(SourceSchema),
  actors: z.array(ActorSchema),
  places: z.array(PlaceSchema),
  events: z.array(EventSchema),
});

export type Evidence = z.infer<typeof EvidenceSchema>;
export type CodedRecord = z.infer<typeof CodedRecordSchema>;
export type Classification = z.infer<typeof ClassificationSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Actor = z.infer<typeof ActorSchema>;
export type Place = z.infer<typeof PlaceSchema>;
export type EventDate = z.infer<typeof EventDateSchema>;
export type Disagreement = z.infer<typeof DisagreementSchema>;
export type NewsEvent = z.infer<typeof EventSchema>;
export type Dataset = z.infer<typeof DatasetSchema>;

/**
 * Cross-record invariants no single-record schema can state: unique ids, references that resolve (actors, places,
 * parent places, and every source an event cites: evidence, date expression, disagreements, record, sourceIds), a
 * place hierarchy without loops, verbatim spans, ordered bounds. Returns human-readable problems (empty when the
 * dataset is sound).
 */
export function findDatasetInconsistencies(dataset: Dataset): string[] {
  const problems: string[] = [];
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const actorIds = new Set(dataset.actors.map((a) => a.id));
  const placeIds = new Set(dataset.places.map((p) => p.id));
  for (const [kind, ids] of [
    ['source', dataset.sources.map((s) => s.id)],
    ['actor', dataset.actors.map((a) => a.id)],
    ['place', dataset.places.map((p) => p.id)],
    ['event', dataset.events.map((e) => e.id)],
  ] as const) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`duplicate ${kind} id "${id}"`);
      seen.add(id);
    }
  }
  const checkSpan = (where: string, span: Evidence) => {
    const source = sources.get(span.sourceId);
    if (!source) problems.push(`${where}: unknown source "${span.sourceId}"`);
    else if (source.text.slice(span.start, span.end) !== span.quote)
      problems.push(`${where}: the text at [${span.start}, ${span.end}) of "${span.sourceId}" is not the quote`);
  };
  for (const event of dataset.events) {
    const where = `event "${event.id}"`;
    if (event.date.earliest > event.date.latest) problems.push(`${where}: date.earliest is after date.latest`);
    if (event.evidence.length === 0 && !event.record)
      problems.push(`${where}: no evidence: an event needs an excerpt of a source or a coded record`);
    if (event.record) {
      const source = sources.get(event.record.sourceId);
      if (!source) problems.push(`${where}: record: unknown source "${event.record.sourceId}"`);
      else if (source.kind !== 'coded-record')
        problems.push(`${where}: record: source "${source.id}" is not a coded record set`);
    }
    for (const span of event.evidence)
      if (sources.get(span.sourceId)?.kind === 'coded-record')
        problems.push(`${where}: evidence cites "${span.sourceId}", a coded record set, which has no text to quote`);
    event.evidence.forEach((span, i) => checkSpan(`${where} evidence[${i}]`, span));
    if (event.date.expression) checkSpan(`${where} date.expression`, event.date.expression);
    event.disagreements.forEach((d, di) => {
      d.versions.forEach((v, i) => checkSpan(`${where} disagreement ${di}, version ${i}`, v));
      if (d.shown !== 'combined' && !d.versions.some((v) => v.sourceId === d.shown))
        problems.push(`${where} disagreement ${di}: shows "${d.shown}", neither "combined" nor one of its versions`);
    });
    for (const id of event.sourceIds)
      if (!sources.has(id)) problems.push(`${where}: sourceIds lists unknown source "${id}"`);
    for (const a of event.actors) if (!actorIds.has(a.actorId)) problems.push(`${where}: unknown actor "${a.actorId}"`);
    for (const p of event.places) if (!placeIds.has(p.placeId)) problems.push(`${where}: unknown place "${p.placeId}"`);
  }
  for (const place of dataset.places)
    if (place.parentId && !placeIds.has(place.parentId))
      problems.push(`place "${place.id}": unknown parent place "${place.parentId}"`);
  for (const cycle of findParentCycles(dataset.places))
    problems.push(
      `place "${cycle[0]}": the place hierarchy loops (${[...cycle, cycle[0]].map((id) => `"${id}"`).join(' → ')}): a place cannot lie inside itself`,
    );
  return problems;
}

/**
 * Every loop in the places' parentId hierarchy, once each, as the ids along it starting from the smallest id
 * (["a", "b"] for a → b → a). Places that lead into a loop without being part of it are not listed.
 */
export function findParentCycles(places: readonly { id: string; parentId: string | null }[]): string[][] {
  const parentOf = new Map(places.map((p) => [p.id, p.parentId]));
  const done = new Set<string>();
  const cycles: string[][] = [];
  for (const { id } of places) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let at: string | null | undefined = id;
    while (at && !done.has(at) && !onPath.has(at)) {
      onPath.set(at, path.length);
      path.push(at);
      at = parentOf.get(at);
    }
    if (at && onPath.has(at)) {
      const cycle = path.slice(onPath.get(at));
      const first = cycle.indexOf([...cycle].sort()[0]!);
      cycles.push([...cycle.slice(first), ...cycle.slice(0, first)]);
    }
    for (const visited of path) done.add(visited);
  }
  return cycles;
}

/**
 * The field rules above, for other curated files that refer to a dataset (stories, see story.ts): the same
 * limits, the same refusal of control characters, the same ids and days.
 */
export const FIELD_SCHEMAS = { text, nonEmptyText, slug, isoDay: isoDayString, latitude, longitude } as const;
