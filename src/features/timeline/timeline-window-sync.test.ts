import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DateWindow } from '../../domain/url-state.ts';
import { TimelineWindowSync } from './timeline-window-sync.ts';

const SEPTEMBER: DateWindow = { start: '2021-09-01', end: '2021-09-30' };
const OCTOBER: DateWindow = { start: '2021-10-01', end: '2021-10-31' };

function setup(initial: DateWindow | null = null) {
  let shown = SEPTEMBER;
  const writes: (DateWindow | null)[] = [];
  const sync = new TimelineWindowSync({ initial, shown: () => shown, write: (w) => writes.push(w), delayMs: 250 });
  return { sync, writes, show: (w: DateWindow) => (shown = w) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('TimelineWindowSync', () => {
  it('writes one window for a whole gesture, once the user has been still for the delay', () => {
    const { sync, writes, show } = setup();
    sync.userMoved();
    vi.advanceTimersByTime(200);
    show(OCTOBER);
    sync.userMoved();
    vi.advanceTimersByTime(249);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes).toEqual([OCTOBER]);
  });

  it('does not take its own write coming back from the store for news, but does take another window', () => {
    const { sync, writes } = setup();
    sync.writeNow();
    expect(writes).toEqual([SEPTEMBER]);
    expect(sync.fromStore(SEPTEMBER)).toBe(false);
    expect(sync.fromStore(OCTOBER)).toBe(true);
    expect(sync.fromStore(OCTOBER)).toBe(false);
  });

  it('writes nothing when the window shown is the one the store holds', () => {
    const { sync, writes } = setup(SEPTEMBER);
    sync.writeNow();
    sync.userMoved();
    vi.runAllTimers();
    expect(writes).toEqual([]);
  });

  it('lets the store win over a pending write of its own (Back during a pan)', () => {
    const { sync, writes, show } = setup();
    show(OCTOBER);
    sync.userMoved();
    expect(sync.fromStore(SEPTEMBER)).toBe(true);
    vi.runAllTimers();
    expect(writes).toEqual([]);
  });

  it('owes a write after a move it started itself, and pays it when that move settles', () => {
    const { sync, writes, show } = setup();
    sync.moveSettled();
    expect(writes).toEqual([]);
    sync.writeAfterNextMove();
    show(OCTOBER);
    sync.moveSettled();
    sync.moveSettled();
    expect(writes).toEqual([OCTOBER]);
  });

  it('forgets the window on "Fit all", and writes nothing once disposed', () => {
    const { sync, writes, show } = setup(SEPTEMBER);
    sync.release();
    expect(writes).toEqual([null]);
    expect(sync.fromStore(null)).toBe(false);
    show(OCTOBER);
    sync.userMoved();
    sync.dispose();
    vi.runAllTimers();
    sync.writeNow();
    expect(writes).toEqual([null]);
  });

  it('on framing, forgets a held window but writes nothing when the store holds none', () => {
    const held = setup(SEPTEMBER);
    held.sync.releaseIfHeld();
    expect(held.writes).toEqual([null]);
    const free = setup(null);
    free.sync.userMoved();
    free.sync.releaseIfHeld();
    vi.runAllTimers();
    expect(free.writes).toEqual([]);
  });
});
