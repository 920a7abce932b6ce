/**
 * Resolving the temporal expressions of news text ("last Thursday", "later this month", "18 months ago",
 * "since late April") into honest intervals: inclusive ISO-day bounds plus the precision the words support.
 *
 * Why hand-written rules rather than a general date parser: parsers such as chrono-node return one instant and
 * drop exactly what this product must keep ("later", "late", "since", "mid-", the width of "last week"). The
 * grammar of dated news prose is small; every rule here is table-tested in temporal.test.ts, including the styles of
 * agency copy: "March 5, 2020", "Thursday, March 5", "Feb. 27", "27–28 February", "Feb. 27-28", "in mid-2019".
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

/** Early, mid- or late part of a year (thirds: Jan–Apr, May–Aug, Sep–Dec): approximate, a span of months. */
function partOfYear(part: string, year: number): Reading {
  const [from, to] = part === 'early' ? [1, 4] : part === 'late' ? [9, 12] : [5, 8];
  return reading(isoDay(year, from, 1), isoDay(year, to, daysInMonth(year, to)), 'months', 'approximate');
}

/**
 * Month abbreviations as agency style writes them (AP: "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.";
 * also the unpointed "Mar", "Apr", "Jun", "Jul", "Sep"), spelled out so that one set of rules reads them all.
 */
const MONTH_ABBREVIATIONS: Record<string, (typeof MONTHS)[number]> = {
  jan: 'january',
  feb: 'february',
  mar: 'march',
  apr: 'april',
  jun: 'june',
  jul: 'july',
  aug: 'august',
  sep: 'september',
  sept: 'september',
  oct: 'october',
  nov: 'november',
  dec: 'december',
};

function spellOutMonths(phrase: string): string {
  return phrase.replace(/\b(jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?/g, (_, abbr: string) => {
    return MONTH_ABBREVIATIONS[abbr]!;
  });
}

/**
 * Splits a range ("27–28 february", "february 27-28", "27 february to 2 march", "between 3 and 5 may") into its
 * two ends, each completed from the other (a bare day takes the month of the other end, an end without a year the
 * year of the other). A hyphen counts only between digits, so "mid-march" and ISO days are not ranges.
 */
function splitRange(phrase: string): [string, string] | null {
  if (isIsoDay(phrase)) return null;
  const m =
    /^(?:from |between )?(.+?)(?:\s+[-–—]\s+|\s*[–—]\s*|(?<=\d)-(?=\d)|\s+(?:to|until|till|through|thru|and)\s+)(.+)$/.exec(
      phrase,
    );
  if (!m) return null;
  let [start, end] = [m[1]!.trim(), m[2]!.trim()];
  const monthDayYear = new RegExp(`^(${MONTH_PATTERN}) (\\d{1,2})(,? \\d{4})?$`);
  const dayMonthYear = new RegExp(`^(\\d{1,2}) (${MONTH_PATTERN})(,? \\d{4})?$`);
  let e: RegExpExecArray | null;
  if (/^\d{1,2}$/.test(start)) {
    // "27–28 february": the first day takes the month (and year) of the second.
    if ((e = dayMonthYear.exec(end))) start = `${start} ${e[2]}${e[3] ?? ''}`;
    else return null;
  } else if (/^\d{1,2}(,? \d{4})?$/.test(end)) {
    // "february 27-28, 2020": the second day takes the month of the first; the year, if any, is shared.
    const s = monthDayYear.exec(start);
    if (!s) return null;
    const year = /(\d{4})$/.exec(end)?.[1];
    end = `${s[1]} ${end.replace(/,? \d{4}$/, '')}${year ? ` ${year}` : (s[3] ?? '')}`;
    if (year && !s[3]) start = `${start} ${year}`;
  }
  // An end that names its year lends it to a start that does not (one year back if the months wrap: "28 december
  // to 3 january 2020").
  const yearOfEnd = /(\d{4})$/.exec(end)?.[1];
  const startMonth = MONTHS.findIndex((name) => new RegExp(`\\b${name}\\b`).test(start));
  const endMonth = MONTHS.findIndex((name) => new RegExp(`\\b${name}\\b`).test(end));
  if (yearOfEnd && !/\d{4}$/.test(start) && startMonth >= 0) {
    const year = startMonth > endMonth && endMonth >= 0 ? Number(yearOfEnd) - 1 : Number(yearOfEnd);
    start = `${start} ${year}`;
  }
  return [start, end];
}

/**
 * A range read from its two ends: each reading of the start with the nearest reading of the end on or after it
 * ("Monday and Tuesday" said on a Tuesday is yesterday and today, not yesterday to next week's Tuesday).
 */
function resolveRange(start: string, end: string, anchor: string): Reading[] | null {
  const from = resolvePhrase(start, anchor);
  const to = resolvePhrase(end, anchor);
  if (!from || !to) return null;
  const readings: Reading[] = [];
  for (const a of from) {
    // An end read several ways (its year or week guessed) must also fall within half a year of the start: a longer
    // range would name its years.
    const b = to
      .filter((r) => r.latest >= a.earliest && (to.length === 1 || r.latest < addDays(a.earliest, 183)))
      .sort((x, y) => (x.latest < y.latest ? -1 : 1))[0];
    if (!b) continue;
    const coarser = isNoFinerThan(a.precision, b.precision) ? a.precision : b.precision;
    const r = reading(a.earliest, b.latest, widen(coarser), a.qualifier ?? b.qualifier);
    if (!readings.some((x) => sameInterval(x, r))) readings.push(r);
  }
  return readings.length > 0 ? readings : null;
}

/**
 * Resolves one simple phrase (no commas) against the anchor day. Returns the readings it allows: a bare weekday
 * ("on Monday") can mean the last or the next one, so it yields both and the caller must pick.
 */
function resolvePhrase(raw: string, anchor: string): Reading[] | null {
  const phrase = spellOutMonths(raw.toLowerCase())
    .replace(/[.]$/, '')
    .replace(/^(on|in|during|of|at|over)\s+/, '')
    .replace(/^the\s+/, '')
    // "5th march", "the 5th of march", "march 5th": ordinals read as the plain day.
    .replace(/\b(\d{1,2})(?:st|nd|rd|th)\b(?: of)?/g, '$1')
    .trim();
  const anchorYear = yearOf(anchor);
  const anchorMonth = monthOf(anchor);
  let m: RegExpExecArray | null;

  const range = splitRange(phrase);
  if (range) {
    const readings = resolveRange(range[0], range[1], anchor);
    if (readings) return readings;
  }

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
  // "In recent weeks", "the past few weeks", "over the past two months": a stretch up to the day of writing, as wide
  // as the words say ("few" taken as up to four weeks, or up to three months), its start approximate.
  if ((m = /^(?:over |during |in |for )?(?:the )?(?:(?:past|last) (few|\w+)|recent) (weeks|months)$/.exec(phrase))) {
    const count = m[1] === undefined ? null : m[1] === 'few' ? null : parseCount(m[1]);
    if (m[1] !== undefined && m[1] !== 'few' && count === null) return null;
    if (m[2] === 'weeks') return [reading(addDays(anchor, -7 * (count ?? 4)), anchor, 'days', 'approximate')];
    return [reading(addDays(anchor, -31 * (count ?? 3)), anchor, 'months', 'approximate')];
  }
  if (phrase === 'recently') return [reading(addDays(anchor, -60), anchor, 'months', 'approximate')];

  // "In the coming days", "coming weeks": from the day after writing, as far as the words reach ("days" a week,
  // "weeks" four, "months" three), approximate.
  if ((m = /^(?:in |over |during )?(?:the )?(?:coming|next few|next) (days|weeks|months)$/.exec(phrase))) {
    const reach = { days: 7, weeks: 28, months: 92 }[m[1] as 'days' | 'weeks' | 'months'];
    return [reading(addDays(anchor, 1), addDays(anchor, reach), m[1] === 'months' ? 'months' : 'days', 'approximate')];
  }
  if ((m = /^(?:in |over |during )?(?:the )?(?:recent|past few|last few) days$/.exec(phrase)))
    return [reading(addDays(anchor, -7), anchor, 'days', 'approximate')];
  if (phrase === 'last night' || phrase === 'overnight') return [reading(addDays(anchor, -1), anchor, 'days')];
  if (phrase === 'earlier this week') return [reading(weekStart, anchor, 'days')];
  if (phrase === 'later this week') return [reading(anchor, addDays(weekStart, 6), 'days')];
  // "Late last month", "early next month": a part of the month before or after the anchor's.
  if ((m = /^(early|mid|mid-|late) ?(last|this|next) month$/.exec(phrase))) {
    const [y, mo] = shiftMonth(anchorYear, anchorMonth, m[2] === 'last' ? -1 : m[2] === 'next' ? 1 : 0);
    return [partOfMonth(m[1]!, y, mo)];
  }
  // "Monday night", "Tuesday evening": the weekday.
  if ((m = new RegExp(`^(${WEEKDAY_PATTERN}) (?:night|evening|morning|afternoon)$`).exec(phrase)))
    return resolvePhrase(m[1]!, anchor);
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

  // The weekend: Saturday and Sunday. Written on a weekend day, it is that one; else "last weekend" is the one
  // passed, "next weekend" the one to come, and a bare "the weekend" either (the caller picks by modality).
  if ((m = /^(?:(last|past|this|next|coming) )?weekend$/.exec(phrase))) {
    const weekday = weekdayOf(anchor);
    const saturday = addDays(startOfIsoWeek(anchor), 5);
    const current = reading(saturday, addDays(saturday, 1), 'days');
    if (weekday === 'saturday' || weekday === 'sunday') {
      if (m[1] === 'last' || m[1] === 'past') return [reading(addDays(saturday, -7), addDays(saturday, -6), 'days')];
      if (m[1] === 'next') return [reading(addDays(saturday, 7), addDays(saturday, 8), 'days')];
      return [current];
    }
    const passed = reading(addDays(saturday, -7), addDays(saturday, -6), 'days');
    if (m[1] === 'last' || m[1] === 'past') return [passed];
    if (m[1]) return [current];
    return [passed, current];
  }

  // Seasons, as the northern hemisphere's meteorological ones (summer June–August): approximate. "This summer"
  // written in the autumn is the one just passed; a bare winter with a year is left unread (which winter?).
  if ((m = /^(?:(this|last|past|next) )?(spring|summer|autumn|fall)(?: (?:of )?(\d{4}))?$/.exec(phrase))) {
    const first = { spring: 3, summer: 6, autumn: 9, fall: 9 }[m[2] as 'spring' | 'summer' | 'autumn' | 'fall'];
    const season = (year: number) =>
      reading(isoDay(year, first, 1), isoDay(year, first + 2, daysInMonth(year, first + 2)), 'season', 'approximate');
    if (m[3]) return m[1] ? null : [season(Number(m[3]))];
    const started = anchorMonth >= first;
    const latest = started ? anchorYear : anchorYear - 1;
    // The last one over: in December or January, "last summer" is the summer just passed.
    if (m[1] === 'last' || m[1] === 'past') return [season(anchorMonth > first + 2 ? anchorYear : anchorYear - 1)];
    if (m[1] === 'next') return [season(started ? anchorYear + 1 : anchorYear)];
    if (m[1] === 'this') return [season(started ? anchorYear : anchorYear)];
    return [season(latest), season(latest + 1)];
  }
  if ((m = /^(?:(this|last|past|next) )?winter$/.exec(phrase))) {
    // The winter that began in December of `year`.
    const winter = (year: number) =>
      reading(isoDay(year, 12, 1), isoDay(year + 1, 2, daysInMonth(year + 1, 2)), 'season', 'approximate');
    const current = anchorMonth === 12 ? anchorYear : anchorMonth <= 2 ? anchorYear - 1 : null;
    const lastBegun = current ?? anchorYear - 1;
    if (m[1] === 'last' || m[1] === 'past') return [winter(current === null ? lastBegun : lastBegun - 1)];
    if (m[1] === 'next') return [winter(current === null ? anchorYear : lastBegun + 1)];
    if (m[1] === 'this') return [winter(current ?? anchorYear)];
    return current === null ? [winter(lastBegun), winter(anchorYear)] : [winter(current)];
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
  // "The end of October": its last ten days, as "late October"; a month without its year is the one last passed
  // (the caller moves it on a year for what is to come).
  if ((m = new RegExp(`^(?:the )?end of (${MONTH_PATTERN})(?: (\\d{4}))?$`).exec(phrase))) {
    const month = MONTHS.indexOf(m[1] as (typeof MONTHS)[number]) + 1;
    const year = m[2] ? Number(m[2]) : month > anchorMonth ? anchorYear - 1 : anchorYear;
    return [partOfMonth('late', year, month)];
  }
  if ((m = new RegExp(`^(?:(?:the )?beginning of |start of )(${MONTH_PATTERN})(?: (\\d{4}))?$`).exec(phrase))) {
    const month = MONTHS.indexOf(m[1] as (typeof MONTHS)[number]) + 1;
    const year = m[2] ? Number(m[2]) : anchorYear;
    return [reading(isoDay(year, month, 1), isoDay(year, month, 7), 'days', 'approximate')];
  }
  if ((m = /^(early|mid|mid-|late) ?(\d{4})$/.exec(phrase))) return [partOfYear(m[1]!.replace('-', ''), Number(m[2]))];
  if ((m = /^(early|mid|mid-|late) ?(this|last|next) year$/.exec(phrase))) {
    const year = anchorYear + (m[2] === 'last' ? -1 : m[2] === 'next' ? 1 : 0);
    return [partOfYear(m[1]!.replace('-', ''), year)];
  }
  if ((m = new RegExp(`^(${MONTH_PATTERN})(?:,? (\\d{4}))?$`).exec(phrase))) {
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
 * - Comma-separated parts must agree ("tomorrow, Wednesday" fails when tomorrow is not a Wednesday), and the
 *   message says which part reads as which day. A year after a comma completes its date ("March 5, 2020"); a
 *   bare weekday beside a date checks that date's weekday ("Thursday, March 5").
 * - A range ("27–28 February", "Feb. 27-28", "27 February to 2 March") spans its two ends (precision "days" for
 *   days, "months" for months…), each end completed from the other.
 * - "since X" is an open interval from X's start to the anchor (the last day the source saw it ongoing); its
 *   precision is X's, widened to a span (day → days).
 * - A bare weekday yields several readings (last, next); callers choose with the stated bounds.
 */
export function resolveTemporalExpression(expression: string, anchor: string): Resolution {
  if (!isIsoDay(anchor)) return { ok: false, reason: 'unsupported', message: `anchor "${anchor}" is not an ISO day` };
  const normalized = expression.trim().replace(/\s+/g, ' ').replace(/[’']/g, "'");
  const since = /^(since|from) (.+)$/i.exec(normalized);
  // "from 27 February to 2 March" is a closed range, read below; "from April" alone is open-ended like "since".
  if (since && !(since[1]!.toLowerCase() === 'from' && splitRange(since[2]!.toLowerCase()))) {
    const start = resolveTemporalExpression(since[2]!, anchor);
    if (!start.ok) return start;
    const readings = start.readings
      .filter((r) => r.earliest <= anchor)
      .map((r) => reading(r.earliest, anchor, widen(r.precision), r.qualifier));
    return readings.length > 0
      ? { ok: true, readings }
      : { ok: false, reason: 'contradiction', message: `"${expression}" starts after the anchor ${anchor}` };
  }

  const parts = splitParts(normalized);
  // A bare weekday beside a date checks that date ("Thursday, March 5" is a Thursday) rather than naming a day of
  // its own; the other parts narrow each other ("tomorrow, Wednesday" keeps only readings both allow).
  const weekdayParts = parts.filter((part) => bareWeekday(part) !== null);
  const dateParts = weekdayParts.length < parts.length ? parts.filter((part) => bareWeekday(part) === null) : parts;
  let readings: Reading[] | null = null;
  const readSoFar: string[] = [];
  const disagree = (part: string, partReadings: readonly Reading[] | Weekday): Resolution => ({
    ok: false,
    reason: 'contradiction',
    message: `the parts of "${expression}" disagree: "${readSoFar.join(', ')}" reads as ${describeReadings(readings ?? [])}, ${typeof partReadings === 'string' ? `not a ${capitalize(partReadings)} as "${part}" says` : `but "${part}" reads as ${describeReadings(partReadings)}`} (against the publication day ${anchor}, a ${capitalize(weekdayOf(anchor))})`,
  });
  for (const part of dateParts) {
    const partReadings = resolvePhrase(part, anchor);
    if (!partReadings) return { ok: false, reason: 'unsupported', message: `no rule resolves "${part}"` };
    if (readings !== null) {
      const agreed: Reading[] = readings.filter((r) => partReadings.some((p) => sameInterval(r, p)));
      if (agreed.length === 0) return disagree(part, partReadings);
      readings = agreed;
    } else readings = partReadings;
    readSoFar.push(part);
  }
  if (readings !== null && dateParts !== parts) {
    for (const part of weekdayParts) {
      const weekday = bareWeekday(part)!;
      const agreed: Reading[] = readings.filter((r) => r.earliest === r.latest && weekdayOf(r.earliest) === weekday);
      if (agreed.length === 0) return disagree(part, weekday);
      readings = agreed;
      readSoFar.push(part);
    }
  }
  if (!readings) return { ok: false, reason: 'unsupported', message: 'empty expression' };
  return { ok: true, readings };
}

/** The weekday a part names when it is nothing else ("Thursday", "on Thursday"), else null. */
function bareWeekday(part: string): Weekday | null {
  const m = new RegExp(`^(?:on )?(${WEEKDAY_PATTERN})$`).exec(part.toLowerCase());
  return m ? (m[1] as Weekday) : null;
}

/**
 * The comma-separated parts of an expression, each a reading of its own that must agree with the others
 * ("tomorrow, Wednesday"). A year after a comma is not a part: it completes the date before it ("March 5, 2020",
 * "Thursday, March 5, 2020", "Feb. 27-28, 2020").
 */
function splitParts(expression: string): string[] {
  const parts: string[] = [];
  for (const part of expression.split(/\s*,\s*/)) {
    if (!part) continue;
    if (/^\d{4}$/.test(part) && parts.length > 0) parts[parts.length - 1] += `, ${part}`;
    else parts.push(part);
  }
  return parts;
}

function capitalize(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

/** "2020-03-05 (Thursday)", "2020-02-24..2020-03-01 (week)", joined with "or". */
function describeReadings(readings: readonly Reading[]): string {
  return readings
    .map((r) =>
      r.earliest === r.latest
        ? `${r.earliest} (${capitalize(weekdayOf(r.earliest))})`
        : `${r.earliest}..${r.latest} (${r.precision})`,
    )
    .join(' or ');
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
