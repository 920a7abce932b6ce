/**
 * Converting between the timeline's visible window (two instants, end exclusive) and the store's window (two
 * inclusive ISO days), and choosing the window to show. Pure and UTC-only.
 */
import type { TimelineEvent } from './timeline-index.ts';
import { addDays, fromEpochDay } from '../../domain/iso-day.ts';
import type { DateWindow } from '../../domain/url-state.ts';
import { MS_PER_DAY, dayStartUtc } from './timeline-items.ts';

/** A visible window in epoch milliseconds, end exclusive. */
export interface TimeRange {
  start: number;
  end: number;
}

/** Share of the events' span added on each side when fitting, so edge items are not glued to the border. */
const FIT_MARGIN = 0.05;
/** Narrowest window a fit produces: a single event is shown within its week, not stretched over the screen. */
const MIN_FIT_DAYS = 7;

/** The store window (inclusive days) as instants: from UTC midnight of `start` to UTC midnight after `end`. */
export function windowToRange(window: DateWindow): TimeRange {
  return { start: dayStartUtc(window.start).getTime(), end: dayStartUtc(addDays(window.end, 1)).getTime() };
}

/**
 * The inclusive ISO days a visible range touches: the day of its start and the day of its last instant. Round-trips
 * with windowToRange, and is within a day of the range on each side, so writing it back never moves the widget.
 */
export function rangeToWindow(range: TimeRange): DateWindow {
  const startDay = Math.floor(range.start / MS_PER_DAY);
  const endDay = Math.max(startDay, Math.floor((range.end - 1) / MS_PER_DAY));
  return { start: fromEpochDay(startDay), end: fromEpochDay(endDay) };
}

export function sameWindow(a: DateWindow | null, b: DateWindow | null): boolean {
  return a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end);
}

/** True when either edge of the two ranges is more than `toleranceMs` apart (default: one day). */
export function rangesDiffer(a: TimeRange, b: TimeRange, toleranceMs = MS_PER_DAY): boolean {
  return Math.abs(a.start - b.start) > toleranceMs || Math.abs(a.end - b.end) > toleranceMs;
}

/** The instants an event's date covers: UTC midnight of `earliest` to UTC midnight after `latest`. */
export function eventRange(event: TimelineEvent): TimeRange {
  return windowToRange({ start: event.date.earliest, end: event.date.latest });
}

export function rangesOverlap(a: TimeRange, b: TimeRange): boolean {
  return a.start < b.end && b.start < a.end;
}

/** A window `span` wide around the middle of `range`. */
export function centredOn(range: TimeRange, span: number): TimeRange {
  const centre = (range.start + range.end) / 2;
  return { start: centre - span / 2, end: centre + span / 2 };
}

/**
 * The window that shows `range` whole on a timeline `widthPx` wide: a margin on each side, at least MIN_FIT_DAYS
 * wide, and room on the right for the titles of the latest events (drawn to the right of their day, they were cut
 * at the edge): LABEL_ROOM_PX of screen, or LABEL_ROOM_SHARE of a narrow timeline.
 */
export function fitWindow(range: TimeRange, widthPx = DEFAULT_WIDTH_PX): TimeRange {
  const padded = padRange(range, MIN_FIT_DAYS);
  const width = Math.max(widthPx, 1);
  const roomPx = Math.min(LABEL_ROOM_PX, width * LABEL_ROOM_SHARE);
  const span = padded.end - padded.start;
  return { start: padded.start, end: padded.end + (span * roomPx) / (width - roomPx) };
}

/** Screen width kept free right of the latest event for its title (the title wraps at about this width). */
const LABEL_ROOM_PX = 170;
/** At most this share of the timeline’s width is kept for titles (a phone’s timeline is ~390 px wide, its titles 32vw). */
const LABEL_ROOM_SHARE = 0.36;
/** The width assumed when the caller does not know it. */
const DEFAULT_WIDTH_PX = 800;

/** `range` widened by FIT_MARGIN on each side, and to at least `minDays`, around its centre. */
export function padRange(range: TimeRange, minDays: number): TimeRange {
  const margin = (range.end - range.start) * FIT_MARGIN;
  let start = range.start - margin;
  let end = range.end + margin;
  const minWidth = minDays * MS_PER_DAY;
  if (end - start < minWidth) {
    const centre = (start + end) / 2;
    start = centre - minWidth / 2;
    end = centre + minWidth / 2;
  }
  return { start, end };
}
