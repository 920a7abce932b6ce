import { describe, expect, it } from 'vitest';
import { TYPE_COLORS } from '../../shared/event-style.ts';
import {
  bucketBarStyle,
  bucketDescription,
  bucketLabel,
  bucketStart,
  buildBucketItems,
  chooseBucketUnit,
  countBuckets,
  maxBucketsFor,
  nextBucketStart,
  type BucketUnit,
} from './timeline-buckets.ts';
import { makeEvent } from './timeline-fixtures.ts';
import { buildTimelineIndex } from './timeline-index.ts';

const day = (iso: string) => Date.parse(iso) / 86_400_000;
const iso = (epochDay: number) => new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
const at = (id: string, earliest: string, type: 'meeting' | 'attack' = 'meeting', latest = earliest) =>
  makeEvent({ id, type, date: { earliest, latest, precision: earliest === latest ? 'day' : 'days' } });

describe('chooseBucketUnit', () => {
  it('picks the finest unit that keeps the count of buckets under the limit', () => {
    expect(chooseBucketUnit(60, 150)).toBe('day');
    expect(chooseBucketUnit(365, 150)).toBe('week');
    expect(chooseBucketUnit(11 * 365, 150)).toBe('month');
    expect(chooseBucketUnit(11 * 365, 60)).toBe('quarter');
    expect(chooseBucketUnit(11 * 365, 20)).toBe('year');
    expect(chooseBucketUnit(300 * 365, 150)).toBe('decade');
  });

  it('allows one bucket per 10 px, at most 150', () => {
    expect(maxBucketsFor(800)).toBe(80);
    expect(maxBucketsFor(4000)).toBe(150);
    expect(maxBucketsFor(0)).toBe(8);
  });
});

describe('bucketStart / nextBucketStart', () => {
  const cases: Array<[BucketUnit, string, string, string]> = [
    ['day', '2021-09-29', '2021-09-29', '2021-09-30'],
    // 29 September 2021 was a Wednesday: its ISO week starts on Monday the 27th.
    ['week', '2021-09-29', '2021-09-27', '2021-10-04'],
    ['week', '2021-09-27', '2021-09-27', '2021-10-04'],
    ['week', '1969-12-31', '1969-12-29', '1970-01-05'],
    ['month', '2021-02-28', '2021-02-01', '2021-03-01'],
    ['quarter', '2021-12-31', '2021-10-01', '2022-01-01'],
    ['year', '2020-02-29', '2020-01-01', '2021-01-01'],
    ['decade', '2019-06-01', '2010-01-01', '2020-01-01'],
  ];
  it.each(cases)('a %s containing %s starts on %s; the next on %s', (unit, dayIso, start, next) => {
    expect(iso(bucketStart(day(dayIso), unit))).toBe(start);
    expect(iso(nextBucketStart(day(start), unit))).toBe(next);
  });
});

describe('countBuckets', () => {
  const index = buildTimelineIndex([
    at('a', '2021-01-05'),
    at('b', '2021-01-20', 'attack'),
    at('c', '2021-03-02'),
    // 25 Feb – 9 Mar: counted once, on its midpoint (3 March).
    at('d', '2021-02-25', 'attack', '2021-03-09'),
    at('e', '2022-01-01'),
  ]);

  it('counts each event once, by its midpoint day, in whole calendar buckets, skipping empty ones', () => {
    const buckets = countBuckets(index, day('2021-01-10'), day('2021-03-31'), 'month');
    expect(buckets.map((b) => [iso(b.startDay), iso(b.endDay), b.total])).toEqual([
      ['2021-01-01', '2021-02-01', 2],
      ['2021-03-01', '2021-04-01', 2],
    ]);
    expect(buckets[0]!.byType).toEqual([
      ['meeting', 1],
      ['attack', 1],
    ]);
  });

  it('sums to the events whose midpoints lie in the covered buckets', () => {
    const years = countBuckets(index, day('2020-06-01'), day('2022-06-01'), 'year');
    expect(years.map((b) => b.total)).toEqual([4, 1]);
  });
});

describe('bucket labels and items', () => {
  const bucket = { unit: 'month' as const, startDay: day('2015-03-01'), endDay: day('2015-04-01'), total: 1234 };
  it('names the period in words', () => {
    expect(bucketLabel(bucket)).toBe('March 2015');
    expect(bucketLabel({ unit: 'quarter', startDay: day('2015-07-01') })).toBe('Q3 2015');
    expect(bucketLabel({ unit: 'week', startDay: day('2015-03-02') })).toBe('week of 2 Mar 2015');
    expect(bucketLabel({ unit: 'decade', startDay: day('2010-01-01') })).toBe('2010s');
    expect(bucketDescription({ ...bucket, byType: [] })).toBe('1,234 events, March 2015');
  });

  it('draws the bar from constant colours only, scaled to the fullest bucket', () => {
    const half = { ...bucket, total: 4, byType: [['meeting', 1] as const, ['attack', 3] as const] };
    const style = bucketBarStyle(half, 8);
    expect(style).toContain('--tl-bar: 44.00%');
    expect(style).toContain(`${TYPE_COLORS.meeting} 0.00% 11.00%`);
    expect(style).toContain(`${TYPE_COLORS.attack} 11.00% 44.00%`);
  });

  it('ids the items by unit and day, with the count as their content', () => {
    const items = buildBucketItems([{ ...bucket, byType: [['meeting', 1234]] }]);
    expect(items[0]).toMatchObject({ id: `bucket:month:${bucket.startDay}`, kind: 'bucket', content: '1,234' });
    expect(items[0]!.description).toBe('1,234 events, March 2015');
  });
});
