/**
 * The one place that talks to vis-timeline. It owns a Timeline over a DataView of a bounded item set, which it
 * chooses for the window (see timeline-display.ts): the events near the window as items when they are few, else
 * density bars. It exposes setters the React wrapper calls from its effects, reports user actions through callbacks
 * and never reads the store itself. Everything vis-specific (mistyped .d.ts, cluster internals, the cost of adding
 * items) stays here.
 *
 * Adding items to a live vis timeline is roughly quadratic, so a new item set is never added into it: the timeline
 * is rebuilt (destroyed and created again over a new DataSet, same window, ~0.1 s for 500 items). Only removals and
 * a few returns go through the DataView, as a filter change over the loaded events.
 */
import { DataSet, DataView } from 'vis-data/esnext';
import type { DataInterfaceDataItem, IdType, TimelineOptions } from 'vis-timeline/esnext';
import { Timeline } from 'vis-timeline/esnext';
import type { TimelineEvent } from './timeline-index.ts';
import type { DateWindow } from '../../domain/url-state.ts';
import { afterNextPaint } from '../../state/interaction-timing.ts';
import { buildBucketItems, type BucketTimelineItem } from './timeline-buckets.ts';
import {
  bothClusterable,
  isBucket,
  isClusterData,
  renderItemContent,
  renderTooltip,
  utcMoment,
} from './timeline-templates.ts';
import {
  CLUSTER_MAX_ITEMS,
  planDisplay,
  revealWindow,
  windowDays,
  type DisplayMode,
  type DisplayPlan,
  type DisplayState,
} from './timeline-display.ts';
import { countOverlapping, type TimelineIndex } from './timeline-index.ts';
import type { EventTimelineItem } from './timeline-items.ts';
import { MS_PER_DAY, buildTimelineItems, planVisibilityChange, stackOrder } from './timeline-items.ts';
import { TimelinePress } from './timeline-press.ts';
import { TimelineWindowSync } from './timeline-window-sync.ts';
import type { TimeRange } from './timeline-window.ts';
import { eventRange, padRange, rangeToWindow, rangesDiffer, rangesOverlap, windowToRange } from './timeline-window.ts';

type TimelineItem = EventTimelineItem | BucketTimelineItem;

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

/** Quiet time after the user's last pan or zoom before the window is written to the store (and the URL). */
export const WINDOW_WRITE_DELAY_MS = 250;
/** Quiet time after the user's last pan or zoom before the item set is recomputed (and perhaps rebuilt). */
export const DISPLAY_REFRESH_DELAY_MS = 200;
const ZOOM_MIN_MS = MS_PER_DAY;
const ZOOM_MAX_MS = 30 * 365.25 * MS_PER_DAY;
const ZOOM_STEP = 0.5;
const ANIMATION = { duration: 300, easingFunction: 'easeInOutQuad' } as const;

function centredOn(range: TimeRange, span: number): TimeRange {
  const centre = (range.start + range.end) / 2;
  return { start: centre - span / 2, end: centre + span / 2 };
}

export class TimelineController {
  private readonly container: HTMLElement;
  private readonly bounds: TimeRange | null;
  private readonly callbacks: TimelineCallbacks;
  private index: TimelineIndex;
  /** What the timeline holds now; null only before the first mount. */
  private display: DisplayState | null = null;
  private reported: TimelineDisplay | null = null;
  /** Ids of the loaded events the DataView lets through; null lets everything through. */
  private shownIds: ReadonlySet<string> | null = null;
  private selectedId: string | null = null;
  /** The event exempt from clustering (see setUnclustered). */
  private unclusteredId: string | null = null;
  /** An event to bring into view as its own item once the timeline has drawn. */
  private reveal: TimelineEvent | null = null;
  /** The last reveal request taken up: each is carried out once, however often the wrapper passes it. */
  private lastRevealRequestId: number | null = null;
  /** The store's window: what this widget last wrote or applied, and the writes it owes (timeline-window-sync.ts). */
  private readonly windowSync: TimelineWindowSync;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Between a press on the timeline and its release anywhere (a drag can end outside the timeline). */
  private readonly press = new TimelinePress();
  private readonly onPointerUp = () => this.press.release();
  private destroyed = false;
  private timeline!: Timeline;
  private items!: DataSet<TimelineItem, 'id'>;
  private view!: DataView<TimelineItem, 'id'>;

  constructor(init: TimelineControllerInit) {
    this.container = init.container;
    this.bounds = init.bounds;
    this.callbacks = init.callbacks;
    this.index = init.index;
    this.windowSync = new TimelineWindowSync({
      initial: init.storeWindow,
      shown: () => rangeToWindow(this.currentRange()),
      write: (window) => this.callbacks.onWindowChange(window),
      delayMs: WINDOW_WRITE_DELAY_MS,
    });
    window.addEventListener('pointerup', this.onPointerUp);
    window.addEventListener('pointercancel', this.onPointerUp);
    const plan = planDisplay(this.index, init.range, this.widthPx(), null);
    this.mount(init.range, plan!);
    this.reportDisplay();
  }

  destroy(): void {
    this.destroyed = true;
    window.removeEventListener('pointerup', this.onPointerUp);
    window.removeEventListener('pointercancel', this.onPointerUp);
    this.windowSync.dispose();
    this.cancelRefresh();
    this.unmount();
  }

  /** Show only these events (a filter change): the item set is planned again for the current window. */
  setIndex(index: TimelineIndex): void {
    if (index === this.index) return;
    this.index = index;
    this.refreshDisplay();
  }

  /**
   * Mark the selected event; when `reveal` is given, bring its event into view as its own item: a pan when it
   * would be drawn at the current zoom, else a zoom into a window around it narrow enough that it is not clustered
   * (nor counted into a density bar). An event hidden by the filters is only panned to. A request already carried
   * out is not carried out again (the selection it came with is marked already).
   */
  select(eventId: string | null, reveal: TimelineRevealRequest | null): void {
    if (reveal !== null && reveal.requestId === this.lastRevealRequestId) return;
    if (reveal !== null) this.lastRevealRequestId = reveal.requestId;
    this.selectedId = eventId;
    this.applySelection();
    this.reveal = eventId !== null ? (reveal?.event ?? null) : null;
    // Whether vis draws it on its own is read from the DOM first, with no exemption from clustering.
    this.setUnclustered(this.reveal ? null : eventId);
    if (this.reveal) this.afterSettled(() => this.revealSelected());
  }

  /**
   * Apply the store's window when it changed from outside (a link, Back/Forward): a window is shown exactly, null
   * fits `fit()`. Values this widget wrote itself, and windows within a day of the current one, are ignored.
   */
  showStoreWindow(window: DateWindow | null, fit: () => TimeRange | null): void {
    if (!this.windowSync.fromStore(window)) return;
    const target = window ? windowToRange(window) : fit();
    if (target && rangesDiffer(target, this.currentRange())) {
      this.timeline.setWindow(target.start, target.end, { animation: false });
      this.refreshDisplay();
    }
  }

  /** The days on screen now, whoever moved the window last. */
  shownWindow(): DateWindow {
    return rangeToWindow(this.currentRange());
  }

  zoomIn(): void {
    const current = this.currentRange();
    this.animateTo(centredOn(current, (current.end - current.start) / (1 + ZOOM_STEP)));
  }

  zoomOut(): void {
    const current = this.currentRange();
    this.animateTo(centredOn(current, (current.end - current.start) * (1 + ZOOM_STEP)));
  }

  /** Fit `range` and drop the stored window: a link without a window fits whatever is visible. */
  fitAll(range: TimeRange | null): void {
    if (range) this.animateTo(range, undefined, false);
    this.windowSync.release();
  }

  // ---- what is drawn

  /** Plan the item set for the current window and apply it: nothing when what is loaded covers it. */
  private refreshDisplay(): void {
    this.cancelRefresh();
    if (this.destroyed) return;
    const start = performance.now();
    const plan = planDisplay(this.index, this.currentRange(), this.widthPx(), this.display);
    if (plan) this.applyPlan(plan);
    this.reportDisplay();
    // For `npm run bench`: what a settled zoom or pan costs to re-plan and redraw (not the animation before it).
    afterNextPaint(() => performance.measure('timeline:redraw', { start, end: performance.now() }));
  }

  private applyPlan(plan: DisplayPlan): void {
    if (plan.mode === 'events' && this.display?.mode === 'events') {
      const next = new Set(plan.events.map((event) => event.id));
      const shown = this.shownIds ?? new Set(this.items.getIds().map(String));
      const allLoaded = plan.events.every((event) => this.items.get(event.id) !== null);
      const change = allLoaded ? planVisibilityChange(shown, next) : 'rebuild';
      if (change !== 'rebuild') {
        this.display = plan.state;
        this.shownIds = next;
        if (change === 'refresh') {
          this.view.refresh();
          this.restackAfterNextDraw();
        }
        // Items that come back are new item objects: they do not remember having been selected.
        this.applySelection();
        return;
      }
    }
    const range = this.currentRange();
    this.unmount();
    this.mount(range, plan);
  }

  private reportDisplay(): void {
    if (!this.display) return;
    const { from, to } = windowDays(this.currentRange());
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

  /**
   * Bring the selected event into view once the timeline has drawn: nothing when vis draws it in the window (or a
   * scroll to its row), else a pan when it would be drawn at this zoom, else a zoom into the window revealWindow
   * predicts it stands alone in. Then it is exempted from clustering, so it is drawn even where the prediction was
   * wrong (a busy day whose point events all sit at its midnight).
   */
  private revealSelected(): void {
    const event = this.reveal;
    this.reveal = null;
    if (!event || event.id !== this.selectedId) return;
    const target = eventRange(event);
    const current = this.currentRange();
    if (this.index.positionOf(event.id) < 0) {
      // Hidden by the filters: it is drawn nowhere, so only bring its time into view.
      if (!rangesOverlap(target, current)) this.animateTo(centredOn(target, current.end - current.start));
      return;
    }
    const finish = () => {
      if (this.selectedId !== event.id) return;
      // Exempting an item from clustering restacks every row: do it only when the event is still not drawn, so
      // that selecting a visible item never moves it (or its neighbours) to another row.
      if (this.findItemElement(event.id) === null) this.setUnclustered(event.id);
      this.afterSettled(() => {
        if (this.selectedId === event.id && !this.isRowInView(event.id)) this.scrollToRow(event.id);
      });
    };
    const drawn = this.findItemElement(event.id) !== null && rangesOverlap(target, current);
    const next = drawn ? current : revealWindow(this.index, event, current, this.widthPx());
    if (next === current) finish();
    else this.animateTo(next, finish);
  }

  /**
   * Scroll the stacked rows to a drawn item. vis only scrolls vertically inside focus(), which also centres the
   * item (a small pan, the zoom is kept); it must not be called for an item never drawn (its row is unknown and
   * vis would scroll to NaN), hence the DOM check.
   */
  private scrollToRow(eventId: string): void {
    if (!this.findItemElement(eventId)) return;
    // focus() has no completion callback: write the window when the move it starts has ended.
    this.windowSync.writeAfterNextMove();
    this.timeline.focus(eventId, { zoom: false, animation: ANIMATION });
  }

  // ---- vis

  private mount(range: TimeRange, plan: DisplayPlan): void {
    const density = plan.mode === 'density';
    const items: TimelineItem[] = density ? buildBucketItems(plan.buckets) : buildTimelineItems(plan.events);
    this.display = plan.state;
    this.shownIds = null;
    this.items = new DataSet<TimelineItem, 'id'>(items);
    this.view = new DataView(this.items, { filter: (item) => this.shownIds === null || this.shownIds.has(item.id) });
    const options: TimelineOptions = {
      height: '100%',
      autoResize: true,
      selectable: !density,
      multiselect: false,
      showCurrentTime: false,
      orientation: { axis: 'top', item: 'top' },
      margin: { axis: 8, item: { horizontal: density ? 0 : 6, vertical: 4 } },
      zoomMin: ZOOM_MIN_MS,
      zoomMax: ZOOM_MAX_MS,
      // The wheel scrolls the stacked rows (a short pane holds few of them); Ctrl + wheel, a trackpad pinch or the
      // buttons zoom; dragging pans. Without this the wheel always zoomed and rows below the fold were unreachable.
      verticalScroll: !density,
      zoomKey: 'ctrlKey',
      moment: utcMoment,
      template: renderItemContent,
      // The .d.ts says the tooltip template returns a string; vis appends an Element as is (no HTML parsing).
      tooltip: {
        followMouse: true,
        overflowMethod: 'cap',
        delay: 150,
        template: renderTooltip as unknown as (item: unknown) => string,
      },
      ...(density
        ? // Bars sit side by side on one row; they never overlap, so there is nothing to stack or cluster.
          { stack: false }
        : {
            stack: true,
            order: stackOrder,
            cluster: {
              maxItems: CLUSTER_MAX_ITEMS,
              titleTemplate: '{count} events',
              clusterCriteria: (a: unknown, b: unknown) =>
                bothClusterable(a, b) &&
                (a as { id?: unknown }).id !== this.unclusteredId &&
                (b as { id?: unknown }).id !== this.unclusteredId,
              showStipes: false,
              // A single click already zooms into a cluster; a double click would start a second animation.
              fitOnDoubleClick: false,
            },
          }),
      ...(this.bounds ? { min: new Date(this.bounds.start), max: new Date(this.bounds.end) } : {}),
    };
    // vis-timeline's DataItem type wants `content: string` and no extra fields; the DataView is what it consumes.
    const timeline = new Timeline(this.container, this.view as unknown as DataInterfaceDataItem, options);
    this.timeline = timeline;
    this.container.dataset.timelineMode = plan.mode;
    // The window is set after construction, not through the start/end options: with those, vis-timeline 8.5 keeps the
    // timeline hidden through a very slow first draw (visjs/vis-timeline#1340; measured here: 10k events > 2 min).
    // Without them, vis fits all items on its first draw, overriding this window (or one a link applies just after):
    // its private flag says that fit is already done.
    (timeline as unknown as { initialFitDone: boolean }).initialFitDone = true;
    timeline.setWindow(range.start, range.end, { animation: false });
    timeline.on('select', (props?: { items?: IdType[] }) => this.onSelect(props?.items ?? []));
    timeline.on('click', (props?: { isCluster?: boolean; item?: IdType | null; event?: Event; time?: Date }) => {
      // The browser sends a click at the end of a drag too: that was a pan, not a request to zoom in.
      if (!this.press.clickCounts) return;
      if (props?.isCluster) this.zoomIntoCluster(props.event?.target ?? null, props.time ?? null);
      else if (props?.item !== undefined && props.item !== null) {
        const item = this.items.get(props.item as string);
        if (isBucket(item)) this.zoomIntoBucket(item);
      }
    });
    timeline.on('itemover', (props?: { item?: IdType }) => {
      const id = props?.item === undefined ? null : String(props.item);
      if (id !== null && this.isEventItem(id)) this.callbacks.onHover(id);
    });
    timeline.on('itemout', () => this.callbacks.onHover(null));
    timeline.on('mouseDown', () => {
      this.press.press();
    });
    timeline.on('rangechange', (props?: { byUser?: boolean }) => {
      // The user is still moving: recompute once they stop.
      if (!props?.byUser) return;
      this.cancelRefresh();
      this.press.moved();
    });
    timeline.on('rangechanged', (props?: { byUser?: boolean }) => {
      if (timeline !== this.timeline) return;
      if (props?.byUser) this.windowSync.userMoved();
      else this.windowSync.moveSettled();
      this.scheduleRefresh();
    });
    this.applySelection();
    if (!density) this.restackAfterNextDraw();
  }

  /**
   * vis-timeline 8.5 computes clusters when items change but only re-stacks (and so draws the new clusters) when the
   * window moves: after a data change the clustered events vanish and their clusters do not appear until the user
   * zooms. Moving the window's end by 1 ms after the next draw forces the re-stack; no store write follows (not byUser).
   */
  private restackAfterNextDraw(): void {
    this.afterNextDraw(() => {
      const { start, end } = this.currentRange();
      this.timeline.setWindow(start, end + 1, { animation: false });
    });
  }

  /** Run `action` once, after the timeline's next redraw, unless it has been destroyed or rebuilt meanwhile. */
  private afterNextDraw(action: () => void): void {
    const timeline = this.timeline;
    const once = () => {
      timeline.off('changed', once);
      if (!this.destroyed && timeline === this.timeline) action();
    };
    timeline.on('changed', once);
  }

  /**
   * Run `action` once the timeline has drawn and the re-stack that follows a data change has been drawn too (two
   * frames later), whichever timeline is current by then. Forces a redraw, so it never waits for an idle timeline.
   */
  private afterSettled(action: () => void): void {
    const timeline = this.timeline;
    const once = () => {
      timeline.off('changed', once);
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (!this.destroyed) action();
        }),
      );
    };
    timeline.on('changed', once);
    timeline.redraw();
  }

  private unmount(): void {
    this.timeline.destroy();
    this.view.dispose();
  }

  private isEventItem(id: string): boolean {
    return this.items.get(id)?.kind === 'event';
  }

  private onSelect(ids: IdType[]): void {
    const picked = ids.map(String).find((id) => this.isEventItem(id));
    if (picked !== undefined && picked !== this.selectedId) {
      this.selectedId = picked;
      this.reveal = null;
      this.setUnclustered(picked);
      this.callbacks.onSelect(picked);
    }
    // A click on empty space or on a cluster deselects in vis; the selection is the store's, so put it back.
    this.applySelection();
  }

  /**
   * Exempt one event (the selected one, once revealed) from clustering, so it is drawn wherever it is loaded. vis
   * re-clusters when items change: touching the items of the old and the new exemption makes it do so.
   */
  private setUnclustered(eventId: string | null): void {
    const previous = this.unclusteredId;
    if (previous === eventId) return;
    this.unclusteredId = eventId;
    if (this.display?.mode !== 'events') return;
    const touched = [previous, eventId].filter((id): id is string => id !== null && this.items.get(id) !== null);
    if (touched.length === 0) return;
    this.items.update(touched.map((id) => ({ id })) as TimelineItem[]);
    this.restackAfterNextDraw();
    this.applySelection();
  }

  private applySelection(): void {
    // The .d.ts types the options argument as required; the ids argument is what matters.
    (this.timeline.setSelection as (ids: IdType[]) => void).call(
      this.timeline,
      this.selectedId === null ? [] : [this.selectedId],
    );
  }

  /** Zoom to the span of the clicked cluster's events; vis keeps that span on the cluster's DOM node. */
  private zoomIntoCluster(target: EventTarget | null, time: Date | null): void {
    const box = target instanceof Element ? target.closest('.vis-cluster') : null;
    const data = (box as { 'vis-item'?: { data?: unknown } } | null)?.['vis-item']?.data;
    const current = this.currentRange();
    let range: TimeRange;
    if (isClusterData(data) && typeof data.min === 'number' && typeof data.max === 'number') {
      range = padRange({ start: data.min, end: Math.max(data.max, data.min + MS_PER_DAY) }, 2);
    } else {
      const centre = time ? time.getTime() : (current.start + current.end) / 2;
      const half = (current.end - current.start) / 8;
      range = { start: centre - half, end: centre + half };
    }
    this.animateTo(range);
  }

  /** Zoom to a density bar's period, with a little room on each side. */
  private zoomIntoBucket(item: BucketTimelineItem): void {
    this.animateTo(padRange({ start: item.start.getTime(), end: item.end.getTime() }, 1));
  }

  /**
   * Move the window to `range` (animated), then write it to the store (unless `write` is false), plan the item set
   * for it and run `then`. vis calls back only when the window actually changed: a timer stands in otherwise.
   */
  private animateTo(range: TimeRange, then?: () => void, write = true): void {
    this.windowSync.cancel();
    this.cancelRefresh();
    const timeline = this.timeline;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(fallback);
      if (this.destroyed || timeline !== this.timeline) return;
      if (write) this.windowSync.writeNow();
      this.refreshDisplay();
      then?.();
    };
    const fallback = setTimeout(finish, ANIMATION.duration + 200);
    timeline.setWindow(range.start, range.end, { animation: ANIMATION }, finish);
  }

  /**
   * Whether the event's item is drawn within the visible rows. An item that is not drawn (inside a cluster, or
   * hidden by the filters) counts as in view: there is no row to scroll to.
   */
  private isRowInView(eventId: string): boolean {
    const element = this.findItemElement(eventId);
    const panel = this.container.querySelector('.vis-panel.vis-center');
    if (!element || !panel) return true;
    const item = element.getBoundingClientRect();
    const visible = panel.getBoundingClientRect();
    return item.top >= visible.top && item.bottom <= visible.bottom;
  }

  private findItemElement(eventId: string): Element | null {
    return this.container.querySelector(`.vis-item.tl-id-${CSS.escape(eventId)}:not(.vis-dot)`);
  }

  private currentRange(): TimeRange {
    const { start, end } = this.timeline.getWindow();
    return { start: start.getTime(), end: end.getTime() };
  }

  private widthPx(): number {
    return this.container.clientWidth || 800;
  }
}
