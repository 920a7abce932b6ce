/**
 * The timeline's orchestrator, between the React wrapper (event-timeline.tsx) and the vis widget
 * (timeline-vis-host.ts). It chooses the bounded item set for the window (timeline-display.ts: the events near the window as items when they
 * are few, else density bars) and applies it the cheap way when it can; it keeps the store's window in step
 * (timeline-window-sync.ts), tells a press from a drag (timeline-press.ts), and carries out reveals of the selection
 * (decided in timeline-reveal.ts) step by step, as vis draws and moves. It exposes setters the wrapper calls from its
 * effects, reports user actions through callbacks and never reads the store itself.
 */
import type { DateWindow } from '../../domain/url-state.ts';
import { afterNextPaint } from '../../state/interaction-timing.ts';
import { planDisplay, windowDays, type DisplayMode, type DisplayPlan, type DisplayState } from './timeline-display.ts';
import { countOverlapping, type TimelineEvent, type TimelineIndex } from './timeline-index.ts';
import { MS_PER_DAY, planVisibilityChange } from './timeline-items.ts';
import { TimelinePress } from './timeline-press.ts';
import { isRowInView, planReveal } from './timeline-reveal.ts';
import { TimelineVisHost } from './timeline-vis-host.ts';
import { TimelineWindowSync } from './timeline-window-sync.ts';
import type { TimeRange } from './timeline-window.ts';
import { centredOn, padRange, rangeToWindow, rangesDiffer, windowToRange } from './timeline-window.ts';

/** What the timeline draws, for the wrapper's "N events in view" note. */
export interface TimelineDisplay {
  mode: DisplayMode;
  /** Visible events touching the window. */
  inView: number;
}

export interface TimelineCallbacks {
  /** The user picked an event on the timeline. */
  onSelect: (eventId: string) => void;
  /** The pointer entered (id) or left (null) an event. */
  onHover: (eventId: string | null) => void;
  /** The user moved or zoomed the window; null after "Fit all" (the window follows the data). */
  onWindowChange: (window: DateWindow | null) => void;
  /** The mode or the count of events in view changed. */
  onDisplayChange: (display: TimelineDisplay) => void;
  /**
   * Whether a filter change left the window where the user had put it (true), so the results may lie outside it
   * and "Fit to results" is worth offering; false once the window frames them again.
   */
  onFramingSkipped: (skipped: boolean) => void;
  /** vis redrew: what is laid over the axis (the playback window) is placed again. */
  onDrawn?: () => void;
}

/** The store's request to reveal the selection (see RevealRequest), with the event it names. */
export interface TimelineRevealRequest {
  requestId: number;
  event: TimelineEvent;
}

export interface TimelineControllerInit {
  container: HTMLElement;
  /** The visible events. */
  index: TimelineIndex;
  /** What to show first. */
  range: TimeRange;
  /** The store's window that `range` came from (null when it is a fit), so it is not applied a second time. */
  storeWindow: DateWindow | null;
  /** How far the user may pan, or null for no limit. */
  bounds: TimeRange | null;
  callbacks: TimelineCallbacks;
}

/**
 * Where bringing the selected event into view stands. Each step waits for vis (a draw, a move) and goes on only if
 * the reveal is still this one: another selection, or a click on the timeline, replaces it.
 */
type RevealState =
  | { step: 'idle' }
  /** Asked for: waits for the timeline to draw, to see whether vis draws the event where it is. */
  | { step: 'awaiting-draw'; event: TimelineEvent }
  /** The window is moving to the event (planReveal's pan or zoom). */
  | { step: 'moving'; event: TimelineEvent }
  /** In the window and drawn: waits for the re-stack to be drawn, then scrolls its row in if it is not in view. */
  | { step: 'awaiting-row'; event: TimelineEvent };

const IDLE: RevealState = { step: 'idle' };

/** Quiet time after the user's last pan or zoom before the window is written to the store (and the URL). */
export const WINDOW_WRITE_DELAY_MS = 250;
/** Quiet time after the user's last pan or zoom before the item set is recomputed (and perhaps rebuilt). */
export const DISPLAY_REFRESH_DELAY_MS = 200;
const ZOOM_STEP = 0.5;

export class TimelineController {
  private readonly callbacks: TimelineCallbacks;
  private readonly host: TimelineVisHost;
  private index: TimelineIndex;
  /** What the timeline holds now. */
  private display: DisplayState;
  private reported: TimelineDisplay | null = null;
  private selectedId: string | null = null;
  private reveal: RevealState = IDLE;
  /** The last reveal request taken up: each is carried out once, however often the wrapper passes it. */
  private lastRevealRequestId: number | null = null;
  /** The store's window: what this widget last wrote or applied, and the writes it owes (timeline-window-sync.ts). */
  private readonly windowSync: TimelineWindowSync;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Whether the window is one the user chose (a pan, a zoom, a click into a cluster, a link's window) since the
   * timeline last framed the events: then a filter change does not move it.
   */
  private handMoved: boolean;
  private framingSkipped = false;
  /** Between a press on the timeline and its release anywhere (a drag can end outside the timeline). */
  private readonly press = new TimelinePress();
  private readonly onPointerUp = () => this.press.release();

  constructor(init: TimelineControllerInit) {
    this.callbacks = init.callbacks;
    this.index = init.index;
    this.handMoved = init.storeWindow !== null;
    this.host = new TimelineVisHost({
      container: init.container,
      bounds: init.bounds,
      handlers: {
        onPick: (eventId) => this.onPick(eventId),
        onClusterClick: (span, time) => {
          // The browser sends a click at the end of a drag too: that was a pan, not a request to zoom in.
          if (!this.press.clickCounts) return;
          this.handMoved = true;
          this.zoomIntoCluster(span, time);
        },
        onBucketClick: (period) => {
          if (!this.press.clickCounts) return;
          this.handMoved = true;
          this.animateTo(padRange(period, 1));
        },
        onHover: (eventId) => this.callbacks.onHover(eventId),
        onPress: () => this.press.press(),
        onUserMoving: () => {
          // The user is still moving: recompute once they stop.
          this.cancelRefresh();
          this.press.moved();
        },
        onMoveSettled: (byUser) => {
          if (byUser) {
            this.handMoved = true;
            this.windowSync.userMoved();
          } else this.windowSync.moveSettled();
          this.scheduleRefresh();
        },
        onDrawn: () => this.callbacks.onDrawn?.(),
      },
    });
    this.windowSync = new TimelineWindowSync({
      initial: init.storeWindow,
      shown: () => this.shownWindow(),
      write: (window) => this.callbacks.onWindowChange(window),
      delayMs: WINDOW_WRITE_DELAY_MS,
    });
    window.addEventListener('pointerup', this.onPointerUp);
    window.addEventListener('pointercancel', this.onPointerUp);
    const plan = planDisplay(this.index, init.range, this.host.widthPx(), null)!;
    this.display = plan.state;
    this.host.mount(init.range, plan);
    this.reportDisplay();
  }

  destroy(): void {
    window.removeEventListener('pointerup', this.onPointerUp);
    window.removeEventListener('pointercancel', this.onPointerUp);
    this.windowSync.dispose();
    this.cancelRefresh();
    this.host.destroy();
  }

  /**
   * Show only these events (a filter change): the item set is planned again for the current window, and the window
   * moves (animated) to `frame`, the span that frames them, unless the user chose the window (see handMoved): then
   * it stays, and the skip is reported so that the wrapper offers "Fit to results".
   */
  setIndex(index: TimelineIndex, frame: TimeRange | null = null): void {
    if (index === this.index) return;
    this.index = index;
    this.refreshDisplay();
    if (!frame) return;
    if (this.handMoved) this.setFramingSkipped(true);
    else this.frame(frame);
  }

  /**
   * Move the window to `range`, the span that frames the visible events ("Fit to results", or after a filter
   * change): the window follows the data again, so the store forgets its window (a link then frames the results).
   */
  frame(range: TimeRange): void {
    this.handMoved = false;
    this.setFramingSkipped(false);
    if (rangesDiffer(range, this.host.currentRange())) this.animateTo(range, undefined, false);
    this.windowSync.releaseIfHeld();
  }

  /**
   * Mark the selected event; when `reveal` is given, bring its event into view as its own item (see planReveal).
   * A request already carried out is not carried out again (the selection it came with is marked already).
   */
  select(eventId: string | null, reveal: TimelineRevealRequest | null): void {
    if (reveal !== null && reveal.requestId === this.lastRevealRequestId) return;
    if (reveal !== null) this.lastRevealRequestId = reveal.requestId;
    this.selectedId = eventId;
    this.host.select(eventId);
    const event = eventId !== null ? (reveal?.event ?? null) : null;
    // Whether vis draws it on its own is read from the DOM first, with no exemption from clustering.
    this.host.setUnclustered(event ? null : eventId);
    if (!event) {
      this.reveal = IDLE;
      return;
    }
    const awaiting: RevealState = { step: 'awaiting-draw', event };
    this.reveal = awaiting;
    this.host.afterSettled(() => {
      if (this.reveal === awaiting) this.revealInWindow(event);
    });
  }

  /**
   * Apply the store's window when it changed from outside (a link, Back/Forward): a window is shown exactly, null
   * fits `fit()`. Values this widget wrote itself, and windows within a day of the current one, are ignored.
   */
  showStoreWindow(window: DateWindow | null, fit: () => TimeRange | null): void {
    if (!this.windowSync.fromStore(window)) return;
    // A window from a link or the history is a chosen one; none means the window follows the data again.
    this.handMoved = window !== null;
    if (window === null) this.setFramingSkipped(false);
    const target = window ? windowToRange(window) : fit();
    if (target && rangesDiffer(target, this.host.currentRange())) {
      this.host.jumpTo(target);
      this.refreshDisplay();
    }
  }

  /** The timeline's width on screen, in CSS pixels. */
  widthPx(): number {
    return this.host.widthPx();
  }

  /** The days on screen now, whoever moved the window last. */
  shownWindow(): DateWindow {
    return rangeToWindow(this.host.currentRange());
  }

  /**
   * Where `range` lies on screen, in CSS pixels from the container's left edge, clipped to the axis; null when it
   * is entirely off screen. For overlays drawn over the axis (the playback window), which must not cost a vis redraw.
   */
  screenSpan(range: TimeRange): { left: number; width: number } | null {
    const shown = this.host.currentRange();
    const axis = this.host.axisBox();
    const perMs = axis.width / Math.max(1, shown.end - shown.start);
    const left = Math.max(0, (range.start - shown.start) * perMs);
    const right = Math.min(axis.width, (range.end - shown.start) * perMs);
    if (right <= 0 || left >= axis.width) return null;
    return { left: axis.left + left, width: Math.max(2, right - left) };
  }

  /**
   * Keeps a playing window on screen, as a video editor's playhead pages the view: when it runs off the right
   * edge the view jumps (no animation: the window moves every frame already) so that it starts a quarter in, at a
   * zoom that shows it at most a third of the width. The jump is the app's, not the user's: no window is written.
   */
  follow(range: TimeRange): void {
    const shown = this.host.currentRange();
    const shownSpan = shown.end - shown.start;
    const width = range.end - range.start;
    if (range.start >= shown.start && range.end <= shown.end && 3 * width <= shownSpan * 1.01) return;
    const span = Math.max(shownSpan, 3 * width);
    const start = range.start - span / 4;
    this.host.jumpTo({ start, end: start + span });
  }

  zoomIn(): void {
    this.handMoved = true;
    const current = this.host.currentRange();
    this.animateTo(centredOn(current, (current.end - current.start) / (1 + ZOOM_STEP)));
  }

  zoomOut(): void {
    this.handMoved = true;
    const current = this.host.currentRange();
    this.animateTo(centredOn(current, (current.end - current.start) * (1 + ZOOM_STEP)));
  }

  /** Fit `range` and drop the stored window: a link without a window fits whatever is visible. */
  fitAll(range: TimeRange | null): void {
    this.handMoved = false;
    this.setFramingSkipped(false);
    if (range) this.animateTo(range, undefined, false);
    this.windowSync.release();
  }

  // ---- what is drawn

  /** Plan the item set for the current window and apply it: nothing when what is loaded covers it. */
  private refreshDisplay(): void {
    this.cancelRefresh();
    if (this.host.isDestroyed) return;
    const start = performance.now();
    const plan = planDisplay(this.index, this.host.currentRange(), this.host.widthPx(), this.display);
    if (plan) this.applyPlan(plan);
    this.reportDisplay();
    // For `npm run bench`: what a settled zoom or pan costs to re-plan and redraw (not the animation before it).
    afterNextPaint(() => performance.measure('timeline:redraw', { start, end: performance.now() }));
  }

  /** Filter the loaded events when the plan only hides some of them (or brings a few back), else rebuild. */
  private applyPlan(plan: DisplayPlan): void {
    const previousMode = this.display.mode;
    this.display = plan.state;
    if (plan.mode === 'events' && previousMode === 'events') {
      const next = new Set(plan.events.map((event) => event.id));
      const allLoaded = plan.events.every((event) => this.host.holds(event.id));
      const change = allLoaded ? planVisibilityChange(this.host.shownItemIds(), next) : 'rebuild';
      if (change !== 'rebuild') {
        this.host.showOnly(next, change === 'refresh');
        return;
      }
    }
    this.host.rebuild(plan);
  }

  private setFramingSkipped(skipped: boolean): void {
    if (this.framingSkipped === skipped) return;
    this.framingSkipped = skipped;
    this.callbacks.onFramingSkipped(skipped);
  }

  private reportDisplay(): void {
    const { from, to } = windowDays(this.host.currentRange());
    const display = { mode: this.display.mode, inView: countOverlapping(this.index, from, to) };
    if (this.reported?.mode === display.mode && this.reported.inView === display.inView) return;
    this.reported = display;
    this.callbacks.onDisplayChange(display);
  }

  private scheduleRefresh(): void {
    this.cancelRefresh();
    this.refreshTimer = setTimeout(() => {
      // Rebuilding under a pointer that is still down would cut the user's drag short.
      if (this.press.isDown) this.scheduleRefresh();
      else this.refreshDisplay();
    }, DISPLAY_REFRESH_DELAY_MS);
  }

  private cancelRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
  }

  // ---- revealing the selected event

  /** The timeline has drawn: move the window as planReveal says, then show the item. */
  private revealInWindow(event: TimelineEvent): void {
    const plan = planReveal({
      index: this.index,
      event,
      current: this.host.currentRange(),
      widthPx: this.host.widthPx(),
      drawn: this.host.isDrawn(event.id),
    });
    const showItem = () => {
      if (plan.showItem) this.showRevealedItem(event);
      else this.reveal = IDLE;
    };
    if (plan.moveTo === null) {
      showItem();
      return;
    }
    const moving: RevealState = { step: 'moving', event };
    this.reveal = moving;
    this.animateTo(plan.moveTo, () => {
      if (this.reveal === moving) showItem();
    });
  }

  /** The event is in the window: make sure vis draws its item, then that its row is in view. */
  private showRevealedItem(event: TimelineEvent): void {
    // Exempting an item from clustering restacks every row: do it only when the event is still not drawn, so
    // that selecting a visible item never moves it (or its neighbours) to another row.
    if (!this.host.isDrawn(event.id)) this.host.setUnclustered(event.id);
    const awaitingRow: RevealState = { step: 'awaiting-row', event };
    this.reveal = awaitingRow;
    this.host.afterSettled(() => {
      if (this.reveal !== awaitingRow) return;
      this.reveal = IDLE;
      // An item that is not drawn (inside a cluster, hidden by the filters) has no row to scroll to.
      const position = this.host.rowPosition(event.id);
      if (position && !isRowInView(position.item, position.rows)) {
        // focus() has no completion callback: write the window when the move it starts has ended.
        this.windowSync.writeAfterNextMove();
        this.host.focus(event.id);
      }
    });
  }

  // ---- the user's actions

  private onPick(picked: string | null): void {
    if (picked !== null && picked !== this.selectedId) {
      this.selectedId = picked;
      this.reveal = IDLE;
      this.host.select(picked);
      this.host.setUnclustered(picked);
      this.callbacks.onSelect(picked);
    }
    // A click on empty space or on a cluster deselects in vis; the selection is the store's, so put it back.
    this.host.select(this.selectedId);
  }

  /** Zoom to the span of the clicked cluster's events, else to a quarter of the window around the click. */
  private zoomIntoCluster(span: TimeRange | null, time: Date | null): void {
    if (span) {
      this.animateTo(padRange({ start: span.start, end: Math.max(span.end, span.start + MS_PER_DAY) }, 2));
      return;
    }
    const current = this.host.currentRange();
    const centre = time ? time.getTime() : (current.start + current.end) / 2;
    this.animateTo(centredOn({ start: centre, end: centre }, (current.end - current.start) / 4));
  }

  /**
   * Move the window to `range` (animated), then write it to the store (unless `write` is false), plan the item set
   * for it and run `then`.
   */
  private animateTo(range: TimeRange, then?: () => void, write = true): void {
    this.windowSync.cancel();
    this.cancelRefresh();
    this.host.moveTo(range, () => {
      if (write) this.windowSync.writeNow();
      this.refreshDisplay();
      then?.();
    });
  }
}
