/**
 * The timeline view: the visible events on a zoomable time axis, linked to the store both ways. vis-timeline is
 * wrapped the react-leaflet way: the widget is created once per dataset in an effect and destroyed in its cleanup
 * (so StrictMode's double mount leaves one timeline), and each prop or store value reaches it through its own named
 * effect. It is only ever given a bounded item set: the events near the window when few, else density bars (see
 * TimelineController and timeline-display.ts), so it stays interactive at 100,000 events.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import type { DatasetIndex } from '../../domain/dataset-index.ts';
import { isFilterActive } from '../../domain/event-filter.ts';
import { toEpochDay } from '../../domain/iso-day.ts';
import type { Playback } from '../../domain/playback.ts';
import type { DateWindow } from '../../domain/url-state.ts';
import { useExplorerStore } from '../../state/explorer-store.ts';
import { useEventFilter } from '../../state/filtered-events.ts';
import { markReadyPart } from '../../state/interaction-timing.ts';
import { PlaybackControl } from './playback-control.tsx';
import { formatCount } from './timeline-buckets.ts';
import { TimelineController, type TimelineDisplay } from './timeline-controller.ts';
import { indexRange } from './timeline-display.ts';
import { framingWindow, type DayClip } from './timeline-framing.ts';
import { buildTimelineIndexOfRows, type TimelineIndex } from './timeline-index.ts';
import { MS_PER_DAY } from './timeline-items.ts';
import { fitWindow, windowToRange, type TimeRange } from './timeline-window.ts';
import './timeline.css';

const HOVER_RULE = 'outline: 2px solid var(--event-color); outline-offset: 1px;';
/**
 * Adds a CSS rule to the page and returns its removal. A constructed stylesheet where the browser has them (Safari
 * from 16.4), else a rule inserted into one of the app's own stylesheets, so that no browser the build targets throws
 * on a hover.
 */
function addStyleRule(rule: string): () => void {
  if (
    typeof CSSStyleSheet !== 'undefined' &&
    'replaceSync' in CSSStyleSheet.prototype &&
    'adoptedStyleSheets' in document
  ) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(rule);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }
  const own = Array.from(document.styleSheets).find((sheet) => {
    try {
      return sheet.cssRules !== null;
    } catch {
      return false; // another origin's sheet: its rules are not ours to read
    }
  });
  if (!own) return () => undefined;
  const inserted = own.cssRules[own.insertRule(rule, own.cssRules.length)];
  return () => {
    const at = Array.from(own.cssRules).indexOf(inserted!);
    if (at !== -1) own.deleteRule(at);
  };
}

/** What the explorer may ask the mounted timeline: the days it shows now, which the store does not hold. */
export interface TimelineReadout {
  shownWindow: () => DateWindow;
}

/** How far beyond the data the user may pan. */
const PAN_LIMIT_MS = 20 * 365.25 * MS_PER_DAY;
/**
 * Memoised: a selection or a hover re-renders the explorer, not this view (its props did not change). `onReadout`
 * receives the readout once the widget is mounted, and null once it is gone.
 */
export const EventTimeline = memo(function EventTimeline({
  index,
  rows,
  onReadout,
}: {
  index: DatasetIndex;
  rows: Int32Array;
  onReadout?: (readout: TimelineReadout | null) => void;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<TimelineController | null>(null);
  const visible = useMemo(
    () => buildTimelineIndexOfRows(index.columns, rows, index.summary, index.rowOf),
    [index, rows],
  );
  const latest = useRef({ visible, onReadout });
  const playbackBandRef = useRef<HTMLDivElement>(null);
  /** Places the playback window over the axis (set by the effect below; vis calls it after each redraw). */
  const placePlaybackBand = useRef<(() => void) | null>(null);
  const [display, setDisplay] = useState<TimelineDisplay | null>(null);
  const [framingSkipped, setFramingSkipped] = useState(false);
  const filtering = isFilterActive(useEventFilter());
  const selectedId = useExplorerStore((s) => s.view.event);
  const reveal = useExplorerStore((s) => s.reveal);
  const storeWindow = useExplorerStore((s) => s.view.window);
  const hoveredId = useExplorerStore((s) => s.hoveredEventId);

  useEffect(function rememberLatestProps() {
    latest.current = { visible, onReadout };
  });

  useEffect(
    function createTimeline() {
      const container = containerRef.current;
      if (!container) throw new Error('EventTimeline: the container element is not mounted');
      const { view, selectEvent, hoverEvent, setWindow } = useExplorerStore.getState();
      const widthPx = container.clientWidth || 800;
      const controller = new TimelineController({
        container,
        index: latest.current.visible,
        // A link's window exactly; else the span where the visible events are (timeline-framing.ts).
        range: view.window ? windowToRange(view.window) : frameVisible(latest.current.visible, index, widthPx),
        storeWindow: view.window,
        bounds: panBounds(index),
        callbacks: {
          onSelect: (id) => selectEvent(id, 'timeline'),
          onHover: hoverEvent,
          onWindowChange: setWindow,
          onDisplayChange: setDisplay,
          onFramingSkipped: setFramingSkipped,
          onDrawn: () => placePlaybackBand.current?.(),
        },
      });
      controllerRef.current = controller;
      // Read from the latest props rather than a dependency: a new callback must not rebuild the widget.
      const { onReadout: report } = latest.current;
      report?.({ shownWindow: () => controller.shownWindow() });
      useExplorerStore.getState().setReadout('timelineWindow', () => controller.shownWindow());
      markReadyPart('timeline');
      return () => {
        report?.(null);
        useExplorerStore.getState().setReadout('timelineWindow', null);
        controller.destroy();
        controllerRef.current = null;
      };
    },
    [index],
  );

  useEffect(
    function applyVisibleEvents() {
      const controller = controllerRef.current;
      controller?.setIndex(visible, frameVisible(visible, index, controller.widthPx()));
    },
    [index, visible],
  );

  useEffect(
    function applyStoreWindow() {
      const controller = controllerRef.current;
      controller?.showStoreWindow(storeWindow, () => frameVisible(latest.current.visible, index, controller.widthPx()));
    },
    [index, storeWindow],
  );

  useEffect(
    function drawPlaybackWindow() {
      // Every frame of a playback: a transform on one element, never a vis redraw (which costs tens of ms).
      const place = () => {
        const controller = controllerRef.current;
        const band = playbackBandRef.current;
        if (!controller || !band) return;
        const playback = useExplorerStore.getState().playback;
        const span = playback && controller.screenSpan(playbackRange(playback));
        band.hidden = !span;
        if (!span) return;
        band.style.transform = `translateX(${span.left}px)`;
        band.style.width = `${span.width}px`;
        // Over the axis and the rows, not the toolbar below them.
        band.style.height = `${containerRef.current?.clientHeight ?? 0}px`;
      };
      placePlaybackBand.current = place;
      place();
      const unsubscribe = useExplorerStore.subscribe((state, previous) => {
        const playback = state.playback;
        if (playback === previous.playback) return;
        if (playback?.playing) controllerRef.current?.follow(playbackRange(playback));
        place();
      });
      return () => {
        unsubscribe();
        placePlaybackBand.current = null;
      };
    },
    [index],
  );

  useEffect(
    function outlineHoveredEvent() {
      if (hoveredId === null || hoveredId === selectedId) return;
      // One rule for the hovered event (from any view): no DOM walk, and it survives vis redraws. Added through the
      // CSSOM, not as a <style> element: the Content-Security-Policy forbids inline styles, not the CSSOM.
      return addStyleRule(`.event-timeline .vis-item.tl-id-${CSS.escape(hoveredId)}:not(.vis-dot) { ${HOVER_RULE} }`);
    },
    [hoveredId, selectedId],
  );

  useEffect(
    function applySelection() {
      // A shared link shows exactly its window, even if its event lies outside it.
      const request = reveal?.eventId === selectedId && !reveal.keepTimelineWindow ? reveal : null;
      const event = request ? index.summaryById(request.eventId) : undefined;
      controllerRef.current?.select(selectedId, request && event ? { requestId: request.id, event } : null);
    },
    [index, selectedId, reveal],
  );

  return (
    <div className="event-timeline">
      <div ref={containerRef} className="event-timeline-canvas" role="group" aria-label="Timeline of events" />
      <div ref={playbackBandRef} className="event-timeline-playback-window" hidden aria-hidden="true" />
      {/* Below the axis, not over it: the rows stay readable to their last one. */}
      <div className="event-timeline-toolbar">
        <PlaybackControl index={index} />
        <div className="event-timeline-controls">
          {(filtering || framingSkipped) && rows.length > 0 && (
            <button
              type="button"
              className="event-timeline-fit-results"
              title="Show the span where the filtered events are"
              onClick={() => {
                const controller = controllerRef.current;
                const range = frameVisible(visible, index, controller?.widthPx() ?? 800);
                if (controller && range) controller.frame(range);
              }}
            >
              Fit to results
            </button>
          )}
          <button
            type="button"
            aria-label="Zoom in"
            title="Zoom in (or Ctrl + mouse wheel; the wheel alone scrolls the rows)"
            onClick={() => controllerRef.current?.zoomIn()}
          >
            +
          </button>
          <button
            type="button"
            aria-label="Zoom out"
            title="Zoom out (or Ctrl + mouse wheel)"
            onClick={() => controllerRef.current?.zoomOut()}
          >
            −
          </button>
          <button
            type="button"
            aria-label="Fit all"
            title="Fit all events"
            onClick={() => {
              const controller = controllerRef.current;
              controller?.fitAll(fitVisible(visible, index, controller.widthPx()));
            }}
          >
            Fit
          </button>
        </div>
      </div>
      <p className="event-timeline-density-note" role="status">
        {display?.mode === 'density' &&
          `${formatCount(display.inView)} events in view — zoom in or click a bar to see each one`}
      </p>
      {rows.length === 0 && (
        <p className="event-timeline-empty" role="status">
          No events match the filters.
        </p>
      )}
    </div>
  );
});

/**
 * Frame the visible events (timeline-framing.ts), kept within the date filter; with none visible, fit the whole
 * dataset as "Fit all" does.
 */
function frameVisible(visible: TimelineIndex, index: DatasetIndex, widthPx: number): TimeRange {
  return framingWindow(visible, widthPx, dateClip()) ?? fitVisible(visible, index, widthPx);
}

/** The date filter's days, which framing stays within. */
function dateClip(): DayClip | null {
  const { from, to } = useExplorerStore.getState().view;
  if (from === null && to === null) return null;
  return { fromDay: from === null ? null : toEpochDay(from), toDay: to === null ? null : toEpochDay(to) };
}

/** Fit the visible events; with none visible, the whole dataset; with no data at all, the current year. */
function fitVisible(visible: TimelineIndex, index: DatasetIndex, widthPx: number): TimeRange {
  const range =
    indexRange(visible) ??
    (index.extent ? windowToRange({ start: index.extent.earliest, end: index.extent.latest }) : null);
  if (range) return fitWindow(range, widthPx);
  const now = Date.now();
  return { start: now - 183 * MS_PER_DAY, end: now + 183 * MS_PER_DAY };
}

/** A playback's window as a time range: from the start of its first day to the end of its last. */
function playbackRange(playback: Playback): TimeRange {
  return { start: playback.start * MS_PER_DAY, end: (playback.start + playback.widthDays) * MS_PER_DAY };
}

function panBounds(index: DatasetIndex): TimeRange | null {
  if (!index.extent) return null;
  const extent = windowToRange({ start: index.extent.earliest, end: index.extent.latest });
  return { start: extent.start - PAN_LIMIT_MS, end: extent.end + PAN_LIMIT_MS };
}
