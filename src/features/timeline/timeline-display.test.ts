import { describe, expect, it } from 'vitest';
import type { NewsEvent } from '../../domain/dataset-schema.ts';
import {
  EVENT_ITEM_LIMIT,
  chooseMode,
  eventsNearWindow,
  indexRange,
  planDisplay,
  revealWindow,
  wouldDrawEvent,
} from './timeline-display.ts';
import { makeEvent } from './timeline-fixtures.ts';
import { buildTimelineIndex } from './timeline-index.ts';

const DAY = 86_400_000;
const at = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const BASE = Date.parse('2015-01-01');

/** `perDay` point events on each of `days` days from 2015-01-01. */
function dense(days: number, perDay: number): NewsEvent[] {
  const events: NewsEvent[] = [];
  for (let d = 0; d < days; d++)
    for (let k = 0; k < perDay; k++)
      events.push(makeEvent({ id: `e-${d}-${k}`, date: { earliest: at(BASE + d * DAY), latest: at(BASE + d * DAY) } }));
  return events;
}

const window = (fromDay: number, days: number) => ({ start: BASE + fromDay * DAY, end: BASE + (fromDay + days) * DAY });

describe('chooseMode', () => {
  it('draws each event up to the limit, bars beyond it', () => {
    expect(chooseMode(0)).toBe('events');
    expect(chooseMode(EVENT_ITEM_LIMIT)).toBe('events');
    expect(chooseMode(EVENT_ITEM_LIMIT + 1)).toBe('density');
  });
});

describe('planDisplay', () => {
  const index = buildTimelineIndex(dense(400, 10)); // 4,000 events, 10 a day

  it('loads every event when they all fit under the limit, so panning never rebuilds', () => {
    const small = buildTimelineIndex(dense(30, 2));
    const plan = planDisplay(small, window(0, 10), 800, null);
    expect(plan?.mode).toBe('events');
    expect(plan?.mode === 'events' && plan.events.length).toBe(60);
    expect(planDisplay(small, window(20, 10), 800, plan!.state)).toBeNull();
  });

  it('shows density bars, with their count of events near the window, when too many are near it', () => {
    const plan = planDisplay(index, window(0, 400), 800, null);
    expect(plan?.mode).toBe('density');
    expect(plan?.inView).toBe(eventsNearWindow(index, window(0, 400)));
    if (plan?.mode !== 'density') return;
    // A 400-day window, 80 bars at most: weeks; the bars cover the window and a span beyond each side.
    expect(plan.buckets[0]!.unit).toBe('week');
    expect(plan.buckets.reduce((sum, b) => sum + b.total, 0)).toBe(4000);
  });

  it('loads the events near a narrow window, widest margin first, under the limit', () => {
    const plan = planDisplay(index, window(200, 10), 800, null);
    expect(plan?.mode).toBe('events');
    if (plan?.mode !== 'events') return;
    expect(plan.events.length).toBeLessThanOrEqual(EVENT_ITEM_LIMIT);
    // The window and its decision margin are loaded at least.
    expect(plan.events.length).toBeGreaterThanOrEqual(eventsNearWindow(index, window(200, 10)));
  });

  it('keeps what is loaded while the window stays inside it, and replans beyond it or on a new mode', () => {
    const first = planDisplay(index, window(200, 10), 800, null)!;
    expect(planDisplay(index, window(201, 10), 800, first.state)).toBeNull();
    expect(planDisplay(index, window(300, 10), 800, first.state)?.mode).toBe('events');
    expect(planDisplay(index, window(100, 200), 800, first.state)?.mode).toBe('density');
    // A filter change (a new index) always replans.
    expect(planDisplay(buildTimelineIndex(dense(400, 10)), window(200, 10), 800, first.state)).not.toBeNull();
  });

  it('replans the bars when a zoom changes their unit, and not for a pan inside them', () => {
    const bars = planDisplay(index, window(0, 400), 800, null)!;
    expect(planDisplay(index, window(50, 400), 800, bars.state)).toBeNull();
    // 60 days fit 80 daily bars: the unit changes from weeks to days.
    const days = planDisplay(index, window(0, 60), 800, bars.state);
    expect(days?.mode === 'density' && days.buckets[0]!.unit).toBe('day');
  });
});

describe('revealWindow', () => {
  const sparse = buildTimelineIndex([
    ...dense(1, 3),
    makeEvent({ id: 'alone', date: { earliest: at(BASE + 200 * DAY), latest: at(BASE + 200 * DAY) } }),
  ]);
  const alone = sparse.eventAt(sparse.positionOf('alone'));

  it('keeps the window when the event is in it and would be drawn', () => {
    const current = window(150, 100);
    expect(revealWindow(sparse, alone, current, 800)).toBe(current);
  });

  it('pans, keeping the zoom, when the event would be drawn at this zoom', () => {
    const next = revealWindow(sparse, alone, window(0, 100), 800);
    expect((next.end - next.start) / DAY).toBeCloseTo(100);
    expect((next.start + next.end) / 2).toBe(BASE + 200.5 * DAY);
  });

  it('zooms in, halving, until the event is drawn as an item', () => {
    const index = buildTimelineIndex(dense(400, 10));
    const event = index.eventAt(2000);
    const current = window(0, 400);
    expect(wouldDrawEvent(index, event, current, 800)).toBe(false);
    const next = revealWindow(index, event, current, 800);
    const span = (next.end - next.start) / DAY;
    expect(span).toBeLessThan(400);
    expect(chooseMode(eventsNearWindow(index, next))).toBe('events');
    // On a day with ten events at one instant no zoom separates them: the widest window of items is chosen.
    expect(span).toBeGreaterThan(10);
  });

  it('spans the data, from the first day to the day after the last', () => {
    expect(indexRange(sparse)).toEqual({ start: BASE, end: BASE + 201 * DAY });
    expect(indexRange(buildTimelineIndex([]))).toBeNull();
  });
});
