/**
 * Resolving the temporal expressions of news text ("last Thursday", "later this month", "18 months ago",
 * "since late April") into honest intervals: inclusive ISO-day bounds plus the precision the words support.
 *
 * Why hand-written rules rather than a general date parser: parsers such as chrono-node return one instant and
 * drop exactly what this product must keep ("later", "late", "since", "mid-", the width of "last week"). The
 * grammar of dated news prose is small; every rule here is table-tested in temporal.test.ts.
 */
import {
  MONTHS,
  WEEKDAYS,
  addDays,
  daysInMonth,
  endOfMonth,
  isIsoDay,
  isoDay,
  monthOf,
  startOfIsoWeek,
  weekdayOf,
  yearOf,
  type Weekday,
} from './iso-day.ts';

/** How finely an interval's bounds are known, finest first. */
export const PRECISIONS = ['day', 'days', 'week', 'month', 'months', 'season', 'year', 'years'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const QUALIFIERS = ['approximate', 'uncertain'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** True when `a` claims no more precision than `b` (a is as coarse as b, or coarser). */
export function isNoFinerThan(a: Precision, b: Precision): boolean {
  return PRECISIONS.indexOf(a) >= PRECISIONS.indexOf(b);
}

/** One reading of an expression: inclusive ISO-day bounds and the precision its words support. */
export interface Reading {
  earliest: string;
  latest: string;
  precision: Precision;
  qualifier: Qualifier | null;
}

export type Resolution =
  { ok: true; readings: Reading[] } | { ok: false; reason: 'unsupported' | 'contradiction'; message: string };

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  a: 1,
  an: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
  twenty: 20,
};

const MONTH_PATTERN = MONTHS.join('|');
const WEEKDAY_PATTERN = WEEKDAYS.join('|');

function reading(earliest: string, latest: string, precision: Precision, qualifier: Qualifier | null = null): Reading {
  return { earliest, latest, precision, qualifier };
}

function dayReading(day: string): Reading {
  return reading(day, day, 'day');
}

function monthReading(year: number, month: number, qualifier: Qualifier | null = null): Reading {
  return reading(isoDay(year, month, 1), isoDay(year, month, daysInMonth(year, month)), 'month', qualifier);
}

function yearReading(year: number): Reading {
  return reading(isoDay(year, 1, 1), isoDay(year, 12, 31), 'year');
}

/** The nearest `weekday` strictly before (direction -1) or strictly after (+1) `anchor`. */
function nearestWeekday(anchor: string, weekday: Weekday, direction: -1 | 1): string {
  let day = addDays(anchor, direction);
  while (weekdayOf(day) !== weekday) day = addDays(day, direction);
  return day;
}

function parseCount(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS[word] ?? null;
}

function shiftMonth(year: number, month: number, by: number): [number, number] {
  const index = year * 12 + (month - 1) + by;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** Early (1–10), mid (11–20) or late (21–end) part of a month: approximate, never a single day. */
function partOfMonth(part: string, year: number, month: number): Reading {
  const last = daysInMonth(year, month);
  const [from, to] = part === 'early' ? [1, 10] : part === 'mid' || part === 'mid-' ? [11, 20] : [21, last];
  return reading(isoDay(year, month, from), isoDay(year, month, to), 'days', 'approximate');
}

/**
 * Resolves one simple phrase (no commas) against the anchor day. Returns the readings it allows: a bare weekday
 * ("on Monday") can mean the last or the next one, so it yields both and the caller must pick.
 */
function resolvePhrase(raw: string, anchor: string): Reading[] | null {
  const phrase = raw
    .toLowerCase()
    .replace(/[.]$/, '')
    .replace(/^(on|in|during|of|at)\s+/, '')
    .replace(/^the\s+/, '')
    .trim();
  const anchorYear = yearOf(anchor);
  const anchorMonth = monthOf(anchor);
  let m: RegExpExecArray | null;

  if (phrase === 'today' || phrase === 'tonight' || phrase === 'this morning' || phrase === 'this evening')
    return [dayReading(anchor)];
  if (phrase === 'tomorrow') return [dayReading(addDays(anchor, 1))];
  if (phrase === 'yesterday') return [dayReading(addDays(anchor, -1))];

  if ((m = new RegExp(`^(${WEEKDAY_PATTERN})$`).exec(phrase))) {
    const weekday = m[1] as Weekday;
    const readings = [dayReading(nearestWeekday(anchor, weekday, -1)), dayReading(nearestWeekday(anchor, weekday, 1))];
    if (weekdayOf(anchor) === weekday) readings.unshift(dayReading(anchor));
    return readings;
  }
  if ((m = new RegExp(`^(last|past|previous) (${WEEKDAY_PATTERN})$`).exec(phrase)))
    return [dayReading(nearestWeekday(anchor, m[2] as Weekday, -1))];
  if ((m = new RegExp(`^(next|coming|this coming) (${WEEKDAY_PATTERN})$`).exec(phrase)))
    return [dayReading(nearestWeekday(anchor, m[2] as Weekday, 1))];

  const weekStart = startOfIsoWeek(anchor);
  if (phrase === 'this week') return [reading(weekStart, addDays(weekStart, 6), 'week')];
  if (phrase === 'last week' || phrase === 'past week' || phrase === 'previous week')
    return [reading(addDays(weekStart, -7), addDays(weekStart, -1), 'week')];
  if (phrase === 'next week' || phrase === 'coming week')
    return [reading(addDays(weekStart, 7), addDays(weekStart, 13), 'week')];

  if ((m = /^(?:past|last) few days$/.exec(phrase)))
    return [reading(addDays(anchor, -7), anchor, 'days', 'approximate')];
  if (phrase === 'recently') return [reading(addDays(anchor, -60), anchor, 'months', 'approximate')];

  if (phrase === 'this month') return [monthReading(anchorYear, anchorMonth)];
  if (phrase === 'last month') return [monthReading(...shiftMonth(anchorYear, anchorMonth, -1))];
  if (phrase === 'next month') return [monthReading(...shiftMonth(anchorYear, anchorMonth, 1))];
  if (phrase === 'later this month' || phrase === 'later in the month')
    return [reading(anchor, endOfMonth(anchor), 'days')];
  if (phrase === 'earlier this month') return [reading(isoDay(anchorYear, anchorMonth, 1), anchor, 'days')];
  if (/^(towards?|by|at) the end of (the|this) month$|^end of (the|this) month$|^late this month$/.test(phrase)) {
    const lateStart = isoDay(anchorYear, anchorMonth, 21);
    return [reading(anchor > lateStart ? anchor : lateStart, endOfMonth(anchor), 'days', 'approximate')];
  }

  if (phrase === 'this year') return [yearReading(anchorYear)];
  if (phrase === 'last year' || phrase === 'past year') return [yearReading(anchorYear - 1)];
  if (phrase === 'next year') return [yearReading(anchorYear + 1)];
  if (phrase === 'earlier this year') return [reading(isoDay(anchorYear, 1, 1), anchor, 'months')];
  if (phrase === 'later this year') return [reading(anchor, isoDay(anchorYear, 12, 31), 'months')];

  if ((m = /^(\w+) (day|week|month|year)s? ago$/.exec(phrase))) {
    const count = parseCount(m[1]!);
    if (count === null) return null;
    const unit = m[2];
    if (unit === 'day') return [dayReading(addDays(anchor, -count))];
    if (unit === 'week') {
      const start = startOfIsoWeek(addDays(anchor, -7 * count));
      return [reading(start, addDays(start, 6), 'week', 'approximate')];
    }
    if (unit === 'month') return [monthReading(...shiftMonth(anchorYear, anchorMonth, -count), 'approximate')];
    return [yearReading(anchorYear - count)];
  }

  // Absolute dates. A year left out is the anchor's year: news prose names the current year's dates that way.
  if (
    (m = new RegExp(`^(\\d{1,2}) (${MONTH_PATTERN})(?:,? (\\d{4}))?$`).exec(phrase)) ||
    (m = new RegExp(`^(${MONTH_PATTERN}) (\\d{1,2})(?:,? (\\d{4}))?$`).exec(phrase))
  ) {
    const [dayPart, monthPart] = /^\d/.test(m[1]!) ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    const month = MONTHS.indexOf(monthPart as (typeof MONTHS)[number]) + 1;
    if (m[3]) {
      const day = isoDay(Number(m[3]), month, Number(dayPart));
      return isIsoDay(day) ? [dayReading(day)] : null;
    }
    // No year: the anchor's year, or the neighbouring year on the side the date falls ("29 December" written on
    // 5 January is most likely last year's). The caller picks with the stated bounds, as for a bare weekday.
    const thisYear = isoDay(anchorYear, month, Number(dayPart));
    if (!isIsoDay(thisYear)) return null;
    const otherYear = isoDay(thisYear > anchor ? anchorYear - 1 : anchorYear + 1, month, Number(dayPart));
    return isIsoDay(otherYear) ? [dayReading(thisYear), dayReading(otherYear)] : [dayReading(thisYear)];
  }
  if ((m = new RegExp(`^(early|mid|mid-|late) ?(${MONTH_PATTERN})(?: (\\d{4}))?$`).exec(phrase))) {
    const month = MONTHS.indexOf(m[2] as (typeof MONTHS)[number]) + 1;
    const year = m[3] ? Number(m[3]) : month > anchorMonth ? anchorYear - 1 : anchorYear;
    return [partOfMonth(m[1]!, year, month)];
  }
  if ((m = new RegExp(`^(?:(?:the )?beginning of |start of )(${MONTH_PATTERN})(?: (\\d{4}))?$`).exec(phrase))) {
    const month = MONTHS.indexOf(m[1] as (typeof MONTHS)[number]) + 1;
    const year = m[2] ? Number(m[2]) : anchorYear;
    return [reading(isoDay(year, month, 1), isoDay(year, month, 7), 'days', 'approximate')];
  }
  if ((m = new RegExp(`^(${MONTH_PATTERN})(?: (\\d{4}))?$`).exec(phrase))) {
    const month = MONTHS.indexOf(m[1] as (typeof MONTHS)[number]) + 1;
    // A bare month name in past-tense news is the most recent such month (this year's, or last year's if later).
    const year = m[2] ? Number(m[2]) : month > anchorMonth ? anchorYear - 1 : anchorYear;
    return [monthReading(year, month)];
  }
  if ((m = /^(\d{4})$/.exec(phrase))) return [yearReading(Number(m[1]))];
  if (isIsoDay(phrase)) return [dayReading(phrase)];
  return null;
}

function sameInterval(a: Reading, b: Reading): boolean {
  return a.earliest === b.earliest && a.latest === b.latest;
}

/**
 * Resolves a temporal expression against `anchor` (the publication day of the article it comes from).
 *
 * - Comma-separated parts must agree ("tomorrow, Wednesday" fails when tomorrow is not a Wednesday).
 * - "since X" is an open interval from X's start to the anchor (the last day the source saw it ongoing); its
 *   precision is X's, widened to a span (day → days).
 * - A bare weekday yields several readings (last, next); callers choose with the stated bounds.
 */
export function resolveTemporalExpression(expression: string, anchor: string): Resolution {
  if (!isIsoDay(anchor)) return { ok: false, reason: 'unsupported', message: `anchor "${anchor}" is not an ISO day` };
  const normalized = expression.trim().replace(/\s+/g, ' ').replace(/[’']/g, "'");
  const since = /^(since|from) (.+)$/i.exec(normalized);
  if (since) {
    const start = resolveTemporalExpression(since[2]!, anchor);
    if (!start.ok) return start;
    const readings = start.readings
      .filter((r) => r.earliest <= anchor)
      .map((r) => reading(r.earliest, anchor, widen(r.precision), r.qualifier));
    return readings.length > 0
      ? { ok: true, readings }
      : { ok: false, reason: 'contradiction', message: `"${expression}" starts after the anchor ${anchor}` };
  }

  const parts = normalized.split(/\s*,\s*/).filter(Boolean);
  let readings: Reading[] | null = null;
  for (const part of parts) {
    const partReadings = resolvePhrase(part, anchor);
    if (!partReadings) return { ok: false, reason: 'unsupported', message: `no rule resolves "${part}"` };
    if (readings === null) {
      readings = partReadings;
      continue;
    }
    // Each part narrows the other: "tomorrow, Wednesday" keeps only readings both parts allow.
    const agreed: Reading[] = readings.filter((r) => partReadings.some((p) => sameInterval(r, p)));
    if (agreed.length === 0) {
      return {
        ok: false,
        reason: 'contradiction',
        message: `the parts of "${expression}" disagree against ${anchor} (${weekdayOf(anchor)})`,
      };
    }
    readings = agreed;
  }
  if (!readings) return { ok: false, reason: 'unsupported', message: 'empty expression' };
  return { ok: true, readings };
}

function widen(precision: Precision): Precision {
  if (precision === 'day') return 'days';
  if (precision === 'month') return 'months';
  if (precision === 'year') return 'years';
  return precision;
}

/**
 * An EDTF (ISO 8601-2) rendering of an interval, for interchange: "2021-09-29", "2021-09", "2019",
 * or "2021-09-18/2021-09-30"; "~" marks an approximate bound.
 */
export function toEdtf(r: Pick<Reading, 'earliest' | 'latest' | 'precision' | 'qualifier'>): string {
  const mark = r.qualifier === 'approximate' ? '~' : r.qualifier === 'uncertain' ? '?' : '';
  if (r.earliest === r.latest) return r.earliest + mark;
  const sameMonth = r.earliest.slice(0, 7) === r.latest.slice(0, 7);
  if (r.precision === 'month' && sameMonth && r.earliest.endsWith('-01') && r.latest === endOfMonth(r.earliest))
    return r.earliest.slice(0, 7) + mark;
  if (
    r.precision === 'year' &&
    r.earliest.endsWith('-01-01') &&
    r.latest.endsWith('-12-31') &&
    r.earliest.slice(0, 4) === r.latest.slice(0, 4)
  )
    return r.earliest.slice(0, 4) + mark;
  return `${r.earliest}${mark}/${r.latest}${mark}`;
}
