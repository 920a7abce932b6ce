import { describe, expect, it } from 'vitest';
import type { NewsEvent } from '../../domain/dataset-schema.ts';
import { makeEvent } from './timeline-fixtures.ts';
import { buildTimelineIndex } from './timeline-index.ts';
import { isRowInView, planReveal } from './timeline-reveal.ts';

const DAY = 86_400_000;
const BASE = Date.parse('2015-01-01');
const at = (day: number) => new Date(BASE + day * DAY).toISOString().slice(0, 10);
const onDay = (id: string, day: number) => makeEvent({ id, date: { earliest: at(day), latest: at(day) } });
const window = (fromDay: number, days: number) => ({ start: BASE + fromDay * DAY, end: BASE + (fromDay + days) * DAY });
const span = (range: { start: number; end: number }) => (range.end - range.start) / DAY;

/** `perDay` point events on each of `days` days from 2015-01-01. */
function dense(days: number, perDay: number): NewsEvent[] {
  return Array.from({ length: days * perDay }, (_, i) => onDay(`e-${i}`, Math.floor(i / perDay)));
}

describe('planReveal', () => {
  const sparse = buildTimelineIndex([...dense(1, 3), onDay('alone', 200)]);
  const alone = sparse.eventAt(sparse.positionOf('alone'));

  it('leaves the window for an item drawn in it, and still shows the item (its row may be out of view)', () => {
    const plan = planReveal({ index: sparse, event: alone, current: window(150, 100), widthPx: 800, drawn: true });
    expect(plan).toEqual({ moveTo: null, showItem: true });
  });

  it('leaves the window for an event in it that vis would draw at this zoom, though it is not drawn yet', () => {
    const plan = planReveal({ index: sparse, event: alone, current: window(150, 100), widthPx: 800, drawn: false });
    expect(plan).toEqual({ moveTo: null, showItem: true });
  });

  it('pans to an event outside the window, keeping the zoom, when it would be drawn at this zoom', () => {
    const plan = planReveal({ index: sparse, event: alone, current: window(0, 100), widthPx: 800, drawn: false });
    expect(plan.showItem).toBe(true);
    expect(span(plan.moveTo!)).toBeCloseTo(100);
    expect((plan.moveTo!.start + plan.moveTo!.end) / 2).toBe(BASE + 200.5 * DAY);
  });

  it('zooms in to a window around an event lost in a crowd (a cluster or a density bar)', () => {
    const crowd = buildTimelineIndex(dense(400, 10));
    const event = crowd.eventAt(2000);
    const plan = planReveal({ index: crowd, event, current: window(0, 400), widthPx: 800, drawn: false });
    expect(plan.showItem).toBe(true);
    expect(span(plan.moveTo!)).toBeLessThan(400);
    expect(plan.moveTo!.start).toBeLessThanOrEqual(BASE + 200 * DAY);
    expect(plan.moveTo!.end).toBeGreaterThanOrEqual(BASE + 201 * DAY);
  });

  it('only brings the time of an event hidden by the filters into view: it has no item to show', () => {
    const hidden = onDay('hidden', 300);
    const far = planReveal({ index: sparse, event: hidden, current: window(0, 100), widthPx: 800, drawn: false });
    expect(far.showItem).toBe(false);
    expect(span(far.moveTo!)).toBeCloseTo(100);
    expect((far.moveTo!.start + far.moveTo!.end) / 2).toBe(BASE + 300.5 * DAY);
    const near = planReveal({ index: sparse, event: hidden, current: window(250, 100), widthPx: 800, drawn: false });
    expect(near).toEqual({ moveTo: null, showItem: false });
  });
});

describe('isRowInView', () => {
  const rows = { top: 100, bottom: 300 };

  it('is true for an item wholly within the visible rows, false for one cut at either edge or beyond', () => {
    expect(isRowInView({ top: 100, bottom: 120 }, rows)).toBe(true);
    expect(isRowInView({ top: 290, bottom: 310 }, rows)).toBe(false);
    expect(isRowInView({ top: 90, bottom: 110 }, rows)).toBe(false);
    expect(isRowInView({ top: 400, bottom: 420 }, rows)).toBe(false);
  });
});
