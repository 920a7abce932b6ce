/**
 * Calendar arithmetic on ISO days ("YYYY-MM-DD"), in the proleptic Gregorian calendar, with no time zone:
 * an ISO day names a calendar date, not an instant, so everything here works in UTC and never in local time.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** "January" … "December". */
export const MONTH_LABELS: readonly string[] = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1));
/** "Jan" … "Dec". */
export const MONTH_SHORT_LABELS: readonly string[] = MONTH_LABELS.map((m) => m.slice(0, 3));

/** True when `value` is a real calendar day written as YYYY-MM-DD (rejects 2021-02-30, 2021-13-01). */
export function isIsoDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const month = Number(m);
  const day = Number(d);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(y), month);
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return utcDate(year, month, 0).getUTCDate();
}

/** Date.UTC reads years 0–99 as 1900–1999; setting the full year afterwards keeps the proleptic calendar exact. */
function utcDate(year: number, monthIndex: number, day: number): Date {
  const date = new Date(Date.UTC(2000, monthIndex, day));
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

/** Days since 1970-01-01 for an ISO day; throws on anything that is not a real calendar day. */
export function toEpochDay(isoDay: string): number {
  if (!isIsoDay(isoDay)) throw new RangeError(`not an ISO day (YYYY-MM-DD): "${isoDay}"`);
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return utcDate(y, m - 1, d).getTime() / MS_PER_DAY;
}

/** The ISO day `epochDay` days after 1970-01-01. */
export function fromEpochDay(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `isoDay` moved by `days` (negative moves back). */
export function addDays(isoDay: string, days: number): string {
  return fromEpochDay(toEpochDay(isoDay) + days);
}

/** The weekday of an ISO day, lower case. */
export function weekdayOf(isoDay: string): Weekday {
  return WEEKDAYS[new Date(toEpochDay(isoDay) * MS_PER_DAY).getUTCDay()]!;
}

/** An ISO day from its parts; month is 1–12. */
export function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last day of the month that `isoDay` falls in. */
export function endOfMonth(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return isoDay(y, m, daysInMonth(y, m));
}

/** The Monday of the ISO week (Monday–Sunday) that contains `day`. */
export function startOfIsoWeek(day: string): string {
  const offsetFromMonday = (WEEKDAYS.indexOf(weekdayOf(day)) + 6) % 7;
  return addDays(day, -offsetFromMonday);
}

export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

export function monthOf(day: string): number {
  return Number(day.slice(5, 7));
}

/** "29 September 2021". */
export function formatDay(day: string, withWeekday = false): string {
  const label = `${Number(day.slice(8, 10))} ${MONTH_LABELS[monthOf(day) - 1]} ${yearOf(day)}`;
  if (!withWeekday) return label;
  const weekday = weekdayOf(day);
  return `${weekday[0]!.toUpperCase()}${weekday.slice(1)} ${label}`;
}

/** "September 2021". */
export function formatMonth(day: string): string {
  return `${MONTH_LABELS[monthOf(day) - 1]} ${yearOf(day)}`;
}
