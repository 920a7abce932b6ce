/**
 * A synthetic dataset of any size, grown from the real one, for benchmarks and the large-dataset end-to-end test.
 *
 * It is shaped like news data rather than like copies of the 57 real events, because the shape is what the app's
 * costs depend on:
 * - time: a few dozen "crises" (a centre day and a spread, 2011–2021) hold most events, the rest is background, so
 *   the timeline sees dense bursts and quiet years;
 * - space: synthetic towns and sites cluster around the real cities and regions of the bundled dataset, each with
 *   the country or region above it as parent (so "Syria" includes them);
 * - a long tail: min(10,000, events / 5) synthetic actors and as many places, drawn with a Zipf skew (the real
 *   actors head the list), so a few names are everywhere and most appear a handful of times;
 * - articles: about one synthetic source per 20 events, each a few kB of sentences; every evidence span and every
 *   temporal expression is a real substring of its source (`text.slice(start, end) === quote`), and about a
 *   quarter of the events are also recalled by the next article on the same story (two corroborating sources).
 *
 * Deterministic for a given size (seeded PRNG). Built for 1,000,000 events: no whole-dataset string is ever made,
 * day strings and date labels are shared, quotes are slices of their article.
 */
import type { Actor, Dataset, Evidence, NewsEvent, Place, Source } from '../../src/domain/dataset-schema.ts';
import { formatDay, formatMonth, fromEpochDay, toEpochDay, WEEKDAYS } from '../../src/domain/iso-day.ts';
import { toEdtf, type Precision, type Qualifier } from '../../src/domain/temporal.ts';
import { describeInterval } from '../../src/domain/date-display.ts';
import { EVENT_TYPES, type EventType, type Modality } from '../../src/domain/taxonomy.ts';

type ActorRole = NewsEvent['actors'][number]['role'];
type PlaceRole = NewsEvent['places'][number]['role'];
type PlacePrecision = NewsEvent['places'][number]['precision'];

/* ------------------------------------------------------------------ randomness */

/** mulberry32: a small, fast, seedable PRNG, so every run measures the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function randomInt(rand: Random, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

function pick<T>(rand: Random, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

/** A standard normal deviate (Box–Muller). */
function gaussian(rand: Random): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** Picks an index with probability proportional to its weight; the cumulative weights are built once. */
class WeightedPicker {
  private readonly cumulative: Float64Array;
  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => (this.cumulative[i] = sum += w));
  }
  get size(): number {
    return this.cumulative.length;
  }
  pick(rand: Random): number {
    const target = rand() * this.cumulative[this.cumulative.length - 1]!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}

/** Zipf over ranks 0..n-1 (weight 1 / (rank + 1)^s): rank 0 is the most frequent. Shared per size. */
const zipfPickers = new Map<number, WeightedPicker>();
function zipf(n: number): WeightedPicker {
  let picker = zipfPickers.get(n);
  if (!picker) {
    picker = new WeightedPicker(Array.from({ length: n }, (_, rank) => 1 / (rank + 1) ** ZIPF_EXPONENT));
    zipfPickers.set(n, picker);
  }
  return picker;
}

/** Slightly above 1: the head is heavy (the top actor is in about one event in ten) and the tail long. */
const ZIPF_EXPONENT = 1.05;

/** Draws from a small table of [value, weight] pairs. */
function weighted<T>(rand: Random, table: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of table) total += w;
  let target = rand() * total;
  for (const [value, w] of table) if ((target -= w) < 0) return value;
  return table[table.length - 1]![0];
}

/* ------------------------------------------------------------------ vocabulary */

// Syllables for invented names; a few carry diacritics so that search folding ("Goksar" finds "Göksar") is
// exercised at scale too. prettier-ignore keeps the word lists compact.
// prettier-ignore
const SYLLABLES = [
  'ka', 'far', 'ra', 'bel', 'tel', 'ma', 'nor', 'al', 'sar', 'ki', 'dov', 'zen', 'mir', 'han', 'lu', 'qa',
  'şe', 'gö', 'çay', 'rin', 'vo', 'tash', 'ul', 'bek', 'az', 'dar', 'ne', 'ko', 'sul', 'ye', 'mar', 'ıl',
] as const;

// prettier-ignore
const GIVEN_NAMES = [
  'Ahmet', 'Olga', 'Karim', 'Leyla', 'Sergei', 'Fatma', 'Yusuf', 'Anna', 'Omar', 'Elif', 'Dmitri', 'Rania',
  'Mehmet', 'Irina', 'Hassan', 'Zeynep', 'Nikolai', 'Maryam', 'Ali', 'Svetlana', 'Mustafa', 'Hülya', 'Pavel',
  'Nour', 'Emre', 'Tatiana', 'Samir', 'Ayşe', 'Viktor', 'Hiba', 'Murat', 'Natalia', 'Khaled', 'Selin', 'Igor',
  'Dina', 'Burak', 'Yelena', 'Tariq', 'Gül',
] as const;

const SURNAME_ENDINGS = ['', 'oğlu', 'ov', 'i', 'ian', 'enko', 'ski', 'zadeh'] as const;

// prettier-ignore
const OFFICES = [
  'Foreign Minister', 'Defence Minister', 'Interior Minister', 'Governor', 'Mayor', 'Spokesperson', 'Commander',
  'Ambassador', 'Envoy', 'Member of Parliament',
] as const;

const ORGANISATION_NAMES: Record<Exclude<Actor['kind'], 'person' | 'state'>, readonly string[]> = {
  'government-body': ['Provincial Council', 'Governorate', 'Municipal Council', 'Security Committee', 'Ministry'],
  'armed-forces': ['Border Guard', 'Garrison', 'Air Defence Command', 'Naval Group', 'Mechanised Division'],
  'armed-group': ['Brigade', 'Front', 'Battalion', 'Liberation Army', 'Defence Units', 'Movement'],
  igo: ['Observer Mission', 'Contact Group', 'Joint Commission', 'Monitoring Office'],
  ngo: ['Relief Association', 'Human Rights Centre', 'Medical Aid', 'Civil Defence', 'Refugee Council'],
  group: ['residents', 'traders', 'activists', 'tribal elders', 'students', 'farmers'],
};

// prettier-ignore
const PUBLISHERS = [
  'Meridian Wire', 'Eastgate Herald', 'Harbour Street Journal', 'Tidewater Dispatch', 'Granite Bulletin',
  'Lantern News Agency', 'Crescent Gazette', 'Northwind Telegraph', 'Saltmarsh Review', 'Copperfield Times',
] as const;

// prettier-ignore
const CONNECTORS = [
  'amid', 'after', 'despite', 'ahead of', 'following', 'during', 'in the wake of', 'on the eve of',
  'in response to', 'against the backdrop of', 'days after', 'weeks after', 'shortly before', 'in light of',
  'as fears grow over', 'as diplomats weigh', 'with talk of', 'under pressure over', 'as markets watch',
  'as allies question',
] as const;

// prettier-ignore
const SITUATIONS = [
  'rising tension', 'the collapse of talks', 'renewed shelling', 'fuel shortages', 'a border dispute',
  'a refugee influx', 'drone sightings', 'a sanctions row', 'grain export worries', 'a ceasefire breach',
  'troop build-ups', 'power cuts', 'a hostage crisis', 'an aid convoy stand-off', 'election fever',
  'a currency slide', 'pipeline talks', 'a cholera outbreak', 'airspace violations', 'a prisoner swap',
  'a mediation offer', 'water shortages', 'a diplomatic expulsion', 'a convoy ambush', 'mass arrests',
  'winter storms', 'a cyber attack', 'protests at home', 'an arms embargo', 'a corridor proposal',
  'shipping disruption', 'a leaked memo', 'a court ruling', 'a cabinet reshuffle', 'bread price rises',
  'a chemical weapons claim', 'a peace plan', 'a truce deadline', 'landmine casualties', 'a spy scandal',
] as const;

// prettier-ignore
const TOPIC_ADJECTIVES = [
  'border', 'maritime', 'energy', 'humanitarian', 'military', 'trade', 'security', 'refugee', 'transit',
  'nuclear', 'grain', 'airspace', 'water', 'customs', 'prisoner', 'reconstruction',
] as const;
// prettier-ignore
const TOPIC_NOUNS = [
  'cooperation', 'corridors', 'guarantees', 'monitoring', 'quotas', 'access', 'patrols', 'supplies',
  'deadlines', 'checkpoints', 'arrangements', 'zones',
] as const;

const QUOTES = [
  'We will not accept any violation of the agreement',
  'Our patience has limits',
  'The door to dialogue remains open',
  'Civilians are paying the highest price',
  'This is a step in the right direction',
  'We expect our partners to keep their word',
  'No one can impose a solution from outside',
  'The coming days will be decisive',
  'We are ready to do whatever is necessary',
  'The situation on the ground is extremely serious',
  'There is no military solution to this conflict',
  'We have agreed on the main principles',
] as const;

const ATTRIBUTIONS = [
  'officials said',
  'a statement said',
  'witnesses said',
  'according to local sources',
  'state media reported',
  'a spokesperson confirmed',
  'the ministry said',
  'diplomatic sources said',
] as const;

const MONITORS = ['local medics', 'a war monitor', 'rescue workers', 'the health authorities', 'a rights group'];

/** How each type reads: title (present tense), past and infinitive clauses; `b` is the second actor or a stand-in. */
interface Phrasing {
  title(a: string, b: string, p: string): string;
  past(a: string, b: string, p: string): string;
  infinitive(b: string, p: string): string;
  detail(rand: Random, a: string, b: string, p: string): string;
}

const talks = (rand: Random) => `${pick(rand, TOPIC_ADJECTIVES)} ${pick(rand, TOPIC_NOUNS)}`;
const casualties = (rand: Random, p: string) =>
  `At least ${randomInt(rand, 2, 60)} people were killed and ${randomInt(rand, 3, 120)} wounded in ${p}, according to ${pick(rand, MONITORS)}.`;

const PHRASING: Record<EventType, Phrasing> = {
  meeting: {
    title: (a, b, p) => `${a} meets ${b} in ${p}`,
    past: (a, b, p) => `${a} met ${b} in ${p}`,
    infinitive: (b, p) => `meet ${b} in ${p}`,
    detail: (rand) => `The two sides discussed ${talks(rand)} and agreed to meet again.`,
  },
  visit: {
    title: (a, _b, p) => `${a} visits ${p}`,
    past: (a, b, p) => `${a} arrived in ${p} for talks with ${b}`,
    infinitive: (b, p) => `travel to ${p} for talks with ${b}`,
    detail: (rand, _a, b) => `${b} received the delegation and the visit focused on ${talks(rand)}.`,
  },
  call: {
    title: (a, b) => `${a} and ${b} speak by phone`,
    past: (a, b, p) => `${a} spoke by phone with ${b} about ${p}`,
    infinitive: (b, p) => `speak by phone with ${b} about ${p}`,
    detail: (rand) => `The call covered ${talks(rand)}, according to a readout.`,
  },
  summit: {
    title: (a, b, p) => `${a} and ${b} at summit in ${p}`,
    past: (a, b, p) => `${a} and ${b} attended a summit in ${p}`,
    infinitive: (b, p) => `attend a summit with ${b} in ${p}`,
    detail: (rand) => `Leaders adopted a closing declaration on ${talks(rand)}.`,
  },
  statement: {
    title: (a, _b, p) => `${a} speaks out on ${p}`,
    past: (a, b, p) => `${a} said ${b} bore responsibility for the situation in ${p}`,
    infinitive: (_b, p) => `make a statement on ${p}`,
    detail: (rand, a) => `${a} also called for progress on ${talks(rand)}.`,
  },
  agreement: {
    title: (a, b, p) => `${a} and ${b} sign deal in ${p}`,
    past: (a, b, p) => `${a} and ${b} signed an agreement in ${p}`,
    infinitive: (b, p) => `sign an agreement with ${b} in ${p}`,
    detail: (rand) => `The text commits both sides to ${talks(rand)}.`,
  },
  ceasefire: {
    title: (_a, _b, p) => `Ceasefire declared in ${p}`,
    past: (a, b, p) => `${a} and ${b} agreed a ceasefire covering ${p}`,
    infinitive: (b, p) => `agree a ceasefire with ${b} covering ${p}`,
    detail: (rand) => `The truce provides for ${talks(rand)} along the front line.`,
  },
  attack: {
    title: (_a, _b, p) => `Strike hits ${p}`,
    past: (a, b, p) => `${a} struck positions held by ${b} in ${p}`,
    infinitive: (b, p) => `strike positions held by ${b} in ${p}`,
    detail: (rand, _a, _b, p) => casualties(rand, p),
  },
  clash: {
    title: (a, b, p) => `Fighting between ${a} and ${b} in ${p}`,
    past: (a, b, p) => `${a} and ${b} clashed in ${p}`,
    infinitive: (b, p) => `clash with ${b} in ${p}`,
    detail: (rand, _a, _b, p) => casualties(rand, p),
  },
  offensive: {
    title: (a, _b, p) => `${a} launches offensive in ${p}`,
    past: (a, b, p) => `${a} launched an offensive against ${b} in ${p}`,
    infinitive: (b, p) => `launch an offensive against ${b} in ${p}`,
    detail: (rand, _a, _b, p) =>
      `Some ${randomInt(rand, 2, 90)},000 people have fled ${p} since the offensive began, aid agencies said.`,
  },
  deployment: {
    title: (a, _b, p) => `${a} deploys troops to ${p}`,
    past: (a, _b, p) => `${a} deployed troops and armour to ${p}`,
    infinitive: (_b, p) => `deploy troops to ${p}`,
    detail: (rand, _a, _b, p) => `A convoy of ${randomInt(rand, 8, 200)} vehicles was seen moving towards ${p}.`,
  },
  arms_deal: {
    title: (a, b) => `${a} buys weapons from ${b}`,
    past: (a, b) => `${a} agreed to buy air defence systems from ${b}`,
    infinitive: (b) => `buy air defence systems from ${b}`,
    detail: (rand) => `The deal is worth about ${randomInt(rand, 40, 2500)} million dollars, officials said.`,
  },
  sanction: {
    title: (a, b) => `${a} imposes sanctions on ${b}`,
    past: (a, b) => `${a} imposed sanctions on ${b}`,
    infinitive: (b) => `impose sanctions on ${b}`,
    detail: (rand, _a, b) => `The measures target ${talks(rand)} linked to ${b}.`,
  },
  protest: {
    title: (_a, _b, p) => `Protest in ${p}`,
    past: (a, b, p) => `${a} led hundreds of people in a protest against ${b} in ${p}`,
    infinitive: (b, p) => `hold a protest against ${b} in ${p}`,
    detail: (rand, _a, b) => `Demonstrators carried banners denouncing ${b} and ${talks(rand)}.`,
  },
  humanitarian_warning: {
    title: (a, _b, p) => `${a} warns of crisis in ${p}`,
    past: (a, _b, p) => `${a} warned that civilians in ${p} faced a humanitarian catastrophe`,
    infinitive: (_b, p) => `warn of a humanitarian catastrophe in ${p}`,
    detail: (rand, _a, _b, p) =>
      `Some ${randomInt(rand, 2, 90)},000 people in ${p} need shelter, food and ${talks(rand)}.`,
  },
  other: {
    title: (a, _b, p) => `${a} acts in ${p}`,
    past: (a, _b, p) => `${a} took action in ${p}`,
    infinitive: (_b, p) => `take action in ${p}`,
    detail: (rand) => `Officials gave few details about ${talks(rand)}.`,
  },
};

/** Roles by position: the first actor of a meeting hosts, the second visits, any others take part. */
const ACTOR_ROLES_BY_TYPE: Record<EventType, readonly ActorRole[]> = {
  meeting: ['host', 'visitor', 'participant', 'reporter'],
  visit: ['visitor', 'host', 'participant', 'reporter'],
  call: ['caller', 'recipient', 'subject', 'reporter'],
  summit: ['host', 'participant', 'participant', 'participant'],
  statement: ['speaker', 'subject', 'subject', 'reporter'],
  agreement: ['signatory', 'signatory', 'mediator', 'subject'],
  ceasefire: ['signatory', 'signatory', 'mediator', 'reporter'],
  attack: ['attacker', 'target', 'reporter', 'subject'],
  clash: ['participant', 'participant', 'subject', 'reporter'],
  offensive: ['attacker', 'target', 'organiser', 'reporter'],
  deployment: ['participant', 'host', 'organiser', 'subject'],
  arms_deal: ['buyer', 'supplier', 'subject', 'reporter'],
  sanction: ['organiser', 'target', 'subject', 'reporter'],
  protest: ['organiser', 'subject', 'subject', 'reporter'],
  humanitarian_warning: ['speaker', 'subject', 'subject', 'reporter'],
  other: ['participant', 'subject', 'subject', 'reporter'],
};

const PLACE_ROLES_BY_TYPE: Record<EventType, readonly PlaceRole[]> = {
  meeting: ['venue', 'mentioned', 'mentioned', 'mentioned'],
  visit: ['destination', 'origin', 'venue', 'mentioned'],
  call: ['mentioned', 'mentioned', 'mentioned', 'mentioned'],
  summit: ['venue', 'mentioned', 'mentioned', 'mentioned'],
  statement: ['mentioned', 'venue', 'mentioned', 'mentioned'],
  agreement: ['venue', 'area', 'mentioned', 'mentioned'],
  ceasefire: ['area', 'area', 'mentioned', 'mentioned'],
  attack: ['target', 'origin', 'area', 'mentioned'],
  clash: ['area', 'area', 'mentioned', 'mentioned'],
  offensive: ['target', 'origin', 'area', 'mentioned'],
  deployment: ['destination', 'origin', 'area', 'mentioned'],
  arms_deal: ['destination', 'origin', 'mentioned', 'mentioned'],
  sanction: ['target', 'origin', 'mentioned', 'mentioned'],
  protest: ['area', 'mentioned', 'mentioned', 'mentioned'],
  humanitarian_warning: ['area', 'mentioned', 'mentioned', 'mentioned'],
  other: ['area', 'mentioned', 'mentioned', 'mentioned'],
};

/** Overall mix of types, roughly that of the bundled dataset (statements and attacks lead). */
const TYPE_WEIGHTS: readonly (readonly [EventType, number])[] = [
  ['statement', 20],
  ['attack', 12],
  ['meeting', 10],
  ['deployment', 8],
  ['visit', 8],
  ['clash', 6],
  ['agreement', 5],
  ['humanitarian_warning', 5],
  ['offensive', 5],
  ['protest', 5],
  ['call', 4],
  ['arms_deal', 3],
  ['ceasefire', 3],
  ['summit', 3],
  ['sanction', 3],
];

/** What a crisis is about decides which types dominate it. */
const CRISIS_KINDS: readonly { label: string; types: readonly EventType[] }[] = [
  { label: 'fighting', types: ['attack', 'clash', 'offensive', 'deployment', 'humanitarian_warning', 'ceasefire'] },
  { label: 'talks', types: ['meeting', 'visit', 'call', 'summit', 'agreement', 'statement'] },
  { label: 'unrest', types: ['protest', 'statement', 'clash', 'sanction', 'humanitarian_warning'] },
  { label: 'arms row', types: ['arms_deal', 'sanction', 'statement', 'meeting', 'call'] },
];

const PRECISION_WEIGHTS: readonly (readonly [Precision, number])[] = [
  ['day', 50],
  ['days', 16],
  ['week', 7],
  ['month', 12],
  ['months', 5],
  ['season', 2],
  ['year', 5],
  ['years', 3],
];

/* ------------------------------------------------------------------ days */

const FIRST_DAY = toEpochDay('2011-01-01');
const LAST_DAY = toEpochDay('2021-12-31');
const MS_PER_DAY = 86_400_000;

/** One string per day, shared by every event and source on it: a million events make no million day strings. */
const dayStrings = new Map<number, string>();
function day(epochDay: number): string {
  let text = dayStrings.get(epochDay);
  if (text === undefined) dayStrings.set(epochDay, (text = fromEpochDay(epochDay)));
  return text;
}

function yearMonthOf(epochDay: number): [number, number] {
  const date = new Date(epochDay * MS_PER_DAY);
  return [date.getUTCFullYear(), date.getUTCMonth()];
}

/** First day of the month `monthIndex` (0-based, may overflow into other years). */
function monthStart(year: number, monthIndex: number): number {
  return Date.UTC(year, monthIndex, 1) / MS_PER_DAY;
}

function monthEnd(year: number, monthIndex: number): number {
  return Date.UTC(year, monthIndex + 1, 0) / MS_PER_DAY;
}

interface Interval {
  earliest: number;
  latest: number;
  precision: Precision;
}

/** An interval around `center` whose bounds are exactly what its precision claims (a month is a calendar month). */
function intervalAround(rand: Random, center: number, precision: Precision): Interval {
  const [year, month] = yearMonthOf(center);
  switch (precision) {
    case 'day':
      return { earliest: center, latest: center, precision };
    case 'days':
      return { earliest: center, latest: center + randomInt(rand, 1, 13), precision };
    case 'week': {
      const monday = center - ((new Date(center * MS_PER_DAY).getUTCDay() + 6) % 7);
      return { earliest: monday, latest: monday + 6, precision };
    }
    case 'month':
      return { earliest: monthStart(year, month), latest: monthEnd(year, month), precision };
    case 'months':
      return { earliest: monthStart(year, month), latest: monthEnd(year, month + randomInt(rand, 1, 3)), precision };
    case 'season': {
      // Meteorological seasons: winter is December to February.
      const first = month - ((month + 1) % 3);
      return { earliest: monthStart(year, first), latest: monthEnd(year, first + 2), precision };
    }
    case 'year':
      return { earliest: monthStart(year, 0), latest: monthEnd(year, 11), precision };
    case 'years': {
      const lastYear = Math.min(2021, year + randomInt(rand, 1, 4));
      if (lastYear === year) return { earliest: monthStart(year, 0), latest: monthEnd(year, 11), precision: 'year' };
      return { earliest: monthStart(year, 0), latest: monthEnd(lastYear, 11), precision };
    }
  }
}

/** Season names by the month a meteorological season starts in. */
const SEASON_BY_FIRST_MONTH: Readonly<Record<number, string>> = { 2: 'spring', 5: 'summer', 8: 'autumn', 11: 'winter' };

/** Date words as an article writes them: `words` is the temporal expression, `lead` the preposition before it. */
interface DateWords {
  lead: string;
  words: string;
}

/** The words an article uses for an interval ("on 12 March 2015", "in the summer of 2016"), with their lead-in. */
function dateWords(interval: Interval): DateWords {
  const earliest = day(interval.earliest);
  const latest = day(interval.latest);
  switch (interval.precision) {
    case 'day':
      return { lead: 'on ', words: formatDay(earliest) };
    case 'days':
      return { lead: 'between ', words: `${formatDay(earliest)} and ${formatDay(latest)}` };
    case 'week':
      return { lead: 'in ', words: `the week of ${formatDay(earliest)}` };
    case 'month':
      return { lead: 'in ', words: formatMonth(earliest) };
    case 'months':
      return { lead: 'between ', words: `${formatMonth(earliest)} and ${formatMonth(latest)}` };
    case 'season': {
      const [year, month] = yearMonthOf(interval.earliest);
      const season = SEASON_BY_FIRST_MONTH[month] ?? 'winter';
      const years = month === 11 ? `${year}–${String(year + 1).slice(2)}` : String(year);
      return { lead: 'in ', words: `the ${season} of ${years}` };
    }
    case 'year':
      return { lead: 'in ', words: earliest.slice(0, 4) };
    case 'years':
      return { lead: 'from ', words: `${earliest.slice(0, 4)} to ${latest.slice(0, 4)}` };
  }
}

/**
 * The date words with their hedge: an approximate date's hedge is part of the expression ("around 12 March
 * 2015"), an uncertain one is the reporter's ("reportedly on 12 March 2015").
 */
function hedged(date: DateWords, qualifier: Qualifier | null): DateWords {
  if (qualifier === 'uncertain') return { lead: `reportedly ${date.lead}`, words: date.words };
  if (qualifier === 'approximate')
    return date.lead === 'on '
      ? { lead: '', words: `around ${date.words}` }
      : { lead: '', words: `roughly ${date.lead}${date.words}` };
  return date;
}

/** "yesterday", "on Tuesday": how an article refers to a day in the week before its dateline. */
function relativeDayWords(eventDay: number, publishedDay: number): DateWords | null {
  const daysBefore = publishedDay - eventDay;
  if (daysBefore === 0) return { lead: '', words: 'today' };
  if (daysBefore === 1) return { lead: '', words: 'yesterday' };
  if (daysBefore < 2 || daysBefore > 6) return null;
  const weekday = WEEKDAYS[new Date(eventDay * MS_PER_DAY).getUTCDay()]!;
  return { lead: 'on ', words: weekday[0]!.toUpperCase() + weekday.slice(1) };
}

/** display and edtf depend only on the interval: computed once per distinct interval. */
const intervalLabels = new Map<string, { display: string; edtf: string }>();
function labelsOf(earliest: string, latest: string, precision: Precision, qualifier: Qualifier | null) {
  const key = `${earliest}${latest}${precision}${qualifier ?? ''}`;
  let labels = intervalLabels.get(key);
  if (!labels) {
    const interval = { earliest, latest, precision, qualifier };
    intervalLabels.set(key, (labels = { display: describeInterval(interval), edtf: toEdtf(interval) }));
  }
  return labels;
}

/* ------------------------------------------------------------------ names */

const capitalise = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/** How many distinct invented names there are: every two- and three-syllable word. */
const NAME_SPACE = SYLLABLES.length ** 2 + SYLLABLES.length ** 3;

/** A distinct invented name for every index below NAME_SPACE (two syllables for the first 1,024, then three). */
function inventedName(index: number): string {
  const n = SYLLABLES.length;
  const two = n * n;
  if (index < two) return capitalise(SYLLABLES[index % n]! + SYLLABLES[Math.floor(index / n)]!);
  const i = index - two;
  return capitalise(SYLLABLES[i % n]! + SYLLABLES[Math.floor(i / n) % n]! + SYLLABLES[Math.floor(i / two) % n]!);
}

/** A bijection of 0..size-1 that scatters neighbours, so that consecutive ids do not get look-alike names. */
function scatter(index: number, size: number): number {
  let multiplier = 7919;
  while (gcd(multiplier, size) !== 1) multiplier += 2;
  return (index * multiplier + 104_729) % size;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/* ------------------------------------------------------------------ the generator */

interface Crisis {
  centerDay: number;
  spreadDays: number;
  /** Index into the place centres. */
  centre: number;
  types: readonly EventType[];
  /** Actor indices that recur through this crisis. */
  protagonists: number[];
}

/** An event before its article exists: everything but the text spans. */
interface DraftEvent {
  type: EventType;
  interval: Interval;
  qualifier: Qualifier | null;
  modality: Modality;
  actors: NewsEvent['actors'];
  places: NewsEvent['places'];
  /** The names its sentences use: first and second actor (or a stand-in), main place. */
  actorA: string;
  actorB: string;
  place: string;
  title: string;
  circumstance: string;
  /** Spans in the article that reports it (1–5, minus one when a later article recalls it). */
  primarySpans: number;
  recalledLater: boolean;
  /** Whether the article states the date in words (else the date is inferred, with no expression). */
  datedInWords: boolean;
  evidence: Evidence[];
  expression: Evidence | null;
  resolution: 'explicit' | 'relative' | 'inferred';
  anchor: string;
}

/** The bundled dataset's actors, most frequent first: they head the Zipf ranking, so "Erdoğan" stays common. */
function actorsByFrequency(base: Dataset): Actor[] {
  const uses = new Map<string, number>();
  for (const event of base.events)
    for (const link of event.actors) uses.set(link.actorId, (uses.get(link.actorId) ?? 0) + 1);
  return [...base.actors].sort((a, b) => (uses.get(b.id) ?? 0) - (uses.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1));
}

function precisionOfPlace(place: Place, rand: Random): PlacePrecision {
  switch (place.kind) {
    case 'country':
      return 'country';
    case 'admin1':
      return 'admin1';
    case 'region':
    case 'water':
      return 'region';
    case 'city':
    case 'site':
      return rand() < 0.8 ? 'exact' : 'near';
  }
}

export function syntheticDataset(base: Dataset, eventCount: number): Dataset {
  const rand = random(eventCount ^ 0x5eed);
  const tailSize = Math.max(1, Math.min(10_000, Math.floor(eventCount / 5)));

  /* --- places: towns and sites clustered around the real cities and regions --- */
  const countryByCode = new Map(base.places.filter((p) => p.kind === 'country').map((p) => [p.countryCode, p]));
  const basePlaceIndex = new Map(base.places.map((p, i) => [p, i]));
  const baseIndex = (p: Place | undefined) => (p ? (basePlaceIndex.get(p) ?? -1) : -1);
  const centres = base.places.filter((p) => ['city', 'site', 'admin1', 'region'].includes(p.kind));
  const centreWeights = centres.map((p) => (p.kind === 'city' ? 3 : p.kind === 'admin1' ? 2 : 1.5));
  const centrePicker = new WeightedPicker(centreWeights);
  const places: Place[] = [...base.places];
  /** Synthetic places around each centre, in creation order (their Zipf rank within the cluster). */
  const placesNearCentre: number[][] = centres.map(() => []);
  for (let i = 0; i < tailSize; i++) {
    const c = centrePicker.pick(rand);
    const centre = centres[c]!;
    // A region's or province's own places sit inside it; a city's belong to its country.
    const parentId =
      centre.kind === 'city' || centre.kind === 'site'
        ? // A city recorded without a parent (a freshly drafted place, say) still lies in its country.
          (centre.parentId ?? countryByCode.get(centre.countryCode)?.id ?? null)
        : centre.id;
    const spread = centre.kind === 'city' || centre.kind === 'site' ? 0.35 : 0.7;
    const name = inventedName(scatter(i, NAME_SPACE));
    // Some places are also known by their name without diacritics, as gazetteers often list them.
    const plainName = name.normalize('NFKD').replace(/\p{M}/gu, '');
    placesNearCentre[c]!.push(places.length);
    places.push({
      id: `synthetic-place-${i}`,
      name,
      aliases: plainName !== name && rand() < 0.5 ? [plainName] : [],
      kind: rand() < 0.7 ? 'city' : 'site',
      countryCode: centre.countryCode,
      lat: Math.max(-85, Math.min(85, round4(centre.lat + gaussian(rand) * spread))),
      lon: Math.max(-180, Math.min(180, round4(centre.lon + gaussian(rand) * spread))),
      parentId,
      geonamesId: null,
      wikidataId: null,
    });
  }

  /* --- actors: the real ones first, then a long tail of people and organisations --- */
  const actors: Actor[] = actorsByFrequency(base);
  const countryCodes = [...countryByCode.keys()].filter((c): c is string => c !== null);
  for (let i = 0; i < tailSize; i++) {
    const kind = weighted<Exclude<Actor['kind'], 'state'>>(rand, [
      ['person', 60],
      ['government-body', 9],
      ['armed-group', 9],
      ['armed-forces', 4],
      ['ngo', 7],
      ['igo', 2],
      ['group', 9],
    ]);
    const id = scatter(i, tailSize);
    let name: string;
    let aliases: string[];
    let office: string | null = null;
    if (kind === 'person') {
      // Distinct for every id: the given name is id mod 40, the surname root the rest (endings past 40,960).
      const given = GIVEN_NAMES[id % GIVEN_NAMES.length]!;
      const rest = Math.floor(id / GIVEN_NAMES.length);
      const surname =
        inventedName(scatter(rest % 1024, 1024)) + SURNAME_ENDINGS[Math.floor(rest / 1024) % SURNAME_ENDINGS.length]!;
      name = `${given} ${surname}`;
      aliases = [name, surname];
      if (rand() < 0.3) office = pick(rand, OFFICES);
    } else {
      const word = pick(rand, ORGANISATION_NAMES[kind]);
      const town = inventedName(scatter(id + 1024, NAME_SPACE));
      name = kind === 'igo' ? `${word} on ${town}` : `${town} ${word}`;
      aliases = [name];
    }
    actors.push({
      id: `synthetic-actor-${i}`,
      name,
      aliases,
      kind,
      countryCode: rand() < 0.9 ? countryCodes[zipf(countryCodes.length).pick(rand)]! : null,
      office,
    });
  }
  const actorZipf = zipf(actors.length);

  /* --- crises: bursts in time and space --- */
  const crises: Crisis[] = [];
  // A few dozen crises; fewer in small datasets, where each would otherwise get an article of its own.
  const crisisCount = Math.max(1, Math.min(MAX_CRISES, Math.round(eventCount / EVENTS_PER_CRISIS_AT_LEAST)));
  for (let i = 0; i < crisisCount; i++) {
    const kind = pick(rand, CRISIS_KINDS);
    const protagonists = Array.from({ length: randomInt(rand, 2, 5) }, () => actorZipf.pick(rand));
    crises.push({
      centerDay: randomInt(rand, FIRST_DAY + 30, LAST_DAY - 30),
      spreadDays: Math.exp(Math.log(5) + rand() * (Math.log(120) - Math.log(5))),
      centre: centrePicker.pick(rand),
      types: kind.types,
      protagonists,
    });
  }
  // Crisis sizes are skewed too: a couple of wars dominate, most crises are short.
  const crisisPicker = new WeightedPicker(crises.map(() => Math.exp(gaussian(rand) * 0.9)));

  /* --- events, grouped by story (one group per crisis, plus the background) --- */
  const groups: number[][] = Array.from({ length: crisisCount + 1 }, () => []);
  const drafts: DraftEvent[] = [];
  const titles = new Set<string>();
  for (let i = 0; i < eventCount; i++) {
    const inCrisis = rand() < CRISIS_SHARE;
    const crisisIndex = inCrisis ? crisisPicker.pick(rand) : -1;
    const crisis = inCrisis ? crises[crisisIndex]! : null;
    const centreIndex = crisis ? crisis.centre : centrePicker.pick(rand);
    const centerDay = crisis
      ? Math.round(crisis.centerDay + gaussian(rand) * crisis.spreadDays)
      : randomInt(rand, FIRST_DAY, LAST_DAY);
    const type = crisis && rand() < 0.8 ? pick(rand, crisis.types) : weighted(rand, TYPE_WEIGHTS);
    const interval = intervalAround(
      rand,
      Math.max(FIRST_DAY, Math.min(LAST_DAY, centerDay)),
      weighted(rand, PRECISION_WEIGHTS),
    );
    const spans = interval.precision !== 'day' && interval.precision !== 'week';
    const modality = weighted<Modality>(rand, [
      ['occurred', 84],
      ['ongoing', spans ? 14 : 0],
      ['planned', 5],
      ['hypothetical', 2],
    ]);
    const qualifier = weighted<Qualifier | null>(rand, [
      [null, 85],
      ['approximate', 10],
      ['uncertain', 5],
    ]);

    const actorCount = weighted(rand, [
      [1, 30],
      [2, 40],
      [3, 20],
      [4, 10],
    ] as const);
    const eventActors: number[] = [];
    for (let tries = 0; eventActors.length < actorCount && tries < 12; tries++) {
      const actor = crisis && rand() < 0.6 ? pick(rand, crisis.protagonists) : actorZipf.pick(rand);
      if (!eventActors.includes(actor)) eventActors.push(actor);
    }

    const placeCount = weighted(rand, [
      [1, 50],
      [2, 30],
      [3, 13],
      [4, 7],
    ] as const);
    const centre = centres[centreIndex]!;
    const nearby = placesNearCentre[centreIndex]!;
    const country = centre.countryCode ? countryByCode.get(centre.countryCode) : undefined;
    const eventPlaces: number[] = [];
    for (let tries = 0; eventPlaces.length < placeCount && tries < 12; tries++) {
      const draw = rand();
      let place: number;
      if (eventPlaces.length === 0) {
        // The main place: mostly a town of the cluster, sometimes the real centre itself.
        place = draw < 0.75 && nearby.length > 0 ? nearby[zipf(nearby.length).pick(rand)]! : baseIndex(centre);
      } else if (draw < 0.4) place = baseIndex(country);
      else if (draw < 0.7 && nearby.length > 0) place = nearby[zipf(nearby.length).pick(rand)]!;
      else place = base.places.length + zipf(tailSize).pick(rand);
      if (place >= 0 && !eventPlaces.includes(place)) eventPlaces.push(place);
    }

    const a = actors[eventActors[0]!]!.name;
    const b = eventActors[1] === undefined ? STAND_IN_ACTOR : actors[eventActors[1]]!.name;
    const p = places[eventPlaces[0]!]!.name;
    const core = PHRASING[type].title(a, b, p);
    // Titles must be distinct without a visible counter: try a few circumstances, then name a topic as well.
    let circumstance = '';
    let title = '';
    for (let tries = 0; tries < 4 && (title === '' || titles.has(title)); tries++) {
      circumstance = `${pick(rand, CONNECTORS)} ${pick(rand, SITUATIONS)}`;
      title = `${core} ${circumstance}`;
    }
    for (let k = 0; titles.has(title); k++) title = `${core} ${circumstance}, ${uniqueTopic(i + k * eventCount)}`;
    titles.add(title);

    const evidenceCount = weighted(rand, [
      [1, 35],
      [2, 30],
      [3, 18],
      [4, 10],
      [5, 7],
    ] as const);
    const recalledLater = rand() < 0.25;
    drafts.push({
      type,
      interval,
      qualifier,
      modality,
      actors: eventActors.map((actor, k) => ({ actorId: actors[actor]!.id, role: ACTOR_ROLES_BY_TYPE[type][k]! })),
      places: eventPlaces.map((place, k) => ({
        placeId: places[place]!.id,
        role: PLACE_ROLES_BY_TYPE[type][k]!,
        precision: precisionOfPlace(places[place]!, rand),
      })),
      actorA: a,
      actorB: b,
      place: p,
      title,
      circumstance,
      primarySpans: recalledLater ? Math.max(1, evidenceCount - 1) : evidenceCount,
      recalledLater,
      datedInWords: rand() < 0.85,
      evidence: [],
      expression: null,
      resolution: 'inferred',
      anchor: '',
    });
    groups[crisis ? crisisIndex : crisisCount]!.push(i);
  }

  /* --- articles: each story's events in date order, about twenty to an article --- */
  const sources: Source[] = [];
  for (const group of groups) {
    group.sort((x, y) => drafts[x]!.interval.earliest - drafts[y]!.interval.earliest || x - y);
    let previousChunk: number[] = [];
    let previousPublisher = '';
    for (let start = 0; start < group.length;) {
      const size = randomInt(rand, 12, 28);
      const chunk = group.slice(start, start + size);
      start += size;
      const source = writeArticle(rand, sources.length, chunk, previousChunk, previousPublisher, drafts);
      sources.push(source);
      previousChunk = chunk;
      previousPublisher = source.publisher;
    }
  }

  /* --- the dataset's order: earliest, latest, then id (ids are numbered in that order) --- */
  const order = dateOrder(drafts);
  const idWidth = String(Math.max(0, eventCount - 1)).length;
  const events: NewsEvent[] = new Array<NewsEvent>(eventCount);
  for (let rank = 0; rank < eventCount; rank++) {
    const d = drafts[order[rank]!]!;
    const earliest = day(d.interval.earliest);
    const latest = day(d.interval.latest);
    const labels = labelsOf(earliest, latest, d.interval.precision, d.qualifier);
    events[rank] = {
      // Zero-padded, so that string order (the dataset's tie-break) is date order.
      id: `synthetic-${String(rank).padStart(idWidth, '0')}`,
      type: d.type,
      classification: null,
      cameo: EVENT_TYPES[d.type].cameo,
      title: d.title,
      summary: `${reportClause(d)} ${d.circumstance} (${labels.display}).`,
      modality: d.modality,
      date: {
        earliest,
        latest,
        precision: d.interval.precision,
        qualifier: d.qualifier,
        display: labels.display,
        resolution: d.resolution,
        expression: d.expression,
        anchor: d.anchor,
        note: d.resolution === 'inferred' ? INFERRED_NOTE : null,
        edtf: labels.edtf,
      },
      actors: d.actors,
      places: d.places,
      evidence: d.evidence,
      record: null,
      fatalities: null,
      attributes: {},
      sourceIds: [...new Set(d.evidence.map((span) => span.sourceId))],
      disagreements: [],
      notes: null,
    };
  }
  return {
    schemaVersion: base.schemaVersion,
    title: `${base.title} (synthetic, ${eventCount.toLocaleString('en')} events)`,
    description: `Synthetic benchmark data: ${eventCount} events in ${sources.length} invented articles, around the places and actors of the bundled dataset.`,
    sources,
    actors,
    places,
    events,
  };
}

const MAX_CRISES = 36;
const EVENTS_PER_CRISIS_AT_LEAST = 50;
/** Who the second actor of a sentence is when the event names only one. */
const STAND_IN_ACTOR = 'local officials';
/** Share of events that belong to a crisis; the rest is background spread evenly over 2011–2021. */
const CRISIS_SHARE = 0.7;
const INFERRED_NOTE = 'Synthetic: the article gives no date words for this event; the interval is inferred.';

/**
 * Event indices in the dataset's order (earliest, latest, then creation index, which the ids follow). Sorting one
 * Float64Array of packed keys natively is an order of magnitude faster at 1M events than a comparator over objects.
 */
function dateOrder(drafts: readonly DraftEvent[]): Uint32Array {
  const indexBits = Math.max(1, Math.ceil(Math.log2(drafts.length + 1)));
  const spanBits = 14; // 'years' spans at most five years: under 2^14 days
  const dayOffset = FIRST_DAY - 400; // seasons and weeks may start a little before 2011
  // Days since the offset fit in 13 bits (2010–2026): the packed key stays an exact integer below 2^53.
  if (13 + spanBits + indexBits > 53) throw new RangeError(`too many events to order: ${drafts.length}`);
  const keys = new Float64Array(drafts.length);
  drafts.forEach((d, i) => {
    const span = d.interval.latest - d.interval.earliest;
    keys[i] = ((d.interval.earliest - dayOffset) * 2 ** spanBits + span) * 2 ** indexBits + i;
  });
  keys.sort();
  const indexSpace = 2 ** indexBits;
  return Uint32Array.from(keys, (key) => key % indexSpace);
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** A distinct topic for every index, used only when the natural title is already taken. */
function uniqueTopic(index: number): string {
  const adjectives = TOPIC_ADJECTIVES.length;
  const nouns = TOPIC_NOUNS.length;
  const words = `${TOPIC_ADJECTIVES[index % adjectives]!} ${TOPIC_NOUNS[Math.floor(index / adjectives) % nouns]!}`;
  const round = Math.floor(index / (adjectives * nouns));
  // Past the adjective × noun table, an invented place name keeps it distinct ("energy access in Kafar").
  return round === 0 ? `talks on ${words}` : `talks on ${words} in ${inventedName(round - 1)}`;
}

/** The clause that reports the event, in the tense its modality calls for. */
function reportClause(d: DraftEvent): string {
  const phrasing = PHRASING[d.type];
  const { actorA: a, actorB: b, place: p } = d;
  if (d.modality === 'planned') return `${a} is expected to ${phrasing.infinitive(b, p)}`;
  if (d.modality === 'hypothetical') return `${a} could ${phrasing.infinitive(b, p)}`;
  return phrasing.past(a, b, p);
}

/**
 * One article: a headline, a dateline, a paragraph per event (the report sentence carries the date words; the
 * others are details, quotes and reactions) and a closing paragraph recalling some events of the previous article
 * on the same story. Records every span while the text is assembled, then slices the quotes out of the finished
 * text, so offsets are right by construction.
 */
function writeArticle(
  rand: Random,
  sourceNumber: number,
  chunk: readonly number[],
  previousChunk: readonly number[],
  previousPublisher: string,
  drafts: readonly DraftEvent[],
): Source {
  const id = `synthetic-source-${sourceNumber}`;
  const publisher = pick(rand, PUBLISHERS);
  let publishedDay = 0;
  for (const index of chunk) publishedDay = Math.max(publishedDay, drafts[index]!.interval.earliest);
  publishedDay += randomInt(rand, 0, 2);
  const publishedAt = day(publishedDay);

  const parts: string[] = [];
  let length = 0;
  const write = (text: string) => {
    parts.push(text);
    length += text.length;
  };
  const pending: { draft: DraftEvent; start: number; end: number; isExpression: boolean }[] = [];
  const writeSpan = (draft: DraftEvent, text: string) => {
    pending.push({ draft, start: length, end: length + text.length, isExpression: false });
    write(text);
  };

  const lead = drafts[chunk[0]!]!;
  const title = `${lead.title}: ${publisher} report`;
  write(`${title}\n\n`);
  write(`${lead.place.toUpperCase()}, ${formatDay(publishedAt)} (${publisher}) — `);

  for (const index of chunk) {
    const d = drafts[index]!;
    d.anchor = publishedAt;
    const clause = reportClause(d);
    const relative =
      d.datedInWords && d.interval.precision === 'day' && d.qualifier === null && d.modality !== 'planned'
        ? relativeDayWords(d.interval.earliest, publishedDay)
        : null;
    const date = d.datedInWords ? (relative ?? dateWords(d.interval)) : null;
    const sentenceStart = length;
    let sentence = clause;
    if (date) {
      const said = hedged(date, d.qualifier);
      const wordsStart = sentenceStart + sentence.length + 1 + said.lead.length;
      pending.push({ draft: d, start: wordsStart, end: wordsStart + said.words.length, isExpression: true });
      sentence += ` ${said.lead}${said.words}`;
      d.resolution = relative ? 'relative' : 'explicit';
    }
    sentence += `, ${pick(rand, ATTRIBUTIONS)}.`;
    writeSpan(d, sentence);
    const { actorA: a, actorB: b, place: p } = d;
    for (let k = 1; k < d.primarySpans; k++) {
      write(' ');
      const kind = k % 3;
      if (kind === 1) writeSpan(d, PHRASING[d.type].detail(rand, a, b, p));
      else if (kind === 2) writeSpan(d, `“${pick(rand, QUOTES)} in ${p},” said ${a}.`);
      else
        writeSpan(
          d,
          `${capitalise(b)} called the move ${pick(rand, ['a provocation', 'welcome', 'premature', 'overdue'])}.`,
        );
    }
    write(rand() < 0.3 ? `\n\n` : ' ');
  }

  const recalled = previousChunk.filter((index) => drafts[index]!.recalledLater);
  if (recalled.length > 0) {
    write('\n\nEarlier reports. ');
    for (const index of recalled) {
      const d = drafts[index]!;
      const date = dateWords(d.interval);
      writeSpan(d, `${capitalise(reportClause(d))} ${date.lead}${date.words}, ${previousPublisher} reported.`);
      write(' ');
    }
  }
  write(`\n\nThis report will be updated as ${publisher} learns more about ${lead.place}.\n`);

  const text = parts.join('');
  for (const span of pending) {
    // A slice of the article: V8 keeps it as a view of the text, so a million quotes cost little memory.
    const evidence: Evidence = {
      sourceId: id,
      quote: text.slice(span.start, span.end),
      start: span.start,
      end: span.end,
    };
    if (span.isExpression) span.draft.expression = evidence;
    else span.draft.evidence.push(evidence);
  }
  return {
    id,
    kind: 'article',
    title,
    titleBasis: 'written',
    publisher,
    publisherNote: 'An invented outlet: this article is synthetic benchmark data.',
    url: rand() < 0.8 ? `https://news.example/${sourceNumber}` : null,
    language: 'en',
    publishedAt,
    publishedAtBasis: 'dateline',
    publishedAtNote: 'The dateline gives the day.',
    file: `${id}.txt`,
    text,
  };
}
