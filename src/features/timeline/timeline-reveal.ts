/**
 * How the timeline brings the selected event into view, decided from what it sees once it has drawn: leave the
 * window, pan to the event, or zoom to a window where it stands alone; then, unless the filters hide it, make sure
 * its item is drawn and its row scrolled into view. Pure: the controller reads the situation off vis and the DOM
 * (is the item drawn, where is its row) and carries the decisions out.
 */
import { revealWindow } from './timeline-display.ts';
import type { TimelineEvent, TimelineIndex } from './timeline-index.ts';
import { centredOn, eventRange, rangesOverlap, type TimeRange } from './timeline-window.ts';

export interface RevealSituation {
  /** The visible events. */
  index: TimelineIndex;
  event: TimelineEvent;
  /** The window now. */
  current: TimeRange;
  widthPx: number;
  /** Whether vis draws the event's item now (not inside a cluster nor a density bar). */
  drawn: boolean;
}

export interface RevealPlan {
  /** The window to move to first (a pan keeps the zoom, a zoom narrows it); null leaves the window as it is. */
  moveTo: TimeRange | null;
  /**
   * Then show its item: exempt it from clustering if it is still not drawn, and scroll its row into view. False for
   * an event the filters hide, which is drawn nowhere: only its time is brought into view.
   */
  showItem: boolean;
}

/**
 * Nothing moves for an item drawn in the window. Otherwise a pan when the event would be drawn at this zoom, else a
 * zoom into the window revealWindow predicts it stands alone in (the exemption from clustering then covers a wrong
 * prediction: a busy day whose point events all sit at its midnight).
 */
export function planReveal({ index, event, current, widthPx, drawn }: RevealSituation): RevealPlan {
  const target = eventRange(event);
  if (index.positionOf(event.id) < 0) {
    const moveTo = rangesOverlap(target, current) ? null : centredOn(target, current.end - current.start);
    return { moveTo, showItem: false };
  }
  if (drawn && rangesOverlap(target, current)) return { moveTo: null, showItem: true };
  const next = revealWindow(index, event, current, widthPx);
  return { moveTo: next === current ? null : next, showItem: true };
}

/** A box's extent on screen, top to bottom (a DOMRect is one). */
export interface VerticalSpan {
  top: number;
  bottom: number;
}

/** Whether an item's box lies wholly within the visible rows: a half-hidden row is scrolled in too. */
export function isRowInView(item: VerticalSpan, rows: VerticalSpan): boolean {
  return item.top >= rows.top && item.bottom <= rows.bottom;
}
