/**
 * Human-readable rendering of date intervals, shared by the dataset build (default `display` strings) and the app
 * (axis tooltips, list rows). Never shows more precision than the interval has.
 */
import { MONTH_LABELS, formatDay, formatMonth, monthOf, yearOf } from './iso-day.ts';
import type { Precision, Qualifier } from './temporal.ts';

interface Interval {
  earliest: string;
  latest: string;
  precision: Precision;
  qualifier: Qualifier | null;
}

/** "Wednesday 29 September 2021", "18–30 September 2021", "week of 20 September 2021", "March 2020", "2020". */
export function describeInterval({ earliest, latest, precision, qualifier }: Interval): string {
  const prefix = qualifier === 'approximate' ? 'c. ' : '';
  const suffix = qualifier === 'uncertain' ? ' (uncertain)' : '';
  return prefix + describeBounds(earliest, latest, precision) + suffix;
}

function describeBounds(earliest: string, latest: string, precision: Precision): string {
  if (earliest === latest) return formatDay(earliest, precision === 'day');
  if (precision === 'week') return `week of ${formatDay(earliest)}`;
  if (precision === 'year' && yearOf(earliest) === yearOf(latest)) return String(yearOf(earliest));
  if (precision === 'month' && earliest.slice(0, 7) === latest.slice(0, 7)) return formatMonth(earliest);
  if (precision === 'years' || precision === 'year') return `${yearOf(earliest)}–${yearOf(latest)}`;
  if (precision === 'months' || precision === 'month' || precision === 'season') {
    return yearOf(earliest) === yearOf(latest)
      ? `${MONTH_LABELS[monthOf(earliest) - 1]}–${formatMonth(latest)}`
      : `${formatMonth(earliest)} – ${formatMonth(latest)}`;
  }
  // day ranges: "18–30 September 2021", "28 August – 3 September 2019", "30 December 2019 – 5 March 2020"
  if (earliest.slice(0, 7) === latest.slice(0, 7)) return `${Number(earliest.slice(8))}–${formatDay(latest)}`;
  if (yearOf(earliest) === yearOf(latest))
    return `${Number(earliest.slice(8))} ${MONTH_LABELS[monthOf(earliest) - 1]} – ${formatDay(latest)}`;
  return `${formatDay(earliest)} – ${formatDay(latest)}`;
}

/** Plain words for a precision, for the details panel ("known to the day", "known to the month"). */
export function describePrecision(precision: Precision): string {
  switch (precision) {
    case 'day':
      return 'known to the day';
    case 'days':
      return 'a span of days';
    case 'week':
      return 'known to the week';
    case 'month':
      return 'known to the month';
    case 'months':
      return 'a span of months';
    case 'season':
      return 'known to the season';
    case 'year':
      return 'known to the year';
    case 'years':
      return 'a span of years';
  }
}
