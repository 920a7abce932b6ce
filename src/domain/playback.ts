/**
 * Playback: a window of days moving through the filtered events, as kepler.gl plays data through time. Pure
 * arithmetic on epoch days and typed arrays, so a frame at 1,000,000 events costs one linear pass (no objects,
 * no strings): the map shows the events inside the window and fades those that just left it.
 */

/** What the user chose, and where the window stands. Days are inclusive epoch days. */
export interface Playback {
  /** First day of the window. */
  start: number;
  /** Days the window covers (≥ 1). */
  widthDays: number;
  /** How fast the window moves, in days per second of wall time. */
  daysPerSecond: number;
}

/** The window widths offered, in days: a week to a year. */
export const PLAYBACK_WIDTHS = [7, 14, 30, 91, 182, 365] as const;
/** The speeds offered, in days per second. */
export const PLAYBACK_SPEEDS = [1, 3, 7, 14, 30, 60, 120, 365] as const;
/** A default playback crosses the data in about this many seconds: long enough to follow, short enough to wait. */
const DEFAULT_CROSSING_SECONDS = 40;

function nearest(options: readonly number[], target: number): number {
  return options.reduce((best, o) => (Math.abs(Math.log(o / target)) < Math.abs(Math.log(best / target)) ? o : best));
}

/**
 * The defaults for data spanning [firstDay, lastDay]: a window about a twentieth of the span (so several windows
 * of events are seen in turn, never one day of a decade), a speed that crosses the span in ~40 s, starting at the
 * first day.
 */
export function defaultPlayback(firstDay: number, lastDay: number): Playback {
  const span = Math.max(1, lastDay - firstDay + 1);
  return {
    start: firstDay,
    widthDays: nearest(PLAYBACK_WIDTHS, span / 20),
    daysPerSecond: nearest(PLAYBACK_SPEEDS, span / DEFAULT_CROSSING_SECONDS),
  };
}

/** Inclusive last day of the window. */
export function playbackEnd(p: Pick<Playback, 'start' | 'widthDays'>): number {
  return p.start + p.widthDays - 1;
}

/**
 * The playback `elapsedMs` later: the window moves by whole days (a window is days, not instants) and stops with
 * its last day on `lastDay`. `carry` is the fraction of a day not yet moved, passed from frame to frame so a slow
 * speed at 60 frames per second still advances. `done` is true when the window has reached the end.
 */
export function advancePlayback(
  p: Playback,
  elapsedMs: number,
  lastDay: number,
  carry = 0,
): { playback: Playback; carry: number; done: boolean } {
  const lastStart = Math.max(p.start, lastDay - p.widthDays + 1);
  const moved = carry + (Math.max(0, elapsedMs) / 1000) * p.daysPerSecond;
  const whole = Math.floor(moved);
  const start = Math.min(lastStart, p.start + whole);
  const done = start >= lastStart;
  return { playback: { ...p, start }, carry: done ? 0 : moved - whole, done };
}

/** Rows inside the window and rows that left it recently, with how far they have faded (0 = just left). */
export interface PlaybackFrame {
  inside: Int32Array;
  insideCount: number;
  fading: Int32Array;
  fadingCount: number;
  /** For fading[i]: 0 just after the event left the window, approaching 1 as it leaves the fade. */
  fade: Float32Array;
}

/** Buffers for `rowCount` rows, reused frame after frame (a frame allocates nothing). */
export function createPlaybackFrame(rowCount: number): PlaybackFrame {
  return {
    inside: new Int32Array(rowCount),
    insideCount: 0,
    fading: new Int32Array(rowCount),
    fadingCount: 0,
    fade: new Float32Array(rowCount),
  };
}

/**
 * Fills `frame` for the window [start, end] over `rows` (the filtered rows): an event is inside when its days
 * overlap the window, fading when it ended within `fadeDays` before the window's first day. One pass, no
 * allocation.
 */
export function fillPlaybackFrame(
  earliest: Int32Array,
  latest: Int32Array,
  rows: Int32Array,
  start: number,
  end: number,
  fadeDays: number,
  frame: PlaybackFrame,
): void {
  let inside = 0;
  let fading = 0;
  const fadeFrom = start - fadeDays;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const last = latest[row]!;
    if (earliest[row]! > end || last < fadeFrom) continue;
    if (last >= start) frame.inside[inside++] = row;
    else {
      frame.fading[fading] = row;
      frame.fade[fading++] = (start - last) / (fadeDays + 1);
    }
  }
  frame.insideCount = inside;
  frame.fadingCount = fading;
}

/**
 * Where pressing Play starts, over data spanning [firstDay, lastDay] with the date filter `fromDay`..`toDay`
 * (epoch days, null when open): a window paused inside the span resumes there (its width is kept when it is a
 * paused window: the filter spans exactly `widthDays`), any other date filter starts the window at its first day,
 * and a window that had reached the end starts again from the beginning — pressing Play always plays.
 */
export function playbackToStart(
  choice: Pick<Playback, 'widthDays' | 'daysPerSecond'>,
  firstDay: number,
  lastDay: number,
  fromDay: number | null,
  toDay: number | null,
): Playback {
  const widthDays = Math.max(1, Math.round(choice.widthDays));
  const lastStart = Math.max(firstDay, lastDay - widthDays + 1);
  let start = fromDay === null ? firstDay : Math.min(Math.max(fromDay, firstDay), lastStart);
  if (start >= lastStart && (toDay === null || toDay >= lastDay)) start = firstDay;
  return { start, widthDays, daysPerSecond: choice.daysPerSecond };
}

/** Days an event stays drawn, fading, after it leaves the window: half a window, at least a day. */
export function fadeDaysOf(p: Pick<Playback, 'widthDays'>): number {
  return Math.max(1, Math.round(p.widthDays / 2));
}

/**
 * The rows among `rows` (ascending, as the engine returns them) whose days overlap [start, end]: what the list shows
 * while the window plays. One pass; returns a new array sized to the match.
 */
export function rowsInWindow(
  earliest: Int32Array,
  latest: Int32Array,
  rows: Int32Array,
  start: number,
  end: number,
): Int32Array {
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (earliest[row]! <= end && latest[row]! >= start) count++;
  }
  const out = new Int32Array(count);
  let at = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (earliest[row]! <= end && latest[row]! >= start) out[at++] = row;
  }
  return out;
}
