/**
 * What the timeline draws for a window, decided without touching vis: each event as its own item when few are in
 * or near view, else the density bars. vis-timeline lays out every item it holds before clustering (10k items
 * 3.5 s, 100k unusable), so it is only ever given a bounded set: at most EVENT_ITEM_LIMIT events, or the buckets.
 *
 * Units: windows are TimeRanges (epoch ms, end exclusive); coverage is in inclusive epoch days.
 */
import {
  chooseBucketUnit,
  countBuckets,
  maxBucketsFor,
  type BucketUnit,
  type DensityBucket,
} from './timeline-buckets.ts';
import {
  countBetween,
  countOverlapping,
  dayOf,
  eventDays,
  eventsOverlapping,
  type TimelineEvent,
  type TimelineIndex,
} from './timeline-index.ts';
import { MS_PER_DAY } from './timeline-items.ts';
import type { TimeRange } from './timeline-window.ts';

/** Most events the timeline holds as items at once: vis lays 500 out with clustering in ~0.1 s. */
export const EVENT_ITEM_LIMIT = 500;
/** Share of the window's span counted on each side when deciding the mode, so an event at the edge is not a surprise. */
export const DECISION_MARGIN = 0.25;
/**
 * Margins (in window spans, each side) tried for the events loaded as items, widest first: the widest whose events
 * fit under the limit is loaded, so that panning nearby needs no rebuild. Infinity means all visible events.
 */
const EVENT_LOAD_MARGINS = [Infinity, 4, 2, 1, 0.5, DECISION_MARGIN];
/** Density bars are computed this many window spans beyond each side. */
const DENSITY_LOAD_MARGIN = 1;

/** vis-timeline's cluster option maxItems: more items than this close together become a cluster. */
export const CLUSTER_MAX_ITEMS = 5;
/**
 * vis-timeline counts an item's neighbours within half its cluster window on each side; that window is 100 px of
 * time rounded to a power of two milliseconds, so at most 100·√2 px wide: neighbours lie within 71 px.
 */
const CLUSTER_RADIUS_PX = 72;

export type DisplayMode = 'events' | 'density';

/** What the timeline currently holds, for deciding whether a new window needs anything new. */
export interface DisplayState {
  mode: DisplayMode;
  index: TimelineIndex;
  /** Inclusive days whose events (or buckets) are loaded; ±Infinity when all events are. */
  fromDay: number;
  toDay: number;
  unit: BucketUnit | null;
}

export type DisplayPlan =
  | { mode: 'events'; state: DisplayState; events: TimelineEvent[]; inView: number }
  | { mode: 'density'; state: DisplayState; buckets: DensityBucket[]; inView: number };

/** The inclusive days a window touches, widened by `margin` spans on each side. */
export function windowDays(window: TimeRange, margin = 0): { from: number; to: number } {
  const pad = (window.end - window.start) * margin;
  return { from: dayOf(window.start - pad), to: dayOf(window.end - 1 + pad) };
}

/** How many visible events touch the window or its decision margin. O(log n). */
export function eventsNearWindow(index: TimelineIndex, window: TimeRange): number {
  const { from, to } = windowDays(window, DECISION_MARGIN);
  return countOverlapping(index, from, to);
}

export function chooseMode(inView: number, limit = EVENT_ITEM_LIMIT): DisplayMode {
  return inView <= limit ? 'events' : 'density';
}

/**
 * What to show for `window` (`widthPx` wide), or null when `current` already covers it: same events, same mode,
 * the window inside what is loaded, and (for density) the same bucket unit.
 */
export function planDisplay(
  index: TimelineIndex,
  window: TimeRange,
  widthPx: number,
  current: DisplayState | null,
  limit = EVENT_ITEM_LIMIT,
): DisplayPlan | null {
  const inView = eventsNearWindow(index, window);
  const mode = chooseMode(inView, limit);
  const { from, to } = windowDays(window);
  const spanDays = (window.end - window.start) / MS_PER_DAY;
  const unit = mode === 'density' ? chooseBucketUnit(spanDays, maxBucketsFor(widthPx)) : null;
  const covered =
    current !== null &&
    current.index === index &&
    current.mode === mode &&
    current.unit === unit &&
    current.fromDay <= from &&
    current.toDay >= to;
  if (covered) return null;

  if (mode === 'events') {
    for (const margin of EVENT_LOAD_MARGINS) {
      if (margin === Infinity) {
        if (index.size > limit) continue;
        const state = { mode, index, fromDay: -Infinity, toDay: Infinity, unit };
        return { mode, state, events: Array.from({ length: index.size }, (_, i) => index.eventAt(i)), inView };
      }
      const days = windowDays(window, margin);
      if (margin > DECISION_MARGIN && countOverlapping(index, days.from, days.to) > limit) continue;
      const state = { mode, index, fromDay: days.from, toDay: days.to, unit };
      return { mode, state, events: eventsOverlapping(index, days.from, days.to), inView };
    }
  }
  const days = windowDays(window, DENSITY_LOAD_MARGIN);
  const buckets = countBuckets(index, days.from, days.to, unit ?? 'year');
  // Whole buckets are loaded: coverage extends to their edges.
  const fromDay = buckets.length > 0 ? Math.min(days.from, buckets[0]!.startDay) : days.from;
  return { mode: 'density', state: { mode, index, fromDay, toDay: days.to, unit }, buckets, inView };
}

/**
 * Whether vis would draw `event` outside any cluster at a window `spanMs` wide (`widthPx` on screen): at most
 * CLUSTER_MAX_ITEMS events (itself included) may have their midpoint within vis's cluster radius of its own. An
 * estimate (vis groups greedily from the left and counts clusters already formed, and a day's point events all
 * sit at its midnight): the selected event is exempt from clustering anyway, this only chooses a readable zoom.
 */
export function wouldStandAlone(index: TimelineIndex, event: TimelineEvent, spanMs: number, widthPx: number): boolean {
  const [start, end] = eventDays(event);
  const radiusDays = (CLUSTER_RADIUS_PX * spanMs) / Math.max(widthPx, 1) / MS_PER_DAY;
  const mid = Math.floor((start + end) / 2);
  return (
    countBetween(index.sortedMidDays, Math.ceil(mid - radiusDays), Math.floor(mid + radiusDays)) <= CLUSTER_MAX_ITEMS
  );
}

/** Whether `window` shows each event as an item and `event`, within it, stands alone. */
export function wouldDrawEvent(
  index: TimelineIndex,
  event: TimelineEvent,
  window: TimeRange,
  widthPx: number,
  limit = EVENT_ITEM_LIMIT,
): boolean {
  return (
    chooseMode(eventsNearWindow(index, window), limit) === 'events' &&
    wouldStandAlone(index, event, window.end - window.start, widthPx)
  );
}

/** Narrowest window a reveal zooms to: a day, or the event's own span with a little room. */
function minRevealSpan(event: TimelineEvent): number {
  const [start, end] = eventDays(event);
  return Math.max(MS_PER_DAY, (end - start + 1) * MS_PER_DAY * 1.2);
}

/**
 * The window that shows `event` as its own item: `current` itself when the event is in it and would be drawn there;
 * else centred on it, at the current span when it would be drawn there (a pan, no zoom change), else the span halved
 * until it would be. When no span down to minRevealSpan separates it from its neighbours (a busy day), the widest
 * window that still shows events as items, where it is drawn thanks to its exemption from clustering.
 */
export function revealWindow(
  index: TimelineIndex,
  event: TimelineEvent,
  current: TimeRange,
  widthPx: number,
  limit = EVENT_ITEM_LIMIT,
): TimeRange {
  const [start, end] = eventDays(event);
  const eventWindow = { start: start * MS_PER_DAY, end: (end + 1) * MS_PER_DAY };
  if (eventWindow.start < current.end && current.start < eventWindow.end) {
    if (wouldDrawEvent(index, event, current, widthPx, limit)) return current;
  }
  const centre = (eventWindow.start + eventWindow.end) / 2;
  const centred = (span: number) => ({ start: centre - span / 2, end: centre + span / 2 });
  const floor = minRevealSpan(event);
  let widestWithItems: TimeRange | null = null;
  for (let span = current.end - current.start; ; span /= 2) {
    const window = centred(span);
    if (chooseMode(eventsNearWindow(index, window), limit) === 'events') {
      widestWithItems ??= window;
      if (wouldStandAlone(index, event, span, widthPx)) return window;
    }
    if (span / 2 < floor) break;
  }
  return widestWithItems ?? centred(floor);
}

/** From the first event's earliest day to the day after the last one's latest day; null when there are none. O(1). */
export function indexRange(index: TimelineIndex): TimeRange | null {
  const n = index.size;
  if (n === 0) return null;
  return { start: index.startDays[0]! * MS_PER_DAY, end: (index.sortedEndDays[n - 1]! + 1) * MS_PER_DAY };
}
