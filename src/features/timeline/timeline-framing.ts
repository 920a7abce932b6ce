/**
 * Which stretch of time frames a set of events: the span the timeline opens on, and the one it moves to when the
 * filters change. Not the full extent: one campaign reported "for years" (or a stray early date) would pad the view
 * into empty years and squeeze everything else at one edge. Pure, UTC, and O(1) over the index's sorted arrays.
 *
 * The rule: the span of the events' midpoint days (the day a density bar counts an event in) from the one at
 * TAIL_SHARE of the way in to the one at 1 − TAIL_SHARE, so the central ~90% of the events by date, unless the full
 * extent (earliest start to latest end) is not much wider (COMPACT_RATIO), or there are too few events to leave any
 * out: then the full extent. A date filter's range clips the span (a long event that overlaps the filter's year is
 * not a reason to show the decade around it).
 */
import type { TimelineIndex } from './timeline-index.ts';
import { MS_PER_DAY } from './timeline-items.ts';
import { fitWindow, type TimeRange } from './timeline-window.ts';

/** Share of the events, by midpoint day, left out at each end. */
export const TAIL_SHARE = 0.05;
/** The full extent is shown when it is at most this many times as long as the central span. */
export const COMPACT_RATIO = 1.5;

/** Inclusive epoch days the framing is kept within (a date filter); null for no limit on that side. */
export interface DayClip {
  fromDay: number | null;
  toDay: number | null;
}

type FramedIndex = Pick<TimelineIndex, 'size' | 'startDays' | 'sortedEndDays' | 'sortedMidDays'>;

/** The inclusive epoch days that frame the events (see the rule above), or null when there are none. */
export function framingDays(index: FramedIndex, clip: DayClip | null = null): { from: number; to: number } | null {
  const n = index.size;
  if (n === 0) return null;
  const full = { from: index.startDays[0]!, to: index.sortedEndDays[n - 1]! };
  const tail = Math.floor(n * TAIL_SHARE);
  let chosen = full;
  if (tail > 0) {
    const central = { from: index.sortedMidDays[tail]!, to: index.sortedMidDays[n - 1 - tail]! };
    if (length(full) > COMPACT_RATIO * length(central)) chosen = central;
  }
  return clipDays(chosen, clip) ?? clipDays(full, clip) ?? chosen;
}

/** The window to show for the events on a timeline `widthPx` wide: framingDays, padded as a fit is. */
export function framingWindow(index: FramedIndex, widthPx: number, clip: DayClip | null = null): TimeRange | null {
  const days = framingDays(index, clip);
  if (!days) return null;
  return fitWindow({ start: days.from * MS_PER_DAY, end: (days.to + 1) * MS_PER_DAY }, widthPx);
}

function length(days: { from: number; to: number }): number {
  return days.to - days.from + 1;
}

function clipDays(days: { from: number; to: number }, clip: DayClip | null): { from: number; to: number } | null {
  if (!clip) return days;
  const from = clip.fromDay === null ? days.from : Math.max(days.from, clip.fromDay);
  const to = clip.toDay === null ? days.to : Math.min(days.to, clip.toDay);
  return from <= to ? { from, to } : null;
}
