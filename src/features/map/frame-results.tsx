/**
 * The map follows the filters: when they change, it flies to the places of the events they leave, unless the user
 * has moved the map by hand since it last framed them (then it stays where they put it and offers "Fit to
 * results", which it also offers whenever filters are active). The first view is FitToMarksOnce's, and a selection
 * frames itself (selection-layer.tsx): neither moves the map here.
 *
 * A move by hand is told from the app's own moves (a fit, a selection's flight) by its cause: a drag or a box zoom,
 * or a move that starts just after a wheel turn, a double click, a pinch, a pan or zoom key or the zoom buttons.
 */
import L from 'leaflet';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useMap } from 'react-leaflet';
import type { DatasetIndex } from '../../domain/dataset-index.ts';
import { isFilterActive } from '../../domain/event-filter.ts';
import { useExplorerStore } from '../../state/explorer-store.ts';
import { useEventFilter } from '../../state/filtered-events.ts';
import { placeCoordinates, resultBounds } from './result-bounds.ts';
import { useMapControl } from './use-map-control.ts';
import type { Bounds } from './world-basemap.ts';

const FIT_PADDING = 48;
const FIT_MAX_ZOOM = 6;
/** A move that starts this soon after the user's wheel turn, key or button press is theirs. */
const INPUT_TO_MOVE_MS = 800;
const PAN_ZOOM_KEYS: ReadonlySet<string> = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  '+',
  '-',
  '=',
  '_',
]);

export function FrameResults({ index, placeRows }: { index: DatasetIndex; placeRows: Int32Array }) {
  const map = useMap();
  const coordinates = useMemo(() => placeCoordinates(index.places), [index]);
  const bounds = useMemo(() => resultBounds(placeRows, coordinates), [placeRows, coordinates]);
  const filtering = isFilterActive(useEventFilter());
  const [skipped, setSkipped] = useState(false);
  const handMovedRef = useRef(false);
  const lastBoundsRef = useRef<Bounds | null>(null);
  /** The place rows of the first view (FitToMarksOnce frames it): framing starts with the next change. */
  const firstRef = useRef<Int32Array | null>(null);
  const container = useMapControl('topleft', 'leaflet-bar event-map-control event-map-fit');

  useEffect(
    function noticeMovesByHand() {
      const element = map.getContainer();
      let lastInput = -Infinity;
      const outsideControls = (e: Event) => !(e.target instanceof Element && e.target.closest('.leaflet-control'));
      const onInput = (e: Event) => {
        if (outsideControls(e)) lastInput = performance.now();
      };
      const onKey = (e: KeyboardEvent) => {
        if (PAN_ZOOM_KEYS.has(e.key)) onInput(e);
      };
      const onTouch = (e: TouchEvent) => {
        if (e.touches.length > 1) onInput(e);
      };
      const onClick = (e: MouseEvent) => {
        if (e.target instanceof Element && e.target.closest('.leaflet-control-zoom')) lastInput = performance.now();
      };
      const byHand = () => {
        handMovedRef.current = true;
      };
      const onMoveStart = () => {
        if (performance.now() - lastInput < INPUT_TO_MOVE_MS) byHand();
      };
      const capture = { capture: true, passive: true } as const;
      element.addEventListener('wheel', onInput, capture);
      element.addEventListener('dblclick', onInput, capture);
      element.addEventListener('touchstart', onTouch, capture);
      element.addEventListener('keydown', onKey, capture);
      element.addEventListener('click', onClick, capture);
      map.on('movestart zoomstart', onMoveStart);
      map.on('dragstart boxzoomend', byHand);
      return () => {
        element.removeEventListener('wheel', onInput, capture);
        element.removeEventListener('dblclick', onInput, capture);
        element.removeEventListener('touchstart', onTouch, capture);
        element.removeEventListener('keydown', onKey, capture);
        element.removeEventListener('click', onClick, capture);
        map.off('movestart zoomstart', onMoveStart);
        map.off('dragstart boxzoomend', byHand);
      };
    },
    [map],
  );

  useEffect(
    function frameResultsOnFilterChange() {
      if (firstRef.current === null || firstRef.current.length === 0) {
        firstRef.current = placeRows;
        return;
      }
      if (firstRef.current === placeRows || !bounds) return;
      // A story's step frames the map itself (on its extent or its events), whatever its filters match.
      if (useExplorerStore.getState().view.story !== null) return;
      // The same places again (a filter object rebuilt with equal values, a step's view): nowhere new to go.
      const last = lastBoundsRef.current;
      lastBoundsRef.current = bounds;
      if (last && sameBounds(last, bounds)) return;
      if (handMovedRef.current) {
        setSkipped(true);
        return;
      }
      flyTo(map, bounds);
    },
    [map, placeRows, bounds],
  );

  useEffect(
    function exposeShownBounds() {
      // The map's view as data, for tests and tools: south,west,north,east.
      const element = map.getContainer();
      const expose = () => {
        const shown = map.getBounds();
        element.dataset.bounds = [shown.getSouth(), shown.getWest(), shown.getNorth(), shown.getEast()]
          .map((v) => v.toFixed(4))
          .join(',');
      };
      expose();
      map.on('moveend', expose);
      return () => {
        map.off('moveend', expose);
      };
    },
    [map],
  );

  const offered = bounds !== null && (filtering || skipped);
  return createPortal(
    offered ? (
      <button
        type="button"
        className="event-map-fit__button"
        title="Show the places of the filtered events"
        onClick={() => {
          handMovedRef.current = false;
          setSkipped(false);
          flyTo(map, bounds);
        }}
      >
        Fit to results
      </button>
    ) : null,
    container,
  );
}

function sameBounds(a: Bounds, b: Bounds): boolean {
  return a.every((corner, i) => corner.every((value, j) => value === b[i]![j]));
}

function flyTo(map: L.Map, bounds: Bounds): void {
  const target = L.latLngBounds(bounds);
  const options = { padding: L.point(FIT_PADDING, FIT_PADDING), maxZoom: FIT_MAX_ZOOM };
  const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  if (reducedMotion) map.fitBounds(target, { ...options, animate: false });
  else map.flyToBounds(target, { ...options, duration: 0.8 });
}
