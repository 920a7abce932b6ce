/**
 * Accumulates imported records into a Dataset without a per-row schema check: every field is either built here
 * from checked parts (slugs from SlugAllocator, days from dates.ts, numbers range-checked by the row readers) or
 * a constant. Repeated values are shared (strings, date objects, actor and place links), so a million ACLED rows
 * hold little more than their distinct titles, notes and record locations.
 */
import type { Actor, Dataset, EventDate, NewsEvent, Place, Source } from '../dataset-schema.ts';
import { SCHEMA_VERSION } from '../dataset-version.ts';
import { describeInterval } from '../date-display.ts';
import { toEdtf, type Precision } from '../temporal.ts';
import type { ACTOR_KINDS, ACTOR_ROLES, PLACE_KINDS, PLACE_PRECISIONS, PLACE_ROLES } from '../taxonomy.ts';
import { SlugAllocator } from './slugs.ts';
import { MAX_LISTED_PROBLEMS, type ImportOptions, type ImportProblem, type ImportResult } from './types.ts';

export type ActorKind = (typeof ACTOR_KINDS)[number];
export type ActorRole = (typeof ACTOR_ROLES)[number];
export type PlaceKind = (typeof PLACE_KINDS)[number];
export type PlaceRole = (typeof PLACE_ROLES)[number];
export type PlacePrecision = (typeof PLACE_PRECISIONS)[number];
type ActorLink = NewsEvent['actors'][number];
type PlaceLink = NewsEvent['places'][number];

export interface ImportHooks {
  /** Every problem as it is found, including those beyond the listed ones (the CLI writes them to a report). */
  onProblem?: (problem: ImportProblem) => void;
}

/** The longest value a problem quotes, in characters. */
const MAX_PROBLEM_VALUE = 1000;

/** Problems of a whole import: all reported to the hook, the first MAX_LISTED_PROBLEMS kept. */
export class ProblemLog {
  readonly listed: ImportProblem[] = [];
  more = 0;
  constructor(private readonly hooks: ImportHooks) {}

  add(problem: ImportProblem): void {
    // A refused value is quoted, not kept: a 100 kB note (or a 50 MB line) in each of a thousand listed problems
    // would hold the file's text in memory and flood the report. Shortened (and copied) as types.ts promises.
    if (problem.value !== null && problem.value.length > MAX_PROBLEM_VALUE)
      problem = { ...problem, value: detach(`${problem.value.slice(0, MAX_PROBLEM_VALUE - 1)}…`) };
    this.hooks.onProblem?.(problem);
    if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push(problem);
    else this.more++;
  }

  get count(): number {
    return this.listed.length + this.more;
  }
}

interface ActorEntry {
  actor: Actor;
  /** How surely the kind is known: 0 a default, 1 a vague statement (ACLED's "External/Other forces"), 2 stated. */
  kindStrength: number;
  links: Partial<Record<ActorRole, ActorLink>>;
}

export interface PlaceEntry {
  id: string;
  name: string;
  kind: PlaceKind;
  countryCode: string | null;
  parentId: string | null;
  /** A point given by the source (a location's coordinates), or null: then the mean of its events' points. */
  point: { lat: number; lon: number } | null;
  sumLat: number;
  sumLon: number;
  count: number;
}

/**
 * A copy of `text` that does not share memory with the string it was cut from. Parsers return values as
 * substrings of their input chunk, and V8 keeps a substring's whole parent alive: a note kept from every row would
 * keep the entire file in memory. Flattening `" " + text` copies just the characters (strings shorter than 13 are
 * copied by V8 anyway).
 */
export function detach(text: string): string {
  if (text.length < 13) return text;
  const copy = ` ${text}`;
  copy.charCodeAt(1); // flattens the concatenation into a fresh string
  return copy.slice(1);
}

/** Rounds a mean coordinate to ~1 m, so that the output does not depend on floating-point noise. */
const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

export class DatasetBuilder {
  readonly sources: Source[] = [];
  readonly events: NewsEvent[] = [];
  readonly warnings: string[] = [];
  readonly problems: ProblemLog;
  readonly sourceIds = new SlugAllocator('source');
  readonly eventIds = new SlugAllocator('event');
  private readonly actorIds = new SlugAllocator('actor');
  private readonly placeIds = new SlugAllocator('place');
  private readonly actors = new Map<string, ActorEntry>();
  private readonly places = new Map<string, PlaceEntry>();
  private readonly placeOrder: PlaceEntry[] = [];
  private readonly strings = new Map<string, string>();
  private readonly dates = new Map<string, EventDate>();
  private readonly placeLinks = new Map<string, PlaceLink>();
  private readonly sourceIdLists = new Map<string, string[]>();
  rowsRead = 0;
  skipped = 0;
  /** Rows holding U+FFFD, the replacement of characters an earlier conversion could not read, and the first one's line. */
  private garbledRows = 0;
  private firstGarbledLine: number | null = null;
  /** Set when the file as a whole cannot be read (a required column is missing): refused even with skipInvalid. */
  fatal = false;

  constructor(
    readonly options: ImportOptions,
    hooks: ImportHooks,
  ) {
    this.problems = new ProblemLog(hooks);
  }

  /** The one shared copy of a repeated string (an admin name, a disorder type). */
  intern(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    const copy = detach(value);
    this.strings.set(copy, copy);
    return copy;
  }

  addSource(source: Omit<Source, 'id'>, ...idCandidates: string[]): Source {
    const full = { id: this.sourceIds.claim(...idCandidates), ...source };
    this.sources.push(full);
    return full;
  }

  sourceIdList(sourceId: string): string[] {
    let list = this.sourceIdLists.get(sourceId);
    if (!list) this.sourceIdLists.set(sourceId, (list = [sourceId]));
    return list;
  }

  /**
   * The (shared) link to the actor of that name in that role; the actor (one per distinct name) is created on
   * first sight with `kind`, which a later row stating it more surely (`kindStrength`) replaces.
   */
  actorLink(name: string, kind: ActorKind, kindStrength: number, role: ActorRole): ActorLink {
    let entry = this.actors.get(name);
    if (!entry) {
      const copy = detach(name);
      const actor: Actor = {
        id: this.actorIds.claim(copy),
        name: copy,
        aliases: [],
        kind,
        countryCode: null,
        office: null,
      };
      this.actors.set(copy, (entry = { actor, kindStrength, links: {} }));
    } else if (kindStrength > entry.kindStrength) {
      entry.actor.kind = kind;
      entry.kindStrength = kindStrength;
    }
    return (entry.links[role] ??= { actorId: entry.actor.id, role });
  }

  placeLink(placeId: string, role: PlaceRole, precision: PlacePrecision): PlaceLink {
    const key = `${placeId}\u0000${role}\u0000${precision}`;
    let link = this.placeLinks.get(key);
    if (!link) this.placeLinks.set(key, (link = { placeId, role, precision }));
    return link;
  }

  /**
   * The place under `key` (unique among all places of the import), created on first sight with the first id
   * candidate still free. `point` is the source's own point for it; null makes it an area whose representative
   * point is the mean of the points counted into it with `countPoint`.
   */
  place(
    key: string,
    init: { name: string; kind: PlaceKind; countryCode: string | null; parentId: string | null },
    point: { lat: number; lon: number } | null,
    idCandidates: string[],
  ): PlaceEntry {
    const known = this.places.get(key);
    if (known) return known;
    const entry: PlaceEntry = {
      id: this.placeIds.claim(...idCandidates),
      ...init,
      name: this.intern(init.name),
      point,
      sumLat: 0,
      sumLon: 0,
      count: 0,
    };
    this.places.set(detach(key), entry);
    this.placeOrder.push(entry);
    return entry;
  }

  /** A shared date object for an interval read from a coded field (no expression, no anchor). */
  date(
    earliest: string,
    latest: string,
    precision: Precision,
    resolution: EventDate['resolution'],
    note: string | null,
  ): EventDate {
    const key = `${earliest}|${latest}|${precision}|${resolution}|${note ?? ''}`;
    let date = this.dates.get(key);
    if (!date) {
      const interval = { earliest, latest, precision, qualifier: null };
      date = {
        ...interval,
        display: describeInterval(interval),
        resolution,
        expression: null,
        anchor: null,
        note,
        edtf: toEdtf(interval),
      };
      this.dates.set(key, date);
    }
    return date;
  }

  /**
   * Notes a row whose text holds U+FFFD, the replacement character. Bytes that are not UTF-8 refuse the file (see
   * importChunks), so this text was damaged before: a conversion read a Windows-1252 file as UTF-8 and saved what
   * it made of it, and "Şanlıurfa" reads "�anl�urfa" for good. Not refused (the file is what its author has, and
   * the rest of the row is sound), but said.
   */
  noteEncoding(values: readonly string[], line: number): void {
    if (!values.some((v) => v.includes('\uFFFD'))) return;
    if (this.garbledRows++ === 0) this.firstGarbledLine = line;
  }

  /** Records a refused row: every problem is reported; the row is skipped if skipInvalid is set, else refuses the file. */
  refuseRow(problems: ImportProblem[]): void {
    for (const p of problems) this.problems.add(p);
    this.skipped++;
  }

  /** The dataset of everything accepted, or the refusal. Records no event refers to are left out. */
  finish(meta: { title: string; description: string }): ImportResult {
    if (this.garbledRows > 0)
      this.warnings.push(
        `${this.garbledRows} row(s), the first on line ${this.firstGarbledLine}, hold the replacement character "\uFFFD": characters were lost in an earlier conversion of the file (Windows-1252 read as UTF-8?); correct them where the file comes from`,
      );
    const refused = this.fatal || (this.problems.count > 0 && !this.options.skipInvalid);
    const base = {
      problems: this.problems.listed,
      moreProblems: this.problems.more,
      rowsRead: this.rowsRead,
      rowsRefused: this.skipped,
      warnings: this.warnings,
    };
    if (refused) return { ...base, dataset: null, eventsImported: 0, skipped: 0 };
    if (this.events.length === 0) {
      const problem: ImportProblem = {
        file: this.options.fileName,
        line: null,
        column: null,
        value: null,
        expected: this.rowsRead === 0 ? 'at least one row of events after the header' : 'at least one valid event',
      };
      this.problems.add(problem);
      return { ...base, problems: this.problems.listed, dataset: null, eventsImported: 0, skipped: this.skipped };
    }

    const usedActors = new Set<string>();
    const usedPlaces = new Set<string>();
    const usedSources = new Set<string>();
    for (const e of this.events) {
      for (const a of e.actors) usedActors.add(a.actorId);
      for (const p of e.places) usedPlaces.add(p.placeId);
      for (const s of e.sourceIds) usedSources.add(s);
    }
    const parentOf = new Map(this.placeOrder.map((p) => [p.id, p.parentId]));
    for (const id of [...usedPlaces]) {
      for (let parent = parentOf.get(id); parent; parent = parentOf.get(parent)) usedPlaces.add(parent);
    }
    const places: Place[] = [];
    for (const p of this.placeOrder) {
      if (!usedPlaces.has(p.id)) continue;
      const point =
        p.point ?? (p.count > 0 ? { lat: round5(p.sumLat / p.count), lon: round5(p.sumLon / p.count) } : null);
      if (!point) continue; // an area none of whose events has a point: it cannot be drawn, and nothing uses it
      places.push({
        id: p.id,
        name: p.name,
        aliases: [],
        kind: p.kind,
        countryCode: p.countryCode,
        lat: point.lat,
        lon: point.lon,
        parentId: p.parentId,
        geonamesId: null,
        wikidataId: null,
      });
    }
    const actors = [...this.actors.values()].map((e) => e.actor).filter((a) => usedActors.has(a.id));
    const dataset: Dataset = {
      schemaVersion: SCHEMA_VERSION,
      title: meta.title,
      description: meta.description,
      sources: this.sources.filter((s) => usedSources.has(s.id)),
      actors,
      places,
      events: this.events,
    };
    return { ...base, dataset, eventsImported: this.events.length, skipped: this.skipped };
  }
}

/** The result of a file refused whole before any of it is read as records (bytes that are not UTF-8). */
export function refusedFile(options: ImportOptions, hooks: ImportHooks, problem: ImportProblem): ImportResult {
  const b = new DatasetBuilder(options, hooks);
  b.problems.add(problem);
  b.fatal = true;
  return b.finish({ title: '', description: '' });
}

/** Adds an event's point to an area whose representative point is the mean of its events' points. */
export function countPoint(entry: PlaceEntry, lat: number, lon: number): void {
  entry.sumLat += lat;
  entry.sumLon += lon;
  entry.count++;
}
