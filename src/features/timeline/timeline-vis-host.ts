/**
 * The vis-timeline widget itself: one Timeline over a DataView of a bounded item set, built for a display plan
 * (timeline-display.ts), and every workaround vis-timeline 8.5 needs: the first fit it must be kept from doing, the
 * re-stack it skips after a data change, the move that never calls back, the cluster data it keeps on DOM nodes, the
 * selection that items forget, the mistyped .d.ts. It decides nothing: the controller (timeline-controller.ts) says
 * what to show and where, and hears the user's actions through VisHostHandlers, already out of vis's terms.
 *
 * Adding items to a live vis timeline is roughly quadratic, so a new item set is never added into it: the timeline
 * is rebuilt (destroyed and created again over a new DataSet, same window, ~0.1 s for 500 items). Only removals and
 * a few returns go through the DataView, as a filter over the loaded events.
 */
import { DataSet, DataView } from 'vis-data/esnext';
import type { DataInterfaceDataItem, IdType, TimelineOptions } from 'vis-timeline/esnext';
import { Timeline } from 'vis-timeline/esnext';
import { buildBucketItems, type BucketTimelineItem } from './timeline-buckets.ts';
import { CLUSTER_MAX_ITEMS, type DisplayMode, type DisplayPlan } from './timeline-display.ts';
import type { EventTimelineItem } from './timeline-items.ts';
import { MS_PER_DAY, buildTimelineItems, stackOrder } from './timeline-items.ts';
import type { VerticalSpan } from './timeline-reveal.ts';
import {
  bothClusterable,
  isBucket,
  isClusterData,
  renderItemContent,
  renderTooltip,
  utcMoment,
} from './timeline-templates.ts';
import { rangeToWindow, type TimeRange } from './timeline-window.ts';

type TimelineItem = EventTimelineItem | BucketTimelineItem;

/** What the user did on the timeline, in the controller's terms. */
export interface VisHostHandlers {
  /** vis selected on a click: the event picked, or null (a click on empty space or on a cluster deselects in vis). */
  onPick: (eventId: string | null) => void;
  /** A click on a cluster: the span of its events (null when vis does not tell it) and the time clicked. */
  onClusterClick: (span: TimeRange | null, time: Date | null) => void;
  /** A click on a density bar: its period. */
  onBucketClick: (period: TimeRange) => void;
  /** The pointer entered (id) or left (null) an event. */
  onHover: (eventId: string | null) => void;
  /** A press on the timeline, the start of a click or of a drag. */
  onPress: () => void;
  /** The user is moving the window. */
  onUserMoving: () => void;
  /** The window has settled after a move, the user's (`byUser`) or the app's. */
  onMoveSettled: (byUser: boolean) => void;
  /** vis redrew (the window moved, even by a pixel, or the items changed): overlays follow the axis. */
  onDrawn: () => void;
}

export interface VisHostInit {
  container: HTMLElement;
  /** How far the user may pan, or null for no limit. */
  bounds: TimeRange | null;
  handlers: VisHostHandlers;
}

const ZOOM_MIN_MS = MS_PER_DAY;
const ZOOM_MAX_MS = 30 * 365.25 * MS_PER_DAY;
const ANIMATION = { duration: 300, easingFunction: 'easeInOutQuad' } as const;

/**
 * The time axis. vis chooses its scale from the width of seven label characters: from months it goes straight to
 * every second day, so a window of two or three months showed month names only. Its week scale (showWeekScale)
 * adds a step in between, a tick each Monday and on the 1st: labelled with the day of the month, days show from
 * about three months on a wide timeline (when a day is 7 px or more). With the week scale on, vis also marks
 * Mondays as major on the day scale: those labels name the day, not just the month they would repeat.
 */
const AXIS_OPTIONS = {
  showWeekScale: true,
  format: {
    minorLabels: { week: 'D' },
    majorLabels: { week: 'MMMM YYYY', day: 'D MMM YYYY', weekday: 'D MMM YYYY' },
  },
} satisfies Partial<TimelineOptions>;

export class TimelineVisHost {
  private readonly container: HTMLElement;
  private readonly bounds: TimeRange | null;
  private readonly handlers: VisHostHandlers;
  private mode: DisplayMode = 'events';
  /** Ids of the loaded events the DataView lets through; null lets everything through. */
  private shownIds: ReadonlySet<string> | null = null;
  /** What vis is to show as selected: re-applied whenever vis would forget it. */
  private selectedId: string | null = null;
  /** The event exempt from clustering (see setUnclustered). */
  private unclusteredId: string | null = null;
  private destroyed = false;
  private timeline!: Timeline;
  private items!: DataSet<TimelineItem, 'id'>;
  private view!: DataView<TimelineItem, 'id'>;

  constructor(init: VisHostInit) {
    this.container = init.container;
    this.bounds = init.bounds;
    this.handlers = init.handlers;
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Create the timeline over the plan's items, showing `range`. */
  mount(range: TimeRange, plan: DisplayPlan): void {
    const density = plan.mode === 'density';
    const items: TimelineItem[] = density ? buildBucketItems(plan.buckets) : buildTimelineItems(plan.events);
    this.mode = plan.mode;
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
      ...AXIS_OPTIONS,
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
    this.exposeWindow();
    this.listen(timeline);
    this.applySelection();
    if (!density) this.restackAfterNextDraw();
  }

  /** Destroy the timeline and create it again over the plan's items, at the window it shows now. */
  rebuild(plan: DisplayPlan): void {
    const range = this.currentRange();
    this.unmount();
    this.mount(range, plan);
  }

  destroy(): void {
    this.destroyed = true;
    this.unmount();
  }

  /** The ids of the loaded items the DataView lets through. */
  shownItemIds(): ReadonlySet<string> {
    return this.shownIds ?? new Set(this.items.getIds().map(String));
  }

  /** Whether the item is loaded (whether or not the DataView lets it through). */
  holds(id: string): boolean {
    return this.items.get(id) !== null;
  }

  /**
   * Let only these loaded items through; `redraw` when that changes what is drawn. Items that come back are new
   * item objects: they do not remember having been selected, so the selection is applied again.
   */
  showOnly(ids: ReadonlySet<string>, redraw: boolean): void {
    this.shownIds = ids;
    if (redraw) {
      this.view.refresh();
      this.restackAfterNextDraw();
    }
    this.applySelection();
  }

  /** Mark an event as selected (none for null). */
  select(eventId: string | null): void {
    this.selectedId = eventId;
    this.applySelection();
  }

  /**
   * Exempt one event from clustering (the selected one, once revealed), so it is drawn wherever it is loaded. vis
   * re-clusters when items change: touching the items of the old and the new exemption makes it do so.
   */
  setUnclustered(eventId: string | null): void {
    const previous = this.unclusteredId;
    if (previous === eventId) return;
    this.unclusteredId = eventId;
    if (this.mode !== 'events') return;
    const touched = [previous, eventId].filter((id): id is string => id !== null && this.holds(id));
    if (touched.length === 0) return;
    this.items.update(touched.map((id) => ({ id })) as TimelineItem[]);
    this.restackAfterNextDraw();
    this.applySelection();
  }

  currentRange(): TimeRange {
    const { start, end } = this.timeline.getWindow();
    return { start: start.getTime(), end: end.getTime() };
  }

  widthPx(): number {
    return this.container.clientWidth || 800;
  }

  /**
   * Where vis draws the time axis inside the container, in CSS pixels: its centre panel (the area between any side
   * panels), which is what a date's position is measured along.
   */
  axisBox(): { left: number; width: number } {
    const panel = this.container.querySelector<HTMLElement>('.vis-panel.vis-center');
    if (!panel) return { left: 0, width: this.widthPx() };
    return { left: panel.offsetLeft, width: panel.clientWidth || this.widthPx() };
  }

  /** Show `range` at once (no animation). */
  jumpTo(range: TimeRange): void {
    this.timeline.setWindow(range.start, range.end, { animation: false });
  }

  /**
   * Animate the window to `range`, then call `arrived` once, unless the timeline was destroyed or rebuilt meanwhile.
   * vis calls back only when the window actually changed: a timer stands in otherwise.
   */
  moveTo(range: TimeRange, arrived: () => void): void {
    const timeline = this.timeline;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(fallback);
      if (!this.destroyed && timeline === this.timeline) arrived();
    };
    const fallback = setTimeout(finish, ANIMATION.duration + 200);
    timeline.setWindow(range.start, range.end, { animation: ANIMATION }, finish);
  }

  /**
   * Scroll the stacked rows to a drawn item. vis only scrolls vertically inside focus(), which also centres the
   * item (a small pan, the zoom is kept) and has no completion callback; it must not be called for an item never
   * drawn (its row is unknown and vis would scroll to NaN): check isDrawn first.
   */
  focus(eventId: string): void {
    this.timeline.focus(eventId, { zoom: false, animation: ANIMATION });
  }

  /** Whether vis draws the event's item now (not inside a cluster, not filtered out, not a density bar). */
  isDrawn(eventId: string): boolean {
    return this.findItemElement(eventId) !== null;
  }

  /** Where the event's item is drawn and where the visible rows are, on screen; null when it is not drawn. */
  rowPosition(eventId: string): { item: VerticalSpan; rows: VerticalSpan } | null {
    const element = this.findItemElement(eventId);
    const panel = this.container.querySelector('.vis-panel.vis-center');
    if (!element || !panel) return null;
    return { item: element.getBoundingClientRect(), rows: panel.getBoundingClientRect() };
  }

  /**
   * Run `action` once the timeline has drawn and the re-stack that follows a data change has been drawn too (two
   * frames later), whichever timeline is current by then. Forces a redraw, so it never waits for an idle timeline.
   */
  afterSettled(action: () => void): void {
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

  private listen(timeline: Timeline): void {
    const { handlers } = this;
    timeline.on('select', (props?: { items?: IdType[] }) => {
      const picked = (props?.items ?? []).map(String).find((id) => this.isEventItem(id));
      handlers.onPick(picked ?? null);
    });
    timeline.on('click', (props?: { isCluster?: boolean; item?: IdType | null; event?: Event; time?: Date }) => {
      if (props?.isCluster) handlers.onClusterClick(this.clusterSpan(props.event?.target ?? null), props.time ?? null);
      else if (props?.item !== undefined && props.item !== null) {
        const item = this.items.get(props.item as string);
        if (isBucket(item)) handlers.onBucketClick({ start: item.start.getTime(), end: item.end.getTime() });
      }
    });
    timeline.on('itemover', (props?: { item?: IdType }) => {
      const id = props?.item === undefined ? null : String(props.item);
      if (id !== null && this.isEventItem(id)) handlers.onHover(id);
    });
    timeline.on('itemout', () => handlers.onHover(null));
    timeline.on('changed', () => {
      if (timeline === this.timeline) handlers.onDrawn();
    });
    timeline.on('mouseDown', () => handlers.onPress());
    timeline.on('rangechange', (props?: { byUser?: boolean }) => {
      if (props?.byUser) handlers.onUserMoving();
    });
    timeline.on('rangechanged', (props?: { byUser?: boolean }) => {
      if (timeline !== this.timeline) return;
      this.exposeWindow();
      handlers.onMoveSettled(props?.byUser === true);
    });
  }

  /** The span of a clicked cluster's events, which vis keeps on the cluster's DOM node. */
  private clusterSpan(target: EventTarget | null): TimeRange | null {
    const box = target instanceof Element ? target.closest('.vis-cluster') : null;
    const data = (box as { 'vis-item'?: { data?: unknown } } | null)?.['vis-item']?.data;
    if (isClusterData(data) && typeof data.min === 'number' && typeof data.max === 'number')
      return { start: data.min, end: data.max };
    return null;
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
   * The days on screen as data (`data-shown-window`, start..end), for tests and tools: settled moves only. Edges
   * are rounded to the minute first: the re-stack nudge (restackAfterNextDraw) adds a millisecond to the end, which
   * would otherwise count as one more day.
   */
  private exposeWindow(): void {
    const minute = 60_000;
    const { start, end } = this.currentRange();
    const rounded = rangeToWindow({
      start: Math.round(start / minute) * minute,
      end: Math.round(end / minute) * minute,
    });
    const { start: first, end: last } = rounded;
    this.container.dataset.shownWindow = `${first}..${last}`;
  }

  private applySelection(): void {
    // The .d.ts types the options argument as required; the ids argument is what matters.
    (this.timeline.setSelection as (ids: IdType[]) => void).call(
      this.timeline,
      this.selectedId === null ? [] : [this.selectedId],
    );
  }

  private isEventItem(id: string): boolean {
    return this.items.get(id)?.kind === 'event';
  }

  private findItemElement(eventId: string): Element | null {
    return this.container.querySelector(`.vis-item.tl-id-${CSS.escape(eventId)}:not(.vis-dot)`);
  }

  private unmount(): void {
    this.timeline.destroy();
    this.view.dispose();
  }
}
