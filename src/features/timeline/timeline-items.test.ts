import { describe, expect, it } from 'vitest';
import { TYPE_COLORS } from '../../shared/event-style.ts';
import {
  LONG_SPAN_DAYS,
  MAX_UNCLUSTERED_LONG_SPANS,
  buildTimelineItems,
  dayStartUtc,
  isPointDate,
  planVisibilityChange,
  stackOrder,
  toTimelineItem,
} from './timeline-items.ts';
import { makeEvent } from './timeline-fixtures.ts';

describe('isPointDate', () => {
  it('is true only for a single, unqualified, day-precision date', () => {
    expect(isPointDate(makeEvent().date)).toBe(true);
    expect(isPointDate(makeEvent({ date: { qualifier: 'approximate' } }).date)).toBe(false);
    expect(isPointDate(makeEvent({ date: { precision: 'days' } }).date)).toBe(false);
    expect(isPointDate(makeEvent({ date: { latest: '2021-09-30', precision: 'days' } }).date)).toBe(false);
  });
});

describe('toTimelineItem', () => {
  it('draws a known day as a point at UTC midnight', () => {
    const item = toTimelineItem(makeEvent());
    expect(item.type).toBe('point');
    expect(item.start.toISOString()).toBe('2021-09-29T00:00:00.000Z');
    expect(item).not.toHaveProperty('end');
    expect(item.className.split(' ')).toEqual(
      expect.arrayContaining(['tl-event', 'tl-type-meeting', 'tl-occurred', 'tl-id-sochi-meeting']),
    );
    expect(item.className).not.toContain('tl-uncertain');
  });

  it('draws an interval as a range ending (exclusively) the day after its last possible day', () => {
    const item = toTimelineItem(
      makeEvent({ date: { earliest: '2021-09-17', latest: '2021-09-30', precision: 'days', display: 'later' } }),
    );
    expect(item.type).toBe('range');
    expect(item.start.toISOString()).toBe('2021-09-17T00:00:00.000Z');
    expect(item.end?.toISOString()).toBe('2021-10-01T00:00:00.000Z');
    expect(item.className).toContain('tl-uncertain');
  });

  it('draws an approximate single day as a one-day uncertain range', () => {
    const item = toTimelineItem(makeEvent({ date: { qualifier: 'approximate' } }));
    expect(item.type).toBe('range');
    expect(item.end?.toISOString()).toBe('2021-09-30T00:00:00.000Z');
    expect(item.className.split(' ')).toEqual(expect.arrayContaining(['tl-uncertain', 'tl-approximate']));
  });

  it('marks the modality, and labels it only when the event did not simply occur', () => {
    expect(toTimelineItem(makeEvent()).modalityLabel).toBeNull();
    const planned = toTimelineItem(makeEvent({ modality: 'planned' }));
    expect(planned.className).toContain('tl-planned');
    expect(planned.modalityLabel).toBe('Planned or announced');
    expect(toTimelineItem(makeEvent({ modality: 'hypothetical' })).className).toContain('tl-hypothetical');
  });

  it('keeps the untrusted title as plain text and builds style only from the colour table', () => {
    const title = '<img src=x onerror=alert(1)> "quoted" & more';
    const item = toTimelineItem(makeEvent({ title, type: 'attack' }));
    expect(item.content).toBe(title);
    expect(item.style).toBe(`--event-color: ${TYPE_COLORS.attack}`);
    expect(item.className).not.toContain('<');
    expect(item.dateLabel).toBe('Wednesday 29 September 2021');
    expect(item.typeLabel.length).toBeGreaterThan(0);
  });
});

describe('buildTimelineItems', () => {
  it('builds one item per event, in order', () => {
    const events = [makeEvent({ id: 'a' }), makeEvent({ id: 'b' })];
    expect(buildTimelineItems(events).map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('keeps a few long spans out of clusters, but clusters them when they are many', () => {
    const long = (id: string) =>
      makeEvent({ id, date: { earliest: '2015-01-01', latest: '2021-12-31', precision: 'years' } });
    const few = buildTimelineItems([makeEvent({ id: 'day' }), long('long')]);
    expect(few.map((i) => i.clusterable)).toEqual([true, false]);

    const many = buildTimelineItems(Array.from({ length: MAX_UNCLUSTERED_LONG_SPANS + 1 }, (_, i) => long(`l${i}`)));
    expect(many.every((i) => i.clusterable)).toBe(true);
  });

  it('counts a span as long from a year on: a season still clusters, a year does not', () => {
    const spanning = (id: string, days: number) => {
      const start = dayStartUtc('2019-01-01').getTime();
      const end = new Date(start + (days - 1) * 86_400_000).toISOString().slice(0, 10);
      return makeEvent({ id, date: { earliest: '2019-01-01', latest: end, precision: 'days' } });
    };
    const items = buildTimelineItems([spanning('season', 90), spanning('year', LONG_SPAN_DAYS)]);
    expect(items.map((i) => [i.id, i.clusterable])).toEqual([
      ['season', true],
      ['year', false],
    ]);
  });
});

describe('planVisibilityChange', () => {
  const set = (...ids: string[]) => new Set(ids);

  it('does nothing when the set is the same', () => {
    const ids = set('a', 'b');
    expect(planVisibilityChange(ids, ids)).toBe('none');
    expect(planVisibilityChange(set('a', 'b'), set('b', 'a'))).toBe('none');
  });

  it('refreshes the view when items only leave, or few come back', () => {
    expect(planVisibilityChange(set('a', 'b', 'c'), set('a'))).toBe('refresh');
    expect(planVisibilityChange(set('a'), set('a', 'b'), 5)).toBe('refresh');
  });

  it('rebuilds when many items come back (adding to a live timeline is quadratic)', () => {
    const all = new Set(Array.from({ length: 500 }, (_, i) => `e${i}`));
    expect(planVisibilityChange(set('e1'), all, 100)).toBe('rebuild');
  });
});

describe('stackOrder', () => {
  const at = (day: string) => dayStartUtc(day);
  it('puts points and short spans above long ones, then orders by start', () => {
    const point = { start: at('2021-09-28') };
    const week = { start: at('2021-09-20'), end: at('2021-09-27') };
    const years = { start: at('2011-01-01'), end: at('2021-09-29') };
    const earlyPoint = { start: at('2018-09-17'), end: null };
    expect([years, week, point, earlyPoint].sort(stackOrder)).toEqual([earlyPoint, point, week, years]);
  });
});
