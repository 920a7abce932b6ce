import { describe, expect, it } from 'vitest';
import { toEpochDay } from './iso-day.ts';
import {
  advancePlayback,
  createPlaybackFrame,
  defaultPlayback,
  fadeDaysOf,
  fillPlaybackFrame,
  playbackEnd,
  playbackToStart,
  rowsInWindow,
  type Playback,
} from './playback.ts';

const day = toEpochDay;

describe('defaultPlayback', () => {
  it('shows a slice of a decade at a time and crosses it in well under a minute', () => {
    const p = defaultPlayback(day('2011-01-01'), day('2021-09-29'));
    expect(p.start).toBe(day('2011-01-01'));
    expect(p.widthDays).toBe(182);
    const seconds = (day('2021-09-29') - day('2011-01-01')) / p.daysPerSecond;
    expect(seconds).toBeGreaterThan(20);
    expect(seconds).toBeLessThan(60);
  });

  it('uses a week for a few months of data, and never a zero-width window for a single day', () => {
    expect(defaultPlayback(day('2020-01-01'), day('2020-04-01')).widthDays).toBe(7);
    const one = defaultPlayback(day('2020-01-01'), day('2020-01-01'));
    expect(one.widthDays).toBeGreaterThanOrEqual(1);
    expect(one.daysPerSecond).toBeGreaterThan(0);
  });
});

describe('advancePlayback', () => {
  const p: Playback = { start: 100, widthDays: 10, daysPerSecond: 3 };

  it('moves by whole days and carries the fraction to the next frame', () => {
    // 60 frames a second at 3 days a second: a twentieth of a day per frame, a day every 20 frames.
    let state = { playback: p, carry: 0, done: false };
    for (let frame = 0; frame < 20; frame++) state = advancePlayback(state.playback, 1000 / 60, 1000, state.carry);
    expect(state.playback.start).toBe(101);
    expect(state.done).toBe(false);
  });

  it('stops with the window’s last day on the data’s last day', () => {
    const end = advancePlayback(p, 60_000, 150);
    expect(playbackEnd(end.playback)).toBe(150);
    expect(end.done).toBe(true);
    expect(advancePlayback(end.playback, 1000, 150).playback.start).toBe(end.playback.start);
  });

  it('never moves backwards, whatever the clock says', () => {
    expect(advancePlayback(p, -500, 1000).playback.start).toBe(100);
  });
});

describe('fillPlaybackFrame', () => {
  // Rows in dataset order (by earliest day): [earliest, latest].
  const spans: [number, number][] = [
    [0, 2],
    [5, 5],
    [8, 30],
    [12, 12],
    [20, 21],
  ];
  const earliest = Int32Array.from(spans.map((s) => s[0]));
  const latest = Int32Array.from(spans.map((s) => s[1]));
  const all = Int32Array.from(spans.keys());

  it('puts overlapping events inside and recently ended ones fading, nearer the end more faded', () => {
    const frame = createPlaybackFrame(spans.length);
    fillPlaybackFrame(earliest, latest, all, 10, 15, 7, frame);
    expect([...frame.inside.subarray(0, frame.insideCount)]).toEqual([2, 3]);
    // Row 1 ended on day 5, five days before the window: fading. Row 0 ended on day 2, eight days before: gone.
    expect([...frame.fading.subarray(0, frame.fadingCount)]).toEqual([1]);
    expect(frame.fade[0]).toBeCloseTo(5 / 8);
  });

  it('reads only the filtered rows', () => {
    const frame = createPlaybackFrame(spans.length);
    fillPlaybackFrame(earliest, latest, Int32Array.of(3, 4), 10, 15, 7, frame);
    expect([...frame.inside.subarray(0, frame.insideCount)]).toEqual([3]);
    expect(frame.fadingCount).toBe(0);
  });
});

describe('playbackToStart', () => {
  const choice = { widthDays: 30, daysPerSecond: 7 };
  const first = day('2018-01-01');
  const last = day('2020-12-31');

  it('starts at the first day without a date filter', () => {
    expect(playbackToStart(choice, first, last, null, null).start).toBe(first);
  });

  it('resumes where a date filter (a paused window) starts, kept inside the span', () => {
    expect(playbackToStart(choice, first, last, day('2019-05-01'), day('2019-05-30')).start).toBe(day('2019-05-01'));
    expect(playbackToStart(choice, first, last, day('2010-01-01'), day('2010-02-01')).start).toBe(first);
  });

  it('starts again from the beginning when the window had reached the end', () => {
    const end = playbackToStart(choice, first, last, last - 29, last);
    expect(end.start).toBe(first);
  });

  it('never makes a window narrower than a day', () => {
    expect(playbackToStart({ widthDays: 0, daysPerSecond: 1 }, first, last, null, null).widthDays).toBe(1);
  });
});

describe('rowsInWindow', () => {
  it('keeps the rows whose days overlap the window, in their order', () => {
    const earliest = Int32Array.from([1, 5, 10, 20]);
    const latest = Int32Array.from([3, 12, 10, 25]);
    const rows = Int32Array.from([0, 1, 2, 3]);
    expect(Array.from(rowsInWindow(earliest, latest, rows, 10, 19))).toEqual([1, 2]);
    expect(Array.from(rowsInWindow(earliest, latest, Int32Array.from([3]), 10, 19))).toEqual([]);
  });
});

describe('fadeDaysOf', () => {
  it('fades over half a window, at least a day', () => {
    expect(fadeDaysOf({ widthDays: 30 })).toBe(15);
    expect(fadeDaysOf({ widthDays: 1 })).toBe(1);
  });
});
