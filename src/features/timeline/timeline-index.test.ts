import { describe, expect, it } from 'vitest';
import { makeEvent } from './timeline-fixtures.ts';
import {
  buildTimelineIndex,
  countBetween,
  countOverlapping,
  eventDays,
  eventsOverlapping,
  lowerBound,
} from './timeline-index.ts';

const day = (iso: string) => Date.parse(iso) / 86_400_000;
const span = (id: string, earliest: string, latest = earliest, type: 'meeting' | 'attack' = 'meeting') =>
  makeEvent({ id, type, date: { earliest, latest, precision: earliest === latest ? 'day' : 'days' } });

describe('lowerBound / countBetween', () => {
  const values = Int32Array.from([1, 3, 3, 3, 7, 9]);
  it('finds the first value not below the probe', () => {
    expect(lowerBound(values, 0)).toBe(0);
    expect(lowerBound(values, 3)).toBe(1);
    expect(lowerBound(values, 4)).toBe(4);
    expect(lowerBound(values, 10)).toBe(6);
  });
  it('counts the values in an inclusive interval', () => {
    expect(countBetween(values, 3, 7)).toBe(4);
    expect(countBetween(values, 4, 6)).toBe(0);
    expect(countBetween(values, 9, 1)).toBe(0);
  });
});

describe('buildTimelineIndex', () => {
  it('reads UTC epoch days and sorts events that are not in date order', () => {
    const index = buildTimelineIndex([span('b', '2021-03-01'), span('a', '2021-01-01', '2021-01-31')]);
    expect([index.eventAt(0).id, index.eventAt(1).id]).toEqual(['a', 'b']);
    expect(eventDays(index.eventAt(0))).toEqual([day('2021-01-01'), day('2021-01-31')]);
    expect(index.positionOf('b')).toBe(1);
    expect(index.positionOf('nope')).toBe(-1);
    // The midpoint of 1–31 January is the 16th.
    expect([...index.sortedMidDays]).toEqual([day('2021-01-16'), day('2021-03-01')]);
  });
});

describe('countOverlapping / eventsOverlapping', () => {
  const events = [
    span('long', '2015-01-01', '2021-12-31'),
    span('jan', '2021-01-01', '2021-01-31'),
    span('feb1', '2021-02-01'),
    span('feb15', '2021-02-15'),
    span('mar', '2021-03-10', '2021-03-20'),
  ];
  const index = buildTimelineIndex(events);

  /** The obvious O(n) answer, to check the binary-search one against. */
  const naive = (from: number, to: number) =>
    events.filter((e) => eventDays(e)[0] <= to && eventDays(e)[1] >= from).map((e) => e.id);

  it('agrees with a linear scan on every window over the data', () => {
    for (let from = day('2020-12-20'); from < day('2021-04-01'); from += 3) {
      for (const width of [0, 1, 10, 40, 100]) {
        const expected = naive(from, from + width);
        expect(countOverlapping(index, from, from + width)).toBe(expected.length);
        expect(eventsOverlapping(index, from, from + width).map((e) => e.id)).toEqual(expected);
      }
    }
  });

  it('counts an event that covers the whole window, and none for an empty one', () => {
    expect(eventsOverlapping(index, day('2019-06-01'), day('2019-06-30')).map((e) => e.id)).toEqual(['long']);
    expect(countOverlapping(index, day('2021-02-10'), day('2021-02-01'))).toBe(0);
  });
});
