/**
 * The density view: when too many events are in view to draw each one, the timeline shows one bar per calendar
 * bucket (day, week, month, quarter, year or decade, in UTC) with the count of events whose midpoint day falls in
 * it, its colours stacked by type. Pure: no DOM, no vis import.
 *
 * Units: epoch days. A bucket covers [startDay, endDay) (end exclusive), so buckets tile the axis with no gap.
 */
import { EVENT_TYPE_IDS, type EventType } from '../../domain/taxonomy.ts';
import { TYPE_COLORS, typeLabel } from '../../shared/event-style.ts';
import { countBetween, type TimelineIndex } from './timeline-index.ts';
import { MS_PER_DAY } from './timeline-items.ts';
import { MONTH_LABELS, MONTH_SHORT_LABELS } from '../../domain/iso-day.ts';

export type BucketUnit = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade';

/** Nominal length of each unit in days, smallest first: the order in which chooseBucketUnit tries them. */
export const BUCKET_UNIT_DAYS: ReadonlyArray<readonly [BucketUnit, number]> = [
  ['day', 1],
  ['week', 7],
  ['month', 30.44],
  ['quarter', 91.31],
  ['year', 365.25],
  ['decade', 3652.5],
];

/** No more bars than this across the window, however wide the screen. */
export const MAX_BUCKETS = 150;
/** Narrowest bar, in pixels: fewer, wider buckets on a narrow timeline. */
export const MIN_BUCKET_PX = 10;

/** How many buckets a window `widthPx` wide may show: one per MIN_BUCKET_PX, between 8 and MAX_BUCKETS. */
export function maxBucketsFor(widthPx: number): number {
  return Math.max(8, Math.min(MAX_BUCKETS, Math.floor(widthPx / MIN_BUCKET_PX)));
}

/** The finest unit that divides `spanDays` into at most `maxBuckets` buckets. */
export function chooseBucketUnit(spanDays: number, maxBuckets: number): BucketUnit {
  for (const [unit, days] of BUCKET_UNIT_DAYS) if (spanDays / days <= maxBuckets) return unit;
  return 'decade';
}

/** The first day of the bucket of `unit` that contains `day` (weeks start on Monday, as ISO weeks do). */
export function bucketStart(day: number, unit: BucketUnit): number {
  if (unit === 'day') return day;
  // 1970-01-01 was a Thursday: shift so that Mondays are multiples of 7.
  if (unit === 'week') return day - ((((day + 3) % 7) + 7) % 7);
  const date = new Date(day * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  switch (unit) {
    case 'month':
      return Date.UTC(year, month, 1) / MS_PER_DAY;
    case 'quarter':
      return Date.UTC(year, month - (month % 3), 1) / MS_PER_DAY;
    case 'year':
      return Date.UTC(year, 0, 1) / MS_PER_DAY;
    case 'decade':
      return Date.UTC(year - (((year % 10) + 10) % 10), 0, 1) / MS_PER_DAY;
  }
}

/** The first day of the bucket after the one starting on `start` (a bucket start). */
export function nextBucketStart(start: number, unit: BucketUnit): number {
  if (unit === 'day') return start + 1;
  if (unit === 'week') return start + 7;
  const date = new Date(start * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  switch (unit) {
    case 'month':
      return Date.UTC(year, month + 1, 1) / MS_PER_DAY;
    case 'quarter':
      return Date.UTC(year, month + 3, 1) / MS_PER_DAY;
    case 'year':
      return Date.UTC(year + 1, 0, 1) / MS_PER_DAY;
    case 'decade':
      return Date.UTC(year + 10, 0, 1) / MS_PER_DAY;
  }
}

export interface DensityBucket {
  unit: BucketUnit;
  /** First day (inclusive). */
  startDay: number;
  /** Day after the last (exclusive). */
  endDay: number;
  total: number;
  /** Non-zero counts per type, in taxonomy order. */
  byType: Array<readonly [EventType, number]>;
}

/**
 * The non-empty buckets of `unit` covering the inclusive days [from, to], widened to whole buckets. Each costs two
 * binary searches per type present: O(buckets × types × log n), independent of how many events are in view.
 */
export function countBuckets(index: TimelineIndex, from: number, to: number, unit: BucketUnit): DensityBucket[] {
  const buckets: DensityBucket[] = [];
  const types = EVENT_TYPE_IDS.filter((type) => index.midDaysByType.has(type));
  for (let start = bucketStart(from, unit); start <= to;) {
    const end = nextBucketStart(start, unit);
    const total = countBetween(index.sortedMidDays, start, end - 1);
    if (total > 0) {
      const byType: Array<readonly [EventType, number]> = [];
      for (const type of types) {
        const count = countBetween(index.midDaysByType.get(type)!, start, end - 1);
        if (count > 0) byType.push([type, count]);
      }
      buckets.push({ unit, startDay: start, endDay: end, total, byType });
    }
    start = end;
  }
  return buckets;
}

function dayLabel(day: number): string {
  const date = new Date(day * MS_PER_DAY);
  return `${date.getUTCDate()} ${MONTH_SHORT_LABELS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** The bucket's time span in words: "3 Mar 2015", "week of 2 Mar 2015", "March 2015", "Q1 2015", "2015", "2010s". */
export function bucketLabel(bucket: Pick<DensityBucket, 'unit' | 'startDay'>): string {
  const date = new Date(bucket.startDay * MS_PER_DAY);
  const year = date.getUTCFullYear();
  switch (bucket.unit) {
    case 'day':
      return dayLabel(bucket.startDay);
    case 'week':
      return `week of ${dayLabel(bucket.startDay)}`;
    case 'month':
      return `${MONTH_LABELS[date.getUTCMonth()]} ${year}`;
    case 'quarter':
      return `Q${Math.floor(date.getUTCMonth() / 3) + 1} ${year}`;
    case 'year':
      return String(year);
    case 'decade':
      return `${year}s`;
  }
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-GB');
}

/** "1,234 events, March 2015": the bucket's accessible name and tooltip title. */
export function bucketDescription(bucket: DensityBucket): string {
  return `${formatCount(bucket.total)} ${bucket.total === 1 ? 'event' : 'events'}, ${bucketLabel(bucket)}`;
}

/** The most frequent types of a bucket, for its tooltip: "Meeting 40%, Attack 25%, …". */
export function bucketBreakdown(bucket: DensityBucket, top = 3): string {
  const parts = [...bucket.byType]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([type, count]) => `${typeLabel(type)} ${Math.round((100 * count) / bucket.total)}%`);
  if (bucket.byType.length > top) parts.push('…');
  return parts.join(', ');
}

/** One density bucket as a vis-timeline item. Extra fields are read by the item and tooltip templates. */
export interface BucketTimelineItem {
  id: string;
  kind: 'bucket';
  content: string;
  start: Date;
  end: Date;
  type: 'range';
  className: string;
  /** Only numbers and colours from the constant table: the bar's height and its stacked type colours. */
  style: string;
  bucket: DensityBucket;
  description: string;
}

/**
 * The bar as a CSS gradient from the bottom: one band per type, in taxonomy order, its height proportional to the
 * bucket's share of `maxTotal` (the fullest bucket in the set fills 88% of the bar area).
 */
export function bucketBarStyle(bucket: DensityBucket, maxTotal: number): string {
  // The fullest bar leaves room above it for its count.
  const height = maxTotal > 0 ? (88 * bucket.total) / maxTotal : 0;
  // A one-event bucket among thousands still shows a sliver.
  const barPercent = Math.max(height, 2);
  const stops: string[] = [];
  let at = 0;
  for (const [type, count] of bucket.byType) {
    const next = at + (barPercent * count) / bucket.total;
    stops.push(`${TYPE_COLORS[type]} ${at.toFixed(2)}% ${next.toFixed(2)}%`);
    at = next;
  }
  stops.push(`transparent ${barPercent.toFixed(2)}%`);
  return `--tl-bar: ${barPercent.toFixed(2)}%; --tl-bar-fill: linear-gradient(to top, ${stops.join(', ')})`;
}

/**
 * The vis items for `buckets`, scaled to the fullest. Whether a bar is wide enough to show its count as text is left
 * to a CSS container query on its width (timeline.css), so it follows the zoom without rebuilding the items.
 */
export function buildBucketItems(buckets: readonly DensityBucket[]): BucketTimelineItem[] {
  let maxTotal = 0;
  for (const bucket of buckets) if (bucket.total > maxTotal) maxTotal = bucket.total;
  return buckets.map((bucket) => {
    const content = formatCount(bucket.total);
    return {
      id: `bucket:${bucket.unit}:${bucket.startDay}`,
      kind: 'bucket',
      content,
      start: new Date(bucket.startDay * MS_PER_DAY),
      end: new Date(bucket.endDay * MS_PER_DAY),
      type: 'range',
      className: 'tl-bucket',
      style: bucketBarStyle(bucket, maxTotal),
      bucket,
      description: bucketDescription(bucket),
    };
  });
}
