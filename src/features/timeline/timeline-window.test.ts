import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from './timeline-items.ts';
import { makeEvent } from './timeline-fixtures.ts';
import {
  centredOn,
  eventRange,
  fitWindow,
  padRange,
  rangeToWindow,
  rangesDiffer,
  rangesOverlap,
  sameWindow,
  windowToRange,
} from './timeline-window.ts';

const utc = (iso: string) => Date.parse(iso);

describe('windowToRange / rangeToWindow', () => {
  it('shows inclusive days from UTC midnight to the midnight after the last day', () => {
    expect(windowToRange({ start: '2021-09-01', end: '2021-09-30' })).toEqual({
      start: utc('2021-09-01T00:00:00Z'),
      end: utc('2021-10-01T00:00:00Z'),
    });
  });

  it('round-trips a stored window exactly', () => {
    const window = { start: '2018-09-14', end: '2019-08-27' };
    expect(rangeToWindow(windowToRange(window))).toEqual(window);
  });

  it('reads a panned range as the days it touches, each within a day of the range', () => {
    const range = { start: utc('2021-01-01T07:33:00Z'), end: utc('2021-02-01T12:00:00Z') };
    const window = rangeToWindow(range);
    expect(window).toEqual({ start: '2021-01-01', end: '2021-02-01' });
    // Writing it back would not move the widget: no feedback loop.
    expect(rangesDiffer(windowToRange(window), range)).toBe(false);
  });

  it('never produces an end before the start', () => {
    const start = utc('2021-01-01T10:00:00Z');
    expect(rangeToWindow({ start, end: start + 1000 })).toEqual({ start: '2021-01-01', end: '2021-01-01' });
  });
});

describe('sameWindow / rangesDiffer / rangesOverlap', () => {
  it('compares windows by value, null included', () => {
    expect(sameWindow(null, null)).toBe(true);
    expect(sameWindow({ start: 'a', end: 'b' }, { start: 'a', end: 'b' })).toBe(true);
    expect(sameWindow({ start: 'a', end: 'b' }, null)).toBe(false);
    expect(sameWindow({ start: 'a', end: 'b' }, { start: 'a', end: 'c' })).toBe(false);
  });

  it('tolerates up to a day on either edge', () => {
    const a = { start: 0, end: 10 * MS_PER_DAY };
    expect(rangesDiffer(a, { start: MS_PER_DAY, end: 10 * MS_PER_DAY })).toBe(false);
    expect(rangesDiffer(a, { start: 0, end: 12 * MS_PER_DAY })).toBe(true);
  });

  it('treats ranges that only touch as not overlapping (ends are exclusive)', () => {
    expect(rangesOverlap({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false);
    expect(rangesOverlap({ start: 0, end: 11 }, { start: 10, end: 20 })).toBe(true);
  });
});

describe('eventRange', () => {
  it('covers the inclusive days of the date', () => {
    expect(eventRange(makeEvent({ date: { earliest: '2020-03-05', latest: '2020-03-05' } }))).toEqual({
      start: utc('2020-03-05T00:00:00Z'),
      end: utc('2020-03-06T00:00:00Z'),
    });
  });
});

describe('fitWindow / padRange', () => {
  it('covers the range with a margin on each side', () => {
    const range = fitWindow({ start: utc('2018-09-17T00:00:00Z'), end: utc('2021-10-01T00:00:00Z') });
    expect(range.start).toBeLessThan(utc('2018-09-17T00:00:00Z'));
    expect(range.end).toBeGreaterThan(utc('2021-10-01T00:00:00Z'));
  });

  it('shows a lone day within at least a week, with more room on the right for its title', () => {
    const day = { start: utc('2021-09-29T00:00:00Z'), end: utc('2021-09-30T00:00:00Z') };
    const range = fitWindow(day);
    expect(range.end - range.start).toBeGreaterThanOrEqual(7 * MS_PER_DAY);
    const centre = utc('2021-09-29T12:00:00Z');
    expect(range.start).toBeLessThan(centre);
    expect(range.end - centre).toBeGreaterThan(centre - range.start);
  });

  it('pads around the centre', () => {
    expect(padRange({ start: 0, end: 100 * MS_PER_DAY }, 1)).toEqual({
      start: -5 * MS_PER_DAY,
      end: 105 * MS_PER_DAY,
    });
  });
});

describe('centredOn', () => {
  it('keeps the middle of the range and takes the span given', () => {
    expect(centredOn({ start: 10 * MS_PER_DAY, end: 12 * MS_PER_DAY }, 4 * MS_PER_DAY)).toEqual({
      start: 9 * MS_PER_DAY,
      end: 13 * MS_PER_DAY,
    });
  });
});
