import { describe, expect, it } from 'vitest';
import { makeEvent } from './timeline-fixtures.ts';
import { framingDays, framingWindow } from './timeline-framing.ts';
import { buildTimelineIndex, dayOf } from './timeline-index.ts';
import { MS_PER_DAY } from './timeline-items.ts';

const day = (iso: string) => dayOf(Date.parse(`${iso}T00:00:00Z`));
let counter = 0;
const event = (earliest: string, latest = earliest) => makeEvent({ id: `e${counter++}`, date: { earliest, latest } });

/** `count` one-day events, one every `everyDays` days from `first`. */
function daily(first: string, count: number, everyDays = 1) {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    event(new Date(start + i * everyDays * MS_PER_DAY).toISOString().slice(0, 10)),
  );
}

describe('framingDays', () => {
  it('is null with no events', () => {
    expect(framingDays(buildTimelineIndex([]))).toBeNull();
  });

  it('leaves out a campaign reported "for years" and a stray early event when most events are recent', () => {
    const index = buildTimelineIndex([
      event('2011-01-01', '2021-09-28'),
      event('2015-09-01', '2015-09-30'),
      ...daily('2018-09-01', 50, 22),
    ]);
    const days = framingDays(index)!;
    expect(days.from).toBeGreaterThanOrEqual(day('2018-09-01'));
    // The central span: nearly all of the recent events, not their last ones' far ends.
    expect(days.to).toBeLessThanOrEqual(day('2021-09-28'));
    expect(days.to - days.from).toBeGreaterThan(0.8 * (day('2021-09-28') - day('2018-09-01')));
  });

  it('shows the full extent when it is compact (nothing far out to leave aside)', () => {
    const events = daily('2021-01-01', 60, 5);
    const index = buildTimelineIndex(events);
    expect(framingDays(index)).toEqual({ from: day('2021-01-01'), to: day('2021-01-01') + 59 * 5 });
  });

  it('leaves nothing out of a handful of events', () => {
    const index = buildTimelineIndex([event('2011-01-01'), event('2021-09-28'), event('2021-09-29')]);
    expect(framingDays(index)).toEqual({ from: day('2011-01-01'), to: day('2021-09-29') });
  });

  it('stays within a date filter: a long event overlapping it does not widen the view', () => {
    const index = buildTimelineIndex([
      event('2011-01-01', '2021-09-28'),
      event('2015-09-01', '2021-09-28'),
      event('2021-09-11'),
      event('2021-09-21', '2021-09-28'),
      event('2021-09-28'),
    ]);
    const days = framingDays(index, { fromDay: day('2021-01-01'), toDay: day('2021-12-31') })!;
    expect(days).toEqual({ from: day('2021-01-01'), to: day('2021-09-28') });
  });

  it('falls back to the clipped full extent when the central span lies outside the filter', () => {
    // 40 long events whose midpoints are all before 2021, overlapping a 2021 filter.
    const index = buildTimelineIndex(Array.from({ length: 40 }, () => event('2015-01-01', '2021-03-31')));
    expect(framingDays(index, { fromDay: day('2021-01-01'), toDay: null })).toEqual({
      from: day('2021-01-01'),
      to: day('2021-03-31'),
    });
  });
});

describe('framingWindow', () => {
  it('pads the span, with room on the right for the last titles', () => {
    const index = buildTimelineIndex(daily('2021-01-01', 30, 3));
    const window = framingWindow(index, 900)!;
    const span = (day('2021-01-01') + 88 - day('2021-01-01')) * MS_PER_DAY;
    expect(window.start).toBeLessThan(day('2021-01-01') * MS_PER_DAY);
    const after = window.end - (day('2021-01-01') + 88) * MS_PER_DAY;
    expect(after).toBeGreaterThan(span * 0.15);
  });

  it('keeps a smaller share for titles on a narrow timeline', () => {
    const index = buildTimelineIndex(daily('2021-01-01', 30, 3));
    const wide = framingWindow(index, 1200)!;
    const narrow = framingWindow(index, 370)!;
    const share = (w: { start: number; end: number }) =>
      (w.end - (day('2021-01-01') + 88) * MS_PER_DAY) / (w.end - w.start);
    expect(share(narrow)).toBeLessThan(0.4);
    expect(share(wide)).toBeLessThan(share(narrow));
  });
});
