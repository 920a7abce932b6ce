/**
 * The dates exports write: "05 March 2020", "5 March 2020", "05-March-2020", "05-Mar-2020", "March 5, 2020" and
 * "2020-03-05" (ACLED's website export, its API and spreadsheets), plus, for plain spreadsheets, a month
 * ("2020-03", "March 2020") or a year ("2020"). Numeric day/month orders ("05/03/2020") are refused: the same
 * text is 5 March in Europe and 3 May in the United States, and nothing in a row says which.
 */
import { DEFAULT_YEARS, isDayInYears } from '../dataset-limits.ts';
import { daysInMonth, isIsoDay, isoDay } from '../iso-day.ts';
import type { ImportOptions } from './types.ts';
import type { Precision } from '../temporal.ts';

export interface DayInterval {
  earliest: string;
  latest: string;
  precision: Precision;
}

const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  jan: 1, january: 1,
  feb: 2, february: 2,
  mar: 3, march: 3,
  apr: 4, april: 4,
  may: 5,
  jun: 6, june: 6,
  jul: 7, july: 7,
  aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, october: 10,
  nov: 11, november: 11,
  dec: 12, december: 12,
}; // prettier-ignore

export const EXPECTED_DAY = 'a day such as "05 March 2020" or "2020-03-05"';
export const EXPECTED_DATE = 'a date such as "05 March 2020", "2020-03-05", a month "2020-03" or a year "2020"';
const AMBIGUOUS =
  'a day with the month in words or in ISO order, such as "05 March 2020" or "2020-03-05" (in numbers only, the order of day and month is not known)';

const DAY_MONTH_YEAR = /^(\d{1,2})[\s-]+([A-Za-z]+)\.?,?[\s-]+(\d{4})$/;
const MONTH_DAY_YEAR = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/;
/**
 * ISO order, optionally at midnight: "2020-03-05 00:00:00" is how a spreadsheet program or a database writes a
 * day it holds as a date-time; "2020-03-05T00:00:00Z" as an API may. Another time of day is refused (which day it
 * is depends on the time zone).
 */
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?$/;
const ISO_WITH_TIME = /^\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}/;
const NUMERIC = /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/;
const MONTH_YEAR = /^([A-Za-z]+)\.?,?\s+(\d{4})$/;
const ISO_MONTH = /^(\d{4})-(\d{1,2})$/;
const YEAR = /^(\d{4})$/;

/** The number of a month's name, or undefined; own keys only ("05 constructor 2020" is no month). */
const monthNumber = (name: string): number | undefined => {
  const key = name.toLowerCase();
  return Object.hasOwn(MONTH_NUMBERS, key) ? MONTH_NUMBERS[key] : undefined;
};

function day(year: string, month: number | undefined, dayOfMonth: string): string | null {
  if (month === undefined) return null;
  const value = isoDay(Number(year), month, Number(dayOfMonth));
  return isIsoDay(value) ? value : null;
}

/** A calendar day, or null. Accepts the forms above, with any case and surrounding spaces. */
export function parseDay(raw: string): string | null {
  const text = raw.trim();
  let m = ISO.exec(text);
  if (m) return day(m[1]!, Number(m[2]), m[3]!);
  if ((m = DAY_MONTH_YEAR.exec(text))) return day(m[3]!, monthNumber(m[2]!), m[1]!);
  if ((m = MONTH_DAY_YEAR.exec(text))) return day(m[3]!, monthNumber(m[1]!), m[2]!);
  return null;
}

/** What was expected of a value that is not a day: says why "05/03/2020" is refused. */
export function expectedDay(raw: string, allowCoarser = false): string {
  if (NUMERIC.test(raw.trim())) return AMBIGUOUS;
  if (ISO_WITH_TIME.test(raw.trim())) return `${EXPECTED_DAY}, without a time of day (midnight, 00:00, is read)`;
  return allowCoarser ? EXPECTED_DATE : EXPECTED_DAY;
}

/** A day, a month or a year as an interval of days, or null. */
export function parseDateInterval(raw: string): DayInterval | null {
  const single = parseDay(raw);
  if (single) return { earliest: single, latest: single, precision: 'day' };
  const text = raw.trim();
  let m = ISO_MONTH.exec(text);
  let year: number;
  let month: number | undefined;
  if (m) [year, month] = [Number(m[1]), Number(m[2])];
  else if ((m = MONTH_YEAR.exec(text))) [year, month] = [Number(m[2]), monthNumber(m[1]!)];
  else if ((m = YEAR.exec(text))) {
    const y = Number(m[1]);
    return { earliest: isoDay(y, 1, 1), latest: isoDay(y, 12, 31), precision: 'year' };
  } else return null;
  if (month === undefined || month < 1 || month > 12) return null;
  return {
    earliest: isoDay(year, month, 1),
    latest: isoDay(year, month, daysInMonth(year, month)),
    precision: 'month',
  };
}

/**
 * What a date outside the import's years was expected to be, or null when `earliest`..`latest` lies inside them
 * (DEFAULT_YEARS, 1000–2100, unless the import says otherwise): a year 0202 or 2202 is a typo, not a date.
 */
export function yearsProblem(earliest: string, latest: string, options: ImportOptions): string | null {
  const years = options.years ?? DEFAULT_YEARS;
  if (isDayInYears(earliest, years) && isDayInYears(latest, years)) return null;
  return `a date in the years ${years.from}–${years.to} (the dataset's span; \`npm run import -- … --years <from>-<to>\` reads others)`;
}
