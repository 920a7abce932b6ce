/**
 * Plain spreadsheets (one row per event, the columns of data/templates/README.md) and GeoJSON point features whose
 * properties are the same columns. The two share this reader; only how a value is found and how a problem names
 * its place differ (a line and a column, or a feature and a property).
 *
 * - A row with an excerpt is evidence: the excerpt is kept verbatim in a source of kind "excerpts" (one per
 *   distinct source_url, its text the distinct excerpts joined by a blank line) and the event's evidence span
 *   points into it. A row without one is a record of the file itself (a source of kind "coded-record").
 * - A place needs a point to be drawn: from lat/lon on the row, or from another row giving the same place name
 *   with coordinates. A name that never gets one refuses the row.
 */
import type { NewsEvent, Source } from '../dataset-schema.ts';
import { EVENT_TYPES, EVENT_TYPE_IDS, type EventType } from '../taxonomy.ts';
import type { Precision } from '../temporal.ts';
import { extentOf } from '../event-pack.ts';
import { isKnownCountryCode } from '../country-codes.ts';
import { DatasetBuilder, detach, type ImportHooks } from './builder.ts';
import { EXPECTED_DAY, expectedDay, parseDateInterval, parseDay, yearsProblem, type DayInterval } from './dates.ts';
import {
  RowProblems,
  expectedCoordinate,
  isNullIsland,
  lengthProblem,
  namesLengthProblem,
  parseDecimal,
  setAttribute,
  splitNames,
  type LimitedText,
} from './rows.ts';
import type { ImportOptions, ImportResult } from './types.ts';

/** The documented columns and the other names each is recognised by (all matched case-insensitively). */
export const PLAIN_COLUMNS = {
  id: ['id', 'event_id'],
  date: ['date', 'event_date'],
  start: ['start', 'start_date', 'from'],
  end: ['end', 'end_date', 'to'],
  title: ['title', 'headline'],
  summary: ['summary', 'description'],
  type: ['type', 'event_type'],
  actors: ['actors', 'actor'],
  places: ['places'],
  place: ['place', 'place_name', 'location'],
  lat: ['lat', 'latitude'],
  lon: ['lon', 'lng', 'long', 'longitude'],
  country_code: ['country_code'],
  fatalities: ['fatalities', 'deaths'],
  source_url: ['source_url', 'url', 'link'],
  source_title: ['source_title'],
  publisher: ['publisher', 'source_name'],
  published: ['published', 'published_at', 'publication_date'],
  excerpt: ['excerpt', 'quote'],
} as const satisfies Record<string, readonly string[]>;
export type PlainColumn = keyof typeof PLAIN_COLUMNS;
const ALL_ALIASES = new Set<string>(Object.values(PLAIN_COLUMNS).flat());

/** For each documented column, the name it has in this file (or null). */
export function resolveColumns(has: (name: string) => boolean): Record<PlainColumn, string | null> {
  const resolved = {} as Record<PlainColumn, string | null>;
  for (const [column, names] of Object.entries(PLAIN_COLUMNS) as [PlainColumn, readonly string[]][])
    resolved[column] = names.find(has) ?? null;
  return resolved;
}

/** Names not among the documented columns: kept verbatim in the event's attributes. */
export const isExtraColumn = (name: string) => name !== '' && !ALL_ALIASES.has(name);

const TYPE_NAMES = new Map<string, EventType>();
for (const id of EVENT_TYPE_IDS) {
  TYPE_NAMES.set(id.replace(/_/g, ' '), id);
  TYPE_NAMES.set(EVENT_TYPES[id].label.toLowerCase(), id);
}
const TYPES_EXPECTED = `one of the event types ${EVENT_TYPE_IDS.map((id) => `"${id}"`).join(', ')} (or its label, such as "${EVENT_TYPES.humanitarian_warning.label}"), or nothing for "other"`;

function typeOf(text: string): EventType | null {
  if (text === '') return 'other';
  return (
    TYPE_NAMES.get(
      text
        .toLowerCase()
        .replace(/[\s_-]+/g, ' ')
        .trim(),
    ) ?? null
  );
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '');
}

/** start..end as one interval: its precision is the coarser of the two, widened to a span. */
function spanOf(start: DayInterval, end: DayInterval): DayInterval {
  if (start.earliest === end.earliest && start.latest === end.latest) return start;
  const coarse: Precision =
    start.precision === 'year' || end.precision === 'year'
      ? 'years'
      : start.precision === 'month' || end.precision === 'month'
        ? 'months'
        : 'days';
  return { earliest: start.earliest, latest: end.latest, precision: coarse };
}

const NONE = Object.freeze([]) as unknown as never[];

/** The columns whose values are limited as the dataset's fields they become are (see rows.ts lengthProblem). */
const LIMITED: readonly (readonly [PlainColumn, LimitedText])[] = [
  ['id', 'id'],
  ['title', 'title'],
  ['summary', 'summary'],
  ['place', 'name'],
  ['source_url', 'url'],
  ['source_title', 'title'],
  ['publisher', 'name'],
  ['excerpt', 'quote'],
];

/** Where a record is, for messages and for the event's record. */
export interface RecordWhere {
  line: number | null;
  /** How a column is named in a problem (a CSV column, or "features[3].properties.date"). */
  columnName: (column: string | null) => string | null;
  /** Human-readable location of the record: "events.csv, line 4" / "events.geojson, feature 3". */
  location: string;
  /** The record id when the row has none ("line 4"). */
  fallbackId: string;
  /** Identifies identical duplicate rows. */
  hash: number;
}

interface ExcerptSource {
  source: Source;
  parts: string[];
  length: number;
  offsets: Map<string, number>;
}

interface Pending {
  event: NewsEvent;
  names: string[];
  problems: RowProblems;
  placesColumn: string | null;
}

export class PlainEvents {
  readonly b: DatasetBuilder;
  private sheet: Source | null = null;
  private readonly excerptSources = new Map<string, ExcerptSource>();
  private readonly gazetteer = new Map<string, string>();
  private readonly pending: Pending[] = [];
  private readonly seen = new Map<string, { hash: number; location: string; rawId: string }>();
  private identical: string[] = [];
  private identicalCount = 0;
  private publishedConflicts = 0;

  constructor(
    readonly options: ImportOptions,
    hooks: ImportHooks,
    private readonly kindLabel: 'spreadsheet' | 'GeoJSON file',
  ) {
    this.b = new DatasetBuilder(options, hooks);
  }

  private sheetSource(): Source {
    if (!this.sheet) {
      const file = this.options.fileName;
      this.sheet = this.b.addSource(
        {
          kind: 'coded-record',
          title: `${this.kindLabel === 'spreadsheet' ? 'Spreadsheet' : 'GeoJSON file'} ${file}`,
          titleBasis: 'written',
          publisher: `Imported ${this.kindLabel}`,
          publisherNote: null,
          url: null,
          language: 'und',
          publishedAt: null,
          publishedAtBasis: 'unknown',
          publishedAtNote: `The ${this.kindLabel} does not say when it was made.`,
          file,
          text: '',
        },
        file,
        'records',
      );
    }
    return this.sheet;
  }

  /** Reads one record; `get` gives a documented column's value ("" when absent), `extras` the other columns. */
  add(
    get: (column: PlainColumn) => string,
    names: Record<PlainColumn, string | null>,
    extras: readonly (readonly [string, string])[],
    where: RecordWhere,
  ): void {
    const b = this.b;
    b.rowsRead++;
    const problems = new RowProblems(this.options.fileName, where.line, where.columnName);
    const col = (c: PlainColumn) => names[c] ?? c;

    const rawId = get('id');
    const idSlug =
      rawId === ''
        ? ''
        : rawId
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '');
    if (rawId !== '' && idSlug === '') problems.add(col('id'), rawId, 'an id of letters and digits, such as "ev-001"');

    const title = get('title');
    if (title === '') problems.add(col('title'), title, 'a title saying what happened');

    let interval: DayInterval | null = null;
    const date = get('date');
    const start = get('start');
    const end = get('end');
    if (date !== '') {
      interval = parseDateInterval(date);
      if (!interval) problems.add(col('date'), date, expectedDay(date, true));
    } else if (start !== '') {
      const from = parseDateInterval(start);
      const to = end === '' ? from : parseDateInterval(end);
      if (!from) problems.add(col('start'), start, expectedDay(start, true));
      if (!to) problems.add(col('end'), end, expectedDay(end, true));
      if (from && to) {
        if (to.latest < from.earliest) problems.add(col('end'), end, `a date on or after the start, ${start}`);
        else interval = spanOf(from, to);
      }
    } else if (end !== '') problems.add(col('start'), '', 'a start date for the end date given');
    else problems.add(names.date ?? names.start ?? 'date', '', 'a date (or start and end) such as "2020-03-05"');

    if (interval) {
      const years = yearsProblem(interval.earliest, interval.latest, this.options);
      if (years !== null) {
        const startOutside = yearsProblem(interval.earliest, interval.earliest, this.options) !== null;
        const column = date !== '' ? 'date' : startOutside ? 'start' : 'end';
        problems.add(col(column), get(column), years);
      }
    }

    // Longer than the dataset's limits (DATASET_LIMITS, as `npm run data` applies them): refused, never cut.
    for (const [column, kind] of LIMITED) {
      const expected = lengthProblem(get(column), kind);
      if (expected !== null) problems.add(col(column), null, expected);
    }
    for (const column of ['actors', 'places'] as const) {
      const expected = namesLengthProblem(get(column));
      if (expected !== null) problems.add(col(column), null, expected);
    }

    const typeText = get('type');
    const type = typeOf(typeText);
    if (type === null) problems.add(col('type'), typeText, TYPES_EXPECTED);

    const latText = get('lat');
    const lonText = get('lon');
    let point: { lat: number; lon: number } | null = null;
    if (latText !== '' || lonText !== '') {
      const lat = parseDecimal(latText);
      const lon = parseDecimal(lonText);
      if (lat === null || lat < -90 || lat > 90)
        problems.add(
          col('lat'),
          latText,
          expectedCoordinate(latText, 'a latitude in decimal degrees between -90 and 90, such as "36.20"'),
        );
      if (lon === null || lon < -180 || lon > 180)
        problems.add(
          col('lon'),
          lonText,
          expectedCoordinate(lonText, 'a longitude in decimal degrees between -180 and 180, such as "37.16"'),
        );
      if (lat !== null && lon !== null && isNullIsland(lat, lon))
        problems.add(
          col('lat'),
          latText,
          'coordinates other than lat 0, lon 0 (a point in the Gulf of Guinea, where missing coordinates written as zeros end up): leave lat and lon empty when the point is not known',
        );
      else if (lat !== null && lon !== null) point = { lat, lon };
    }
    const countryText = get('country_code');
    if (countryText !== '' && !/^[A-Za-z]{2}$/.test(countryText))
      problems.add(col('country_code'), countryText, 'an ISO 3166-1 alpha-2 country code such as "SY", or nothing');
    else if (countryText !== '' && !isKnownCountryCode(countryText.toUpperCase()))
      problems.add(
        col('country_code'),
        countryText,
        'a known ISO 3166-1 alpha-2 country code such as "SY" (XK for Kosovo), or nothing',
      );

    const fatalitiesText = get('fatalities');
    let fatalities: number | null = null;
    if (fatalitiesText !== '') {
      if (/^\d+(\.0+)?$/.test(fatalitiesText) && Number(fatalitiesText) <= 2_147_483_647)
        fatalities = Number(fatalitiesText);
      else problems.add(col('fatalities'), fatalitiesText, 'a whole number of reported deaths (0 or more), or nothing');
    }

    const url = get('source_url');
    if (url !== '' && !isWebUrl(url))
      problems.add(col('source_url'), url, 'a web address starting with http:// or https://');
    const published = get('published');
    const publishedDay = published === '' ? null : parseDay(published);
    if (published !== '' && publishedDay === null)
      problems.add(col('published'), published, expectedDay(published) || EXPECTED_DAY);
    else if (publishedDay !== null) {
      const years = yearsProblem(publishedDay, publishedDay, this.options);
      if (years !== null) problems.add(col('published'), published, years);
    }
    const excerpt = get('excerpt');
    const sourceTitle = get('source_title');
    if (excerpt !== '' && url === '' && sourceTitle === '')
      problems.add(
        col('excerpt'),
        excerpt,
        'a source_url (or at least a source_title) saying where the excerpt is from',
      );

    if (!problems.ok) return b.refuseRow(problems.list);

    if (idSlug !== '') {
      const first = this.seen.get(idSlug);
      if (first) {
        if (first.hash === where.hash) {
          if (this.identicalCount++ < 5) this.identical.push(`${rawId} at ${where.location} repeats ${first.location}`);
          return;
        }
        // Ids are compared as slugs ("A B" and "a-b" are one id): name the first as it was written there.
        problems.add(
          col('id'),
          rawId,
          first.rawId === rawId
            ? `an id used once: ${rawId} is first at ${first.location}, with different values`
            : `an id used once: ${rawId} is the same id as ${first.rawId} at ${first.location} (ids are compared in lower case, other characters as "-"), with different values`,
        );
        return b.refuseRow(problems.list);
      }
      this.seen.set(idSlug, { hash: where.hash, location: where.location, rawId: detach(rawId) });
    }

    // ------------------------------------------------------------------ accepted: build the event
    const countryCode = countryText === '' ? null : countryText.toUpperCase();
    const placeNames = splitNames(get('places'));
    const places: NewsEvent['places'] = [];
    if (point) {
      const name = get('place') || placeNames[0] || `${point.lat}, ${point.lon}`;
      const key = `p\u0000${name.toLowerCase()}\u0000${point.lat},${point.lon}`;
      const placeId = b.place(key, { name, kind: 'site', countryCode, parentId: null }, point, [name]).id;
      if (!this.gazetteer.has(name.toLowerCase())) this.gazetteer.set(name.toLowerCase(), placeId);
      places.push(b.placeLink(placeId, 'venue', 'exact'));
    } else if (get('place') !== '') placeNames.unshift(get('place'));

    const actors = splitNames(get('actors')).map((name) => b.actorLink(name, 'group', 0, 'participant'));

    let evidence: NewsEvent['evidence'] = NONE;
    let record: NewsEvent['record'] = null;
    let sourceIds: string[];
    if (excerpt !== '') {
      const source = this.excerptSource(url, sourceTitle, get('publisher'), publishedDay);
      const start = this.excerptOffset(source, excerpt);
      evidence = [{ sourceId: source.source.id, quote: detach(excerpt), start, end: start + excerpt.length }];
      sourceIds = b.sourceIdList(source.source.id);
    } else {
      const sheet = this.sheetSource();
      const outlets = url || get('publisher') || sourceTitle;
      record = {
        sourceId: sheet.id,
        recordId: rawId || where.fallbackId,
        outlets: outlets === '' ? null : outlets,
        location: where.location,
      };
      sourceIds = b.sourceIdList(sheet.id);
    }

    const attributes: Record<string, string> = {};
    for (const [name, value] of extras) if (value !== '') setAttribute(attributes, name, b.intern(value));

    const event: NewsEvent = {
      id: b.eventIds.claim(idSlug || `${title} ${interval!.earliest}`),
      type: type!,
      classification: null,
      cameo: EVENT_TYPES[type!].cameo,
      title: detach(title),
      summary: detach(get('summary')),
      modality: 'occurred',
      date: b.date(interval!.earliest, interval!.latest, interval!.precision, 'explicit', null),
      actors,
      places,
      evidence,
      record,
      fatalities,
      attributes,
      sourceIds,
      disagreements: NONE,
      notes: null,
    };
    b.events.push(event);
    if (placeNames.length > 0)
      this.pending.push({ event, names: placeNames, problems, placesColumn: names.places ?? names.place });
  }

  private excerptSource(url: string, title: string, publisher: string, published: string | null): ExcerptSource {
    const key = url !== '' ? `u\u0000${url}` : `t\u0000${title}`;
    let entry = this.excerptSources.get(key);
    if (!entry) {
      const host = url === '' ? '' : hostOf(url);
      const source = this.b.addSource(
        {
          kind: 'excerpts',
          title: title || host,
          titleBasis: 'written',
          publisher: publisher || host,
          publisherNote: null,
          url: url === '' ? null : url,
          language: 'und',
          publishedAt: published,
          publishedAtBasis: published ? 'dateline' : 'unknown',
          publishedAtNote: published
            ? `As the ${this.kindLabel} gives it ("published").`
            : `The ${this.kindLabel} does not give the publication date.`,
          file: this.options.fileName,
          text: '',
        },
        title || host,
        host,
        'excerpts',
      );
      entry = { source, parts: [], length: 0, offsets: new Map() };
      this.excerptSources.set(key, entry);
    } else if (published && entry.source.publishedAt !== published) {
      if (entry.source.publishedAt === null) {
        entry.source.publishedAt = published;
        entry.source.publishedAtBasis = 'dateline';
        entry.source.publishedAtNote = `As the ${this.kindLabel} gives it ("published").`;
      } else this.publishedConflicts++;
    }
    return entry;
  }

  private excerptOffset(entry: ExcerptSource, excerpt: string): number {
    const known = entry.offsets.get(excerpt);
    if (known !== undefined) return known;
    const start = entry.parts.length === 0 ? 0 : entry.length + 2;
    entry.parts.push(excerpt);
    entry.length = start + excerpt.length;
    entry.offsets.set(excerpt, start);
    return start;
  }

  finish(defaultTitle: string, fatal = false): ImportResult {
    const b = this.b;
    b.fatal ||= fatal;
    const refusedEvents = new Set<NewsEvent>();
    for (const p of this.pending) {
      const linked = new Set(p.event.places.map((l) => l.placeId));
      for (const name of p.names) {
        const placeId = this.gazetteer.get(name.toLowerCase());
        if (placeId === undefined) {
          p.problems.add(
            p.placesColumn ?? 'places',
            name,
            'coordinates for this place: give lat and lon on this row, or on another row naming the same place (a place known only by its name cannot be drawn)',
          );
          continue;
        }
        if (!linked.has(placeId)) {
          linked.add(placeId);
          p.event.places.push(b.placeLink(placeId, 'venue', 'exact'));
        }
      }
      if (!p.problems.ok) {
        refusedEvents.add(p.event);
        b.refuseRow(p.problems.list);
      }
    }
    if (refusedEvents.size > 0) {
      const kept = b.events.filter((e) => !refusedEvents.has(e));
      b.events.length = 0;
      b.events.push(...kept);
    }
    for (const entry of this.excerptSources.values()) entry.source.text = entry.parts.join('\n\n');
    if (this.identicalCount > 0)
      b.warnings.push(
        `${this.identicalCount} identical duplicate row(s) dropped: ${this.identical.join('; ')}${this.identicalCount > this.identical.length ? '; …' : ''}`,
      );
    if (this.publishedConflicts > 0)
      b.warnings.push(
        `${this.publishedConflicts} row(s) give another "published" day for a source_url already seen: the first one is kept`,
      );
    const unplaced = b.events.filter((e) => e.places.length === 0).length;
    if (unplaced > 0) b.warnings.push(`${unplaced} event(s) have no place: they are on the timeline, not on the map`);
    const span = extentOf(b.events);
    const summary = `Imported from the ${this.kindLabel} ${this.options.fileName}: ${b.events.length} events${span ? `, ${span.earliest} to ${span.latest}` : ''}.`;
    return b.finish({ title: this.options.title ?? defaultTitle, description: this.options.description ?? summary });
  }
}
