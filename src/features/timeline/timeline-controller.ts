/**
 * The one place that talks to vis-timeline. It owns a Timeline over a DataView of the dataset's items and exposes
 * setters the React wrapper calls from its effects; it reports user actions through callbacks and never reads the
 * store itself. Everything vis-specific (mistyped .d.ts, cluster internals, the cost of adding items) stays here.
 */
import moment from 'moment';
import type { DataSet } from 'vis-data/esnext';
import { DataView } from 'vis-data/esnext';
import type { DataInterfaceDataItem, IdType, TimelineOptions } from 'vis-timeline/esnext';
import { Timeline } from 'vis-timeline/esnext';
import type { DateWindow } from '../../domain/url-state.ts';
import type { EventTimelineItem } from './timeline-items.ts';
import { MS_PER_DAY, planVisibilityChange, stackOrder } from './timeline-items.ts';
import type { TimeRange } from './timeline-window.ts';
import { padRange, rangeToWindow, rangesDiffer, rangesOverlap, sameWindow, windowToRange } from './timeline-window.ts';

export interface TimelineCallbacks {
  /** The user picked an event on the timeline. */
  onSelect: (eventId: string) => void;
  /** The pointer entered (id) or left (null) an event. */
  onHover: (eventId: string | null) => void;
  /** The user moved or zoomed the window; null after "Fit all" (the window follows the data). */
  onWindowChange: (window: DateWindow | null) => void;
}

export interface TimelineControllerInit {
  container: HTMLElement;
  items: DataSet<EventTimelineItem, 'id'>;
  visibleIds: ReadonlySet<string>;
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
const ZOOM_MIN_MS = MS_PER_DAY;
const ZOOM_MAX_MS = 30 * 365.25 * MS_PER_DAY;
const ANIMATION = { duration: 300, easingFunction: 'easeInOutQuad' } as const;

/** Parse and format every date in UTC, so axis labels and item positions never shift with the user's time zone. */
function utcMoment(input?: moment.MomentInput): moment.Moment {
  return moment(input).utc();
}

/** Item content: the title as a text node (titles are untrusted), or a cluster's count. */
function renderItemContent(item: unknown): HTMLElement {
  const element = document.createElement('span');
  if (isClusterData(item)) {
    element.className = 'tl-cluster-count';
    element.textContent = String(item.uiItems.length);
  } else {
    element.className = 'tl-title';
    element.textContent = (item as EventTimelineItem | null)?.content ?? '';
  }
  return element;
}

/** Tooltip: title, date as the sources give it, type (and modality when it did not simply occur), as text. */
function renderTooltip(item: unknown): HTMLElement {
  const root = document.createElement('div');
  root.className = 'tl-tooltip';
  const line = (className: string, text: string) => {
    const element = document.createElement('div');
    element.className = className;
    element.textContent = text;
    root.appendChild(element);
  };
  if (isClusterData(item)) {
    line('tl-tooltip-title', `${item.uiItems.length} events`);
    line('tl-tooltip-meta', 'Click to zoom in');
  } else if (item) {
    const event = item as EventTimelineItem;
    line('tl-tooltip-title', event.content);
    line('tl-tooltip-date', event.dateLabel);
    line('tl-tooltip-meta', event.modalityLabel ? `${event.typeLabel} · ${event.modalityLabel}` : event.typeLabel);
  }
  return root;
}

interface ClusterData {
  isCluster: true;
  uiItems: unknown[];
  min?: number;
  max?: number;
}

function isClusterData(item: unknown): item is ClusterData {
  return typeof item === 'object' && item !== null && (item as { isCluster?: unknown }).isCluster === true;
}

function bothClusterable(a: unknown, b: unknown): boolean {
  return (
    (a as Partial<EventTimelineItem>).clusterable !== false && (b as Partial<EventTimelineItem>).clusterable !== false
  );
}

export class TimelineController {
  private readonly container: HTMLElement;
  private readonly items: DataSet<EventTimelineItem, 'id'>;
  private readonly bounds: TimeRange | null;
  private readonly callbacks: TimelineCallbacks;
  private visibleIds: ReadonlySet<string>;
  private selectedId: string | null = null;
  /** The store window this widget last wrote or applied: the same value coming back is not an outside change. */
  private knownWindow: DateWindow | null;
  private writeTimer: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;
  private writeOnNextRangeChanged = false;
  private timeline!: Timeline;
  private view!: DataView<EventTimelineItem, 'id'>;

  constructor(init: TimelineControllerInit) {
    this.container = init.container;
    this.items = init.items;
    this.bounds = init.bounds;
    this.callbacks = init.callbacks;
    this.visibleIds = init.visibleIds;
    this.knownWindow = init.storeWindow;
    this.mount(init.range);
  }

  destroy(): void {
    this.destroyed = true;
    this.cancelWindowWrite();
    this.unmount();
  }

  /** Show only these events. Cheap when items only leave; when many come back the timeline is rebuilt instead. */
  setVisibleIds(next: ReadonlySet<string>): void {
    const plan = planVisibilityChange(this.visibleIds, next);
    this.visibleIds = next;
    if (plan === 'none') return;
    if (plan === 'refresh') {
      this.view.refresh();
      this.restackAfterNextDraw();
    } else this.rebuild();
    // Items that come back are new item objects: they do not remember having been selected.
    this.applySelection();
  }

  /**
   * Mark the selected event; when `reveal` (its time span) is given and the event is out of sight, bring it into
   * view keeping the zoom: horizontally, and vertically when its row is scrolled away.
   */
  select(eventId: string | null, reveal: TimeRange | null): void {
    this.selectedId = eventId;
    this.applySelection();
    if (eventId === null || !reveal) return;
    const inWindow = rangesOverlap(reveal, this.currentRange());
    if (inWindow && this.isRowInView(eventId)) return;
    this.cancelWindowWrite();
    if (inWindow) {
      this.scrollToRow(eventId);
      return;
    }
    this.timeline.moveTo((reveal.start + reveal.end) / 2, { animation: ANIMATION }, () => {
      this.writeWindowNow();
      // Once drawn, the item has a row: scroll to it if it is stacked out of sight.
      this.afterNextDraw(() => {
        if (this.selectedId === eventId && !this.isRowInView(eventId)) this.scrollToRow(eventId);
      });
    });
  }

  /**
   * Scroll the stacked rows to a drawn item. vis only scrolls vertically inside focus(), which also centres the
   * item (a small pan, the zoom is kept); it must not be called for an item never drawn (its row is unknown and
   * vis would scroll to NaN), hence the DOM check.
   */
  private scrollToRow(eventId: string): void {
    if (!this.visibleIds.has(eventId) || !this.findItemElement(eventId)) return;
    // focus() has no completion callback: write the window when the move it starts has ended.
    this.writeOnNextRangeChanged = true;
    this.timeline.focus(eventId, { zoom: false, animation: ANIMATION });
  }

  /**
   * Apply the store's window when it changed from outside (a link, Back/Forward): a window is shown exactly, null
   * fits `fit()`. Values this widget wrote itself, and windows within a day of the current one, are ignored.
   */
  showStoreWindow(window: DateWindow | null, fit: () => TimeRange | null): void {
    if (sameWindow(window, this.knownWindow)) return;
    this.knownWindow = window;
    this.cancelWindowWrite();
    const target = window ? windowToRange(window) : fit();
    if (target && rangesDiffer(target, this.currentRange()))
      this.timeline.setWindow(target.start, target.end, { animation: false });
  }

  zoomIn(): void {
    this.cancelWindowWrite();
    this.timeline.zoomIn(0.5, { animation: ANIMATION }, () => this.writeWindowNow());
  }

  zoomOut(): void {
    this.cancelWindowWrite();
    this.timeline.zoomOut(0.5, { animation: ANIMATION }, () => this.writeWindowNow());
  }

  /** Fit `range` and drop the stored window: a link without a window fits whatever is visible. */
  fitAll(range: TimeRange | null): void {
    this.cancelWindowWrite();
    if (range) this.timeline.setWindow(range.start, range.end, { animation: ANIMATION });
    this.knownWindow = null;
    this.callbacks.onWindowChange(null);
  }

  private mount(range: TimeRange): void {
    this.view = new DataView(this.items, { filter: (item) => this.visibleIds.has(item.id) });
    const options: TimelineOptions = {
      height: '100%',
      autoResize: true,
      stack: true,
      order: stackOrder,
      selectable: true,
      multiselect: false,
      showCurrentTime: false,
      orientation: { axis: 'top', item: 'top' },
      margin: { axis: 8, item: { horizontal: 6, vertical: 4 } },
      zoomMin: ZOOM_MIN_MS,
      zoomMax: ZOOM_MAX_MS,
      verticalScroll: true,
      moment: utcMoment,
      template: renderItemContent,
      // The .d.ts says the tooltip template returns a string; vis appends an Element as is (no HTML parsing).
      tooltip: {
        followMouse: true,
        overflowMethod: 'cap',
        delay: 150,
        template: renderTooltip as unknown as (item: unknown) => string,
      },
      cluster: {
        maxItems: 5,
        titleTemplate: '{count} events',
        clusterCriteria: bothClusterable,
        showStipes: false,
        // A single click already zooms into a cluster; a double click would start a second animation.
        fitOnDoubleClick: false,
      },
      ...(this.bounds ? { min: new Date(this.bounds.start), max: new Date(this.bounds.end) } : {}),
    };
    // vis-timeline's DataItem type wants `content: string` and no extra fields; the DataView is what it consumes.
    this.timeline = new Timeline(this.container, this.view as unknown as DataInterfaceDataItem, options);
    // The window is set after construction, not through the start/end options: with those, vis-timeline 8.5 keeps the
    // timeline hidden through a very slow first draw (visjs/vis-timeline#1340; measured here: 10k events > 2 min).
    // Without them, vis fits all items on its first draw, overriding this window (or one a link applies just after):
    // its private flag says that fit is already done.
    (this.timeline as unknown as { initialFitDone: boolean }).initialFitDone = true;
    this.timeline.setWindow(range.start, range.end, { animation: false });
    this.timeline.on('select', (props?: { items?: IdType[] }) => this.onSelect(props?.items ?? []));
    this.timeline.on('click', (props?: { isCluster?: boolean; event?: Event; time?: Date }) => {
      if (props?.isCluster) this.zoomIntoCluster(props.event?.target ?? null, props.time ?? null);
    });
    this.timeline.on('itemover', (props?: { item?: IdType }) => {
      const id = props?.item === undefined ? null : String(props.item);
      if (id !== null && this.items.get(id) !== null) this.callbacks.onHover(id);
    });
    this.timeline.on('itemout', () => this.callbacks.onHover(null));
    this.timeline.on('rangechanged', (props?: { byUser?: boolean }) => {
      if (props?.byUser) this.scheduleWindowWrite();
      else if (this.writeOnNextRangeChanged) {
        this.writeOnNextRangeChanged = false;
        this.writeWindowNow();
      }
    });
    this.applySelection();
    this.restackAfterNextDraw();
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

  private unmount(): void {
    this.timeline.destroy();
    this.view.dispose();
  }

  private rebuild(): void {
    const range = this.currentRange();
    this.unmount();
    this.mount(range);
  }

  private onSelect(ids: IdType[]): void {
    const picked = ids.map(String).find((id) => this.items.get(id) !== null);
    if (picked !== undefined && picked !== this.selectedId) {
      this.selectedId = picked;
      this.callbacks.onSelect(picked);
    }
    // A click on empty space or on a cluster deselects in vis; the selection is the store's, so put it back.
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
    this.cancelWindowWrite();
    this.timeline.setWindow(range.start, range.end, { animation: ANIMATION }, () => this.writeWindowNow());
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

  private scheduleWindowWrite(): void {
    this.cancelWindowWrite();
    this.writeTimer = setTimeout(() => this.writeWindowNow(), WINDOW_WRITE_DELAY_MS);
  }

  private cancelWindowWrite(): void {
    clearTimeout(this.writeTimer);
    this.writeTimer = undefined;
    this.writeOnNextRangeChanged = false;
  }

  private writeWindowNow(): void {
    this.cancelWindowWrite();
    if (this.destroyed) return; // an animation can end after the component unmounted
    const window = rangeToWindow(this.currentRange());
    if (sameWindow(window, this.knownWindow)) return;
    this.knownWindow = window;
    this.callbacks.onWindowChange(window);
  }
}
