/**
 * ACLED exports (acleddata.com's "Data Export Tool" CSV and the API's CSV), read as ACLED's codebook documents
 * them: the layout since March 2023 (disorder_type, civilian_targeting, tags; inter1/inter2 written as words) and
 * the one before (data_id, event_id_no_cnty, iso3; inter1/inter2 as codes 1–8). Columns are found by name.
 *
 * What each column becomes:
 * - event_id_cnty → the event id (slug) and the record id; a repeated id is dropped when the row is identical,
 *   refused when it differs.
 * - event_date + time_precision → the date interval (see `dateOf`).
 * - event_type / sub_event_type → the product type (see `productType`) and `classification` (ACLED's own).
 * - actor1 / actor2 + assoc_actor_1 / assoc_actor_2 (";"-separated) → actors, one per distinct name, their kind
 *   from inter1 / inter2 (associated actors: "group" unless the name is a main actor elsewhere), roles by type.
 * - country → admin1 → admin2 → admin3 → location → a place hierarchy (an admin level named like the level above
 *   it is folded into that one); the event links to its location (role "area") with geo_precision as the link's
 *   precision; `iso` (numeric) gives every level's country code.
 * - notes → the summary (ACLED's coders' words, never shown as a quote); source → record.outlets;
 *   fatalities → fatalities.
 * - Every other column (disorder_type, inter1, inter2, interaction, civilian_targeting, iso, region, admin1–3,
 *   year, time_precision, geo_precision, source_scale, tags, timestamp, data_id, event_id_no_cnty, iso3, and any
 *   column ACLED may add) → `attributes`, verbatim (empty values left out).
 */
import type { Classification, NewsEvent } from '../dataset-schema.ts';
import { addDays, daysInMonth, fromEpochDay, monthOf, yearOf, isoDay } from '../iso-day.ts';
import { EVENT_TYPES, type EventType } from '../taxonomy.ts';
import type { Precision } from '../temporal.ts';
import { extentOf } from '../event-pack.ts';
import { alpha2FromNumeric } from './country-lookup.ts';
import {
  DatasetBuilder,
  countPoint,
  detach,
  type ActorKind,
  type ActorRole,
  type ImportHooks,
  type PlaceEntry,
  type PlacePrecision,
} from './builder.ts';
import { expectedDay, parseDay, yearsProblem } from './dates.ts';
import type { RowImporter } from './row-importer.ts';
import {
  Columns,
  RowProblems,
  expectedCoordinate,
  hashRow,
  headerProblems,
  isNullIsland,
  lengthProblem,
  namesLengthProblem,
  notDelimitedText,
  parseDecimal,
  setAttribute,
  splitNames,
  type CellProblem,
  type LimitedText,
} from './rows.ts';

/** Adds a link unless the event already has it (an actor named twice in one role). */
function pushLink(links: NewsEvent['actors'], link: NewsEvent['actors'][number]): void {
  if (!links.includes(link)) links.push(link);
}
import type { ImportOptions, ImportProblem } from './types.ts';

export const ACLED_PUBLISHER = 'ACLED (Armed Conflict Location & Event Data)';
export const ACLED_URL = 'https://acleddata.com/';

export const ACLED_REQUIRED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'event_type',
  'sub_event_type',
  'actor1',
  'country',
  'location',
  'latitude',
  'longitude',
] as const;

/** Columns that become fields of the event; every other column is kept in `attributes`. */
const MAPPED_COLUMNS = new Set<string>([
  'event_id_cnty',
  'event_date',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'actor2',
  'assoc_actor_2',
  'country',
  'location',
  'latitude',
  'longitude',
  'source',
  'notes',
  'fatalities',
]);
/** Attribute columns whose values are (nearly) unique per row: not worth sharing. */
const UNIQUE_COLUMNS = new Set(['timestamp', 'data_id', 'event_id_no_cnty']);

/**
 * ACLED's actor types (inter1 / inter2): codes 1–8 in exports before 2023, words since. 0 (old exports) and ""
 * mean no actor. State forces are armed forces unless the name is a government's.
 */
const INTER_KINDS: Readonly<Record<string, ActorKind>> = {
  '1': 'armed-forces',
  'state forces': 'armed-forces',
  '2': 'armed-group',
  'rebel group': 'armed-group',
  'rebel groups': 'armed-group',
  '3': 'armed-group',
  'political militia': 'armed-group',
  'political militias': 'armed-group',
  '4': 'armed-group',
  'identity militia': 'armed-group',
  'identity militias': 'armed-group',
  '5': 'group',
  rioters: 'group',
  '6': 'group',
  protesters: 'group',
  '7': 'group',
  civilians: 'group',
  '8': 'group',
  'external/other forces': 'group',
  'external/other force': 'group',
};

/**
 * ACLED's event types → the product's. Battles → clash; Explosions/Remote violence and Violence against civilians →
 * attack; Protests → protest; Riots → protest, except Mob violence → attack; Strategic developments: Agreement →
 * agreement, Headquarters or base established and Non-violent transfer of territory → deployment,
 * Looting/property destruction and Disrupted weapons use → attack, the rest (Arrests, Change to group/activity,
 * Other) → other. A type ACLED does not document → other (with a warning). ACLED's own stays in classification.
 */
export function productType(eventType: string, subEventType: string): EventType | null {
  const type = eventType.toLowerCase();
  const sub = subEventType.toLowerCase();
  switch (type) {
    case 'battles':
      return 'clash';
    case 'explosions/remote violence':
    case 'violence against civilians':
      return 'attack';
    case 'protests':
      return 'protest';
    case 'riots':
      return sub === 'mob violence' ? 'attack' : 'protest';
    case 'strategic developments':
      if (sub === 'agreement') return 'agreement';
      if (sub === 'headquarters or base established' || sub === 'non-violent transfer of territory')
        return 'deployment';
      if (sub === 'looting/property destruction' || sub === 'disrupted weapons use') return 'attack';
      return 'other';
    default:
      return null;
  }
}

interface Roles {
  actor1: ActorRole;
  assoc1: ActorRole;
  actor2: ActorRole;
  assoc2: ActorRole;
}
const uniform = (role: ActorRole): Roles => ({ actor1: role, assoc1: role, actor2: role, assoc2: role });
const ONE_SIDED: Roles = { actor1: 'attacker', assoc1: 'attacker', actor2: 'target', assoc2: 'target' };

/**
 * Roles by type. ACLED's codebook says actor1 and actor2 imply no direction in general, but for one-sided
 * violence (Violence against civilians, Explosions/Remote violence, Mob violence, Looting) actor1 is the
 * perpetrator and actor2 the victim; in a battle both are parties; in a protest the associated actor of the
 * protesters is typically the organising group (party, union).
 */
function rolesOf(eventType: string, subEventType: string): Roles {
  const type = eventType.toLowerCase();
  const sub = subEventType.toLowerCase();
  if (type === 'violence against civilians' || type === 'explosions/remote violence') return ONE_SIDED;
  if (type === 'protests')
    return { actor1: 'participant', assoc1: 'organiser', actor2: 'participant', assoc2: 'participant' };
  if (type === 'riots') return sub === 'mob violence' ? ONE_SIDED : uniform('participant');
  if (type === 'strategic developments') {
    if (sub === 'agreement') return uniform('signatory');
    if (sub === 'looting/property destruction') return ONE_SIDED;
    if (sub === 'arrests') return { actor1: 'participant', assoc1: 'participant', actor2: 'target', assoc2: 'target' };
  }
  return uniform('participant');
}

/**
 * "Shelling/artillery/missile attack by Military Forces of Syria (2000-) in Kafr Nabl",
 * "Armed clash between A and B in X", "Peaceful protest by Protesters (Turkey) in Sanliurfa".
 */
export function acledTitle(eventType: string, subEventType: string, actor1: string, actor2: string, location: string) {
  const label = subEventType === '' || subEventType.toLowerCase() === 'other' ? eventType : subEventType;
  const type = eventType.toLowerCase();
  let who = '';
  if (actor1 !== '') {
    if (type === 'battles' || subEventType.toLowerCase() === 'agreement')
      who = actor2 !== '' ? ` between ${actor1} and ${actor2}` : ` involving ${actor1}`;
    else who = ` by ${actor1}${actor2 !== '' ? ` against ${actor2}` : ''}`;
  }
  return `${label}${who} in ${location}`;
}

/**
 * The honest interval of an ACLED date. ACLED's codebook, on time_precision:
 * 1 — the source gives the actual day: that day.
 * 2 — the source says only that the event happened sometime during a week (or a similar span, a weekend); ACLED
 *     then codes the middle of that span as event_date. We take the seven days centred on it (precision "week").
 * 3 — the source says only that it happened sometime during a month ("in January", "in the past two or three
 *     weeks"); ACLED then codes the month's mid-point. We take the whole calendar month of event_date
 *     (precision "month").
 */
export function acledInterval(
  day: string,
  timePrecision: 1 | 2 | 3,
): { earliest: string; latest: string; precision: Precision } {
  if (timePrecision === 1) return { earliest: day, latest: day, precision: 'day' };
  if (timePrecision === 2) return { earliest: addDays(day, -3), latest: addDays(day, 3), precision: 'week' };
  const year = yearOf(day);
  const month = monthOf(day);
  return {
    earliest: isoDay(year, month, 1),
    latest: isoDay(year, month, daysInMonth(year, month)),
    precision: 'month',
  };
}

function acledDateNote(day: string, timePrecision: 1 | 2 | 3): string | null {
  if (timePrecision === 2)
    return `ACLED time_precision 2: the source gives only the week (or a similar span); ACLED coded its middle day, ${day}, and the interval is the seven days around it.`;
  if (timePrecision === 3)
    return `ACLED time_precision 3: the source gives only the month; ACLED coded its middle day, ${day}, and the interval is the whole month.`;
  return null;
}

const GEO_PRECISIONS: Readonly<Record<string, PlacePrecision>> = {
  '1': 'exact', // the source names the town, and the coordinates are that town's
  '2': 'near', // a small part of a region, or near a town: coded to that town's coordinates
  '3': 'region', // only a larger region (or a natural feature): coded to it or to the provincial capital
};

const NONE = Object.freeze([]) as unknown as never[];
const INTER_EXPECTED =
  'an ACLED actor type: a code 1–8 or "State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters", "Civilians", "External/Other forces"';

export const AREA_POINT_NOTE =
  "Countries and admin areas have no coordinates in an ACLED export: each one's point is the mean of its events' coordinates.";

/** One location of the export and the areas above it, resolved once and then reused by every row naming it. */
interface ResolvedLocation {
  /** The raw country, admin1–3 and iso values the location was resolved from (a cache hit must match them). */
  path: string[];
  placeId: string;
  areas: PlaceEntry[];
  links: Partial<Record<PlacePrecision, NewsEvent['places'][number]>>;
}

const valueAt = (values: readonly string[], index: number): string => (index < 0 ? '' : (values[index] ?? '').trim());

export function createAcledImporter(options: ImportOptions, hooks: ImportHooks = {}): RowImporter {
  const b = new DatasetBuilder(options, hooks);
  const file = options.fileName;
  let columns: Columns | null = null;
  let attributeColumns: { name: string; index: number; share: boolean }[] = [];
  let legacy = false;
  const at = {
    id: -1, date: -1, timePrecision: -1, type: -1, subType: -1, actor1: -1, assoc1: -1, inter1: -1, actor2: -1,
    assoc2: -1, inter2: -1, iso: -1, country: -1, admin1: -1, admin2: -1, admin3: -1, location: -1, lat: -1, lon: -1,
    geoPrecision: -1, source: -1, notes: -1, fatalities: -1, timestamp: -1,
  }; // prettier-ignore
  const source = b.addSource(
    {
      kind: 'coded-record',
      title: `ACLED export ${file}`,
      titleBasis: 'written',
      publisher: ACLED_PUBLISHER,
      publisherNote: null,
      url: ACLED_URL,
      language: 'en',
      publishedAt: null,
      publishedAtBasis: 'unknown',
      publishedAtNote: 'The export does not say when it was made.',
      file,
      text: '',
    },
    'acled',
  );
  const sourceIds = b.sourceIdList(source.id);
  /** Raw event_date + time_precision → the event's (shared) date, or null when event_date is not a day. */
  const dates = new Map<string, NewsEvent['date'] | null>();
  const classifications = new Map<string, Classification>();
  const kinds = new Map<string, Map<string, { kind: ActorKind; strength: number } | null>>();
  /** Locations by name and coordinates (the rows naming one, usually); each holds every path it was seen under. */
  const locations = new Map<string, ResolvedLocation[]>();
  const seen = new Map<string, number>();
  const seenLines: number[] = [];
  const seenHashes: number[] = [];
  const identical: string[] = [];
  let identicalCount = 0;
  const unknownTypes = new Map<string, number>();
  const unknownInter = new Map<string, number>();
  let unknownIso: string | null = null;
  let latestTimestamp = -Infinity;
  /** The last iso value found valid: the rows of an export give few, in runs. */
  let lastIso = '';
  /** Columns limited as the fields they become (see rows.ts lengthProblem), by index once the header is read. */
  let limited: (readonly [number, string, LimitedText])[] = [];

  function header(fields: readonly string[], line: number): void {
    const c = (columns = new Columns(fields));
    // A JSON, binary or UTF-16 file: say what it is, instead of listing every ACLED column as missing.
    const notText = notDelimitedText(fields);
    if (notText !== null) {
      b.problems.add({ file, line, column: null, value: null, expected: notText });
      b.fatal = true;
      return;
    }
    const badNames = headerProblems(fields, file, line);
    if (badNames.length > 0) {
      for (const p of badNames) b.problems.add(p);
      b.fatal = true;
      return;
    }
    const missing = ACLED_REQUIRED_COLUMNS.filter((name) => !c.has(name));
    for (const name of missing)
      b.problems.add({
        file,
        line,
        column: name,
        value: null,
        expected: `a column named "${name}" (ACLED exports have one)`,
      });
    for (const name of c.duplicates)
      b.problems.add({ file, line, column: name, value: null, expected: `the column "${name}" once, not twice` });
    if (missing.length > 0 || c.duplicates.length > 0) b.fatal = true;
    legacy = !c.has('disorder_type') && (c.has('data_id') || c.has('event_id_no_cnty') || c.has('iso3'));
    const names: Record<keyof typeof at, string> = {
      id: 'event_id_cnty', date: 'event_date', timePrecision: 'time_precision', type: 'event_type',
      subType: 'sub_event_type', actor1: 'actor1', assoc1: 'assoc_actor_1', inter1: 'inter1', actor2: 'actor2',
      assoc2: 'assoc_actor_2', inter2: 'inter2', iso: 'iso', country: 'country', admin1: 'admin1', admin2: 'admin2',
      admin3: 'admin3', location: 'location', lat: 'latitude', lon: 'longitude', geoPrecision: 'geo_precision',
      source: 'source', notes: 'notes', fatalities: 'fatalities', timestamp: 'timestamp',
    }; // prettier-ignore
    for (const key of Object.keys(names) as (keyof typeof at)[]) at[key] = c.indexOf(names[key]);
    limited = (
      [
        [at.id, 'event_id_cnty', 'id'],
        [at.notes, 'notes', 'summary'],
        [at.actor1, 'actor1', 'name'],
        [at.actor2, 'actor2', 'name'],
        [at.country, 'country', 'name'],
        [at.admin1, 'admin1', 'name'],
        [at.admin2, 'admin2', 'name'],
        [at.admin3, 'admin3', 'name'],
        [at.location, 'location', 'name'],
      ] as const
    ).filter(([index]) => index >= 0);
    if (at.timePrecision < 0) b.warnings.push('no time_precision column: every event_date is taken as the exact day');
    if (at.geoPrecision < 0) b.warnings.push('no geo_precision column: every location is taken as "near" its point');
    attributeColumns = c.names
      .map((name, index) => ({ name, index, share: !UNIQUE_COLUMNS.has(name) }))
      .filter((x) => x.name !== '' && !MAPPED_COLUMNS.has(x.name) && c.indexOf(x.name) === x.index);
  }

  /**
   * The actor's kind from its inter code and ACLED's naming conventions: "Military Forces of Syria (2000-)" and
   * "Police Forces of …" are armed forces and "Government of …" a government body whatever the code (ACLED codes a
   * state's forces abroad as "External/Other forces"); else the code's kind. With how surely it is known (see
   * DatasetBuilder.actorLink): "External/Other forces" says little, so a later, more specific code replaces it.
   */
  function actorKind(name: string, inter: string): { kind: ActorKind; strength: number } | null {
    let byName = kinds.get(inter);
    if (!byName) kinds.set(detach(inter), (byName = new Map()));
    let kind = byName.get(name);
    if (kind === undefined) {
      const code = inter.toLowerCase().replace(/\.0+$/, '');
      // Own keys only: inter1 "constructor" must not find Object.prototype.constructor.
      const byCode = Object.hasOwn(INTER_KINDS, code) ? INTER_KINDS[code] : undefined;
      if (byCode === undefined) kind = null;
      else if (/^government of\b/i.test(name)) kind = { kind: 'government-body', strength: 2 };
      else if (/^(military|police|naval|air) forces of\b/i.test(name)) kind = { kind: 'armed-forces', strength: 2 };
      else kind = { kind: byCode, strength: code === '8' || code.startsWith('external') ? 1 : 2 };
      byName.set(detach(name), kind);
    }
    return kind;
  }

  function checkInter(problems: RowProblems, name: string, inter: string, kind: object | null, column: string) {
    if (kind !== null || inter === '' || inter === '0' || name === '') return;
    if (/^\d+(\.0+)?$/.test(inter)) problems.add(column, inter, INTER_EXPECTED);
    else unknownInter.set(inter, (unknownInter.get(inter) ?? 0) + 1);
  }

  /** The location's place and its areas, created on first sight (the hierarchy country → admin1–3 → location). */
  function resolveLocation(
    values: readonly string[],
    latText: string,
    lonText: string,
    lat: number,
    lon: number,
  ): ResolvedLocation {
    const country = valueAt(values, at.country);
    const admins = [valueAt(values, at.admin1), valueAt(values, at.admin2), valueAt(values, at.admin3)];
    const location = valueAt(values, at.location);
    const isoText = valueAt(values, at.iso);
    const cacheKey = `${location}\u0000${latText}\u0000${lonText}`;
    const seenHere = locations.get(cacheKey);
    if (seenHere) {
      for (const known of seenHere) {
        const p = known.path;
        if (p[0] === country && p[1] === admins[0] && p[2] === admins[1] && p[3] === admins[2] && p[4] === isoText)
          return known;
      }
    }

    const countryCode = isoText === '' ? null : alpha2FromNumeric(isoText);
    if (isoText !== '' && countryCode === null) unknownIso ??= isoText;
    let parentKey = `c\u0000${country.toLowerCase()}`;
    let parent = b.place(parentKey, { name: country, kind: 'country', countryCode, parentId: null }, null, [country]);
    const areas = [parent];
    let parentName = country;
    let admin1Name = '';
    for (const [i, name] of admins.entries()) {
      // A level named like the one above it (admin2 "Ariha" in admin1 … , admin3 "Ariha" in admin2 "Ariha") is
      // folded into it: filtering on the upper one includes it anyway, and the facet lists one "Ariha", not three.
      if (name === '' || name.toLowerCase() === parentName.toLowerCase()) continue;
      if (i === 0) admin1Name = name;
      parentKey = `${parentKey}\u0000${i + 1}\u0000${name.toLowerCase()}`;
      parent = b.place(
        parentKey,
        { name, kind: i === 0 ? 'admin1' : 'region', countryCode, parentId: parent.id },
        null,
        [name, `${name} ${parentName}`, `${name} ${country}`],
      );
      areas.push(parent);
      parentName = name;
    }
    const place = b.place(
      `${parentKey}\u0000L\u0000${location.toLowerCase()}\u0000${lat},${lon}`,
      { name: location, kind: 'city', countryCode, parentId: parent.id },
      { lat, lon },
      admin1Name !== '' && admin1Name.toLowerCase() !== location.toLowerCase()
        ? [location, `${location} ${admin1Name}`, `${location} ${country}`]
        : [location, `${location} ${country}`],
    );
    const resolved: ResolvedLocation = {
      path: [country, ...admins, isoText].map(detach),
      placeId: place.id,
      areas,
      links: {},
    };
    if (seenHere) seenHere.push(resolved);
    else locations.set(detach(cacheKey), [resolved]);
    return resolved;
  }

  function dateOf(rawDate: string, rawPrecision: string): NewsEvent['date'] | null | undefined {
    const key = `${rawDate}\u0000${rawPrecision}`;
    const known = dates.get(key);
    if (known !== undefined || dates.has(key)) return known;
    const day = parseDay(rawDate);
    const precision =
      at.timePrecision < 0 ? 1 : /^[123](\.0+)?$/.test(rawPrecision) ? (Number(rawPrecision) as 1 | 2 | 3) : null;
    if (precision === null) return undefined; // not cached: reported per row
    let date: NewsEvent['date'] | null = null;
    if (day !== null) {
      const interval = acledInterval(day, precision);
      date = b.date(
        interval.earliest,
        interval.latest,
        interval.precision,
        precision === 1 ? 'explicit' : 'inferred',
        acledDateNote(day, precision),
      );
    }
    if (dates.size < 200_000) dates.set(detach(key), date);
    return date;
  }

  function row(values: readonly string[], line: number): void {
    if (!columns || b.fatal) return;
    b.rowsRead++;
    b.noteEncoding(values, line);
    const width = columns.names.length;
    const problems = new RowProblems(file, line);
    if (values.length < width || (values.length > width && values.slice(width).some((v) => v.trim() !== ''))) {
      // Only this problem: the values are shifted, so checking them by column would blame the wrong columns
      // ("fatalities": "On 27 February…") and bury the real cause.
      problems.add(
        null,
        null,
        `${width} values, one per column of the header (this row has ${values.length}; is a value with a comma or a line break not in double quotes, or was the row cut short?)`,
      );
      return b.refuseRow(problems.list);
    }

    const recordId = valueAt(values, at.id);
    const id = recordId
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    if (id === '') problems.add('event_id_cnty', recordId, 'an event id such as "SYR12345"');

    const rawDate = valueAt(values, at.date);
    const rawPrecision = valueAt(values, at.timePrecision);
    const date = dateOf(rawDate, rawPrecision);
    if (date === undefined)
      problems.add(
        'time_precision',
        rawPrecision,
        'an ACLED time precision: 1 (the day), 2 (the week) or 3 (the month)',
      );
    if (date === null || (date === undefined && parseDay(rawDate) === null))
      problems.add('event_date', rawDate, expectedDay(rawDate));
    else if (date) {
      const years = yearsProblem(date.earliest, date.latest, options);
      if (years !== null) problems.add('event_date', rawDate, years);
    }

    const eventType = valueAt(values, at.type);
    const subEventType = valueAt(values, at.subType);
    if (eventType === '') problems.add('event_type', eventType, 'an ACLED event type such as "Battles"');

    const latText = valueAt(values, at.lat);
    const lonText = valueAt(values, at.lon);
    const lat = parseDecimal(latText);
    const lon = parseDecimal(lonText);
    if (lat === null || lat < -90 || lat > 90)
      problems.add(
        'latitude',
        latText,
        expectedCoordinate(latText, 'a latitude in decimal degrees between -90 and 90, such as "35.93"'),
      );
    if (lon === null || lon < -180 || lon > 180)
      problems.add(
        'longitude',
        lonText,
        expectedCoordinate(lonText, 'a longitude in decimal degrees between -180 and 180, such as "36.63"'),
      );
    if (lat !== null && lon !== null && isNullIsland(lat, lon))
      problems.add(
        'latitude',
        latText,
        'coordinates other than latitude 0, longitude 0 (a point in the Gulf of Guinea, where missing coordinates written as zeros end up)',
      );

    let precision: PlacePrecision = 'near';
    if (at.geoPrecision >= 0) {
      const raw = valueAt(values, at.geoPrecision);
      const code = raw.replace(/\.0+$/, '');
      // Own keys only: geo_precision "constructor" or "__proto__" must not find Object.prototype's members.
      const p = Object.hasOwn(GEO_PRECISIONS, code) ? GEO_PRECISIONS[code] : undefined;
      if (p === undefined)
        problems.add('geo_precision', raw, 'an ACLED geo precision: 1 (exact), 2 (near) or 3 (region)');
      else precision = p;
    }

    if (valueAt(values, at.country) === '') problems.add('country', '', 'the country the event took place in');
    const location = valueAt(values, at.location);
    if (location === '') problems.add('location', location, 'the name of the location');

    // Longer than the dataset's limits (DATASET_LIMITS, as `npm run data` applies them): refused, never cut.
    for (const [index, column, kind] of limited) {
      const expected = lengthProblem(valueAt(values, index), kind);
      if (expected !== null) problems.add(column, null, expected);
    }
    for (const [index, column] of [
      [at.assoc1, 'assoc_actor_1'],
      [at.assoc2, 'assoc_actor_2'],
    ] as const) {
      const expected = namesLengthProblem(valueAt(values, index));
      if (expected !== null) problems.add(column, null, expected);
    }
    const isoText = valueAt(values, at.iso);
    if (isoText !== '' && isoText !== lastIso) {
      // ACLED writes 0 for Kosovo, which has no ISO numeric code: no country code (a warning), not a refusal.
      if (!/^0+(\.0+)?$/.test(isoText) && alpha2FromNumeric(isoText) === null)
        problems.add('iso', isoText, 'an ISO 3166-1 numeric country code such as 760 (Syria), as ACLED writes it');
      else lastIso = isoText;
    }

    const fatalitiesText = valueAt(values, at.fatalities);
    let fatalities: number | null = null;
    if (fatalitiesText !== '') {
      if (/^\d+(\.0+)?$/.test(fatalitiesText) && Number(fatalitiesText) <= 2_147_483_647)
        fatalities = Number(fatalitiesText);
      else problems.add('fatalities', fatalitiesText, 'a whole number of reported deaths (0 or more), or nothing');
    }

    const actor1 = valueAt(values, at.actor1);
    const actor2 = valueAt(values, at.actor2);
    const inter1 = valueAt(values, at.inter1);
    const inter2 = valueAt(values, at.inter2);
    const kind1 = actor1 === '' ? null : actorKind(actor1, inter1);
    const kind2 = actor2 === '' ? null : actorKind(actor2, inter2);
    checkInter(problems, actor1, inter1, kind1, 'inter1');
    checkInter(problems, actor2, inter2, kind2, 'inter2');

    if (!problems.ok) return b.refuseRow(problems.list);

    const hash = hashRow(values);
    const first = seen.get(id);
    if (first !== undefined) {
      if (seenHashes[first] === hash) {
        if (identicalCount++ < 5) identical.push(`${recordId} on line ${line} repeats line ${seenLines[first]}`);
        return;
      }
      // Ids are compared as slugs, so "SYR 1" and "syr-1" are the same id: say which id on the first line it
      // repeats when it is written differently there. The first's index is also its event's (pushed just below).
      const firstId = b.events[first]?.record?.recordId ?? recordId;
      problems.add(
        'event_id_cnty',
        recordId,
        firstId === recordId
          ? `an id used once: ${recordId} is first on line ${seenLines[first]}, with different values`
          : `an id used once: ${recordId} is the same id as ${firstId} on line ${seenLines[first]} (ids are compared in lower case, other characters as "-"), with different values`,
      );
      return b.refuseRow(problems.list);
    }
    const eventId = detach(id);
    seen.set(eventId, seenHashes.length);
    seenHashes.push(hash);
    seenLines.push(line);

    // ------------------------------------------------------------------ accepted: build the event
    const classKey = `${eventType}\u0000${subEventType}`;
    let classification = classifications.get(classKey);
    if (!classification) {
      classification = {
        scheme: 'ACLED',
        type: detach(eventType),
        subType: subEventType === '' ? null : detach(subEventType),
      };
      classifications.set(detach(classKey), classification);
    }
    let type = productType(eventType, subEventType);
    if (type === null) {
      unknownTypes.set(classification.type, (unknownTypes.get(classification.type) ?? 0) + 1);
      type = 'other';
    }

    const roles = rolesOf(eventType, subEventType);
    const links: NewsEvent['actors'] = [];
    if (actor1 !== '') links.push(b.actorLink(actor1, kind1?.kind ?? 'group', kind1?.strength ?? 0, roles.actor1));
    for (const name of splitNames(valueAt(values, at.assoc1)))
      pushLink(links, b.actorLink(name, 'group', 0, roles.assoc1));
    if (actor2 !== '') pushLink(links, b.actorLink(actor2, kind2?.kind ?? 'group', kind2?.strength ?? 0, roles.actor2));
    for (const name of splitNames(valueAt(values, at.assoc2)))
      pushLink(links, b.actorLink(name, 'group', 0, roles.assoc2));

    const resolved = resolveLocation(values, latText, lonText, lat!, lon!);
    for (const area of resolved.areas) countPoint(area, lat!, lon!);

    const attributes: Record<string, string> = {};
    for (const a of attributeColumns) {
      const value = (values[a.index] ?? '').trim();
      if (value !== '') setAttribute(attributes, a.name, a.share ? b.intern(value) : detach(value));
    }
    if (at.timestamp >= 0) {
      // Epoch seconds as ACLED writes them; anything else (milliseconds, "1e308", a date) would make the source's
      // publishedAt an invalid day, or throw: such a value is only kept in attributes, not used to date the export.
      const text = valueAt(values, at.timestamp);
      const t = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
      if (t > latestTimestamp) latestTimestamp = t;
    }

    const outlets = valueAt(values, at.source);
    b.events.push({
      id: eventId,
      type,
      classification,
      cameo: EVENT_TYPES[type].cameo,
      title: detach(acledTitle(eventType, subEventType, actor1, actor2, location)),
      summary: detach(valueAt(values, at.notes)),
      modality: 'occurred',
      date: date!,
      actors: links,
      places: [(resolved.links[precision] ??= b.placeLink(resolved.placeId, 'area', precision))],
      evidence: NONE,
      record: {
        sourceId: source.id,
        recordId: detach(recordId),
        outlets: outlets === '' ? null : b.intern(outlets),
        location: `${file}, line ${line}`,
      },
      fatalities,
      attributes,
      sourceIds,
      disagreements: NONE,
      notes: null,
    });
  }

  function rowError(line: number, problems: readonly CellProblem[]): void {
    if (!columns || b.fatal) return;
    b.rowsRead++;
    b.refuseRow(problems.map(({ column, expected }) => ({ file, line, column, value: null, expected })));
  }

  function fail(problem: ImportProblem): void {
    b.problems.add(problem);
    b.fatal = true;
  }

  function finish() {
    if (!columns && !b.fatal) {
      b.fatal = true;
      b.problems.add({ file, line: 1, column: null, value: null, expected: "a header row naming ACLED's columns" });
    }
    if (identicalCount > 0)
      b.warnings.push(
        `${identicalCount} identical duplicate row(s) dropped: ${identical.join('; ')}${identicalCount > identical.length ? '; …' : ''}`,
      );
    for (const [type, n] of unknownTypes)
      b.warnings.push(
        `${n} row(s) of event_type "${type}", which ACLED's codebook does not list, imported as type "other"`,
      );
    for (const [inter, n] of unknownInter)
      b.warnings.push(
        `${n} actor(s) with the actor type "${inter}", which ACLED's codebook does not list, imported as kind "group"`,
      );
    if (unknownIso !== null)
      b.warnings.push(`iso "${unknownIso}" is not an ISO 3166-1 numeric country code: no country code`);
    if (Number.isFinite(latestTimestamp)) {
      source.publishedAt = fromEpochDay(Math.floor(latestTimestamp / 86_400));
      source.publishedAtBasis = 'inferred';
      source.publishedAtNote = "The day of the latest update (ACLED's timestamp) of the records in the export.";
    }
    const span = extentOf(b.events);
    const layout = legacy ? 'ACLED export (layout before March 2023)' : 'ACLED export';
    const summary = `${layout} ${file}: ${b.events.length} events${span ? `, ${span.earliest} to ${span.latest}` : ''}. Event summaries are ACLED's notes, not quotes of the outlets it cites.`;
    return b.finish({
      title: options.title ?? `ACLED export ${file}`,
      description: `${options.description ?? summary} ${AREA_POINT_NOTE}`,
    });
  }

  return { header, row, rowError, fail, finish };
}
