/**
 * The map view: one mark per place for the visible events over an embedded offline basemap, the selected event's
 * places by role with the route of a visit, an optional online tile layer, and a key to the map's encodings.
 */
import 'leaflet/dist/leaflet.css';
import './map.css';
import L from 'leaflet';
import { memo, useEffect, useMemo, useRef } from 'react';
import { MapContainer, useMap } from 'react-leaflet';
import { aggregateByPlace, type DatasetIndex, type PlaceAggregate } from '../../domain/dataset-index.ts';
import { useExplorerStore } from '../../state/explorer-store.ts';
import { afterNextPaint } from '../../state/interaction-timing.ts';
import { BasemapLayer, useWorldBasemap } from './basemap-layer.tsx';
import { FrameResults } from './frame-results.tsx';
import { MapLegend } from './map-legend.tsx';
import { OnlineTilesControl } from './online-tiles-control.tsx';
import { framingPlaces } from './place-geometry.ts';
import { PlaceMarks } from './place-marks.tsx';
import { PlaybackLayer } from './playback-layer.tsx';
import { SelectionLayer } from './selection-layer.tsx';

export const MAP_LABEL = 'Map of event locations';

/** The whole world in Web Mercator's reach: the map cannot be dragged off it. */
const WORLD_BOUNDS = L.latLngBounds([-85, -180], [85, 180]);

/** Memoised: a selection or a hover re-renders the explorer, not this view (its props did not change). */
export const EventMap = memo(function EventMap({ index, rows }: { index: DatasetIndex; rows: Int32Array }) {
  const tally = useMemo(() => index.tallyPlaces(rows), [rows, index]);
  const aggregates = useMemo(() => aggregateByPlace(index, tally), [tally, index]);
  const countByPlace = useMemo(() => new Map(aggregates.map((a) => [a.place.id, a.count] as const)), [aggregates]);
  const world = useWorldBasemap();

  return (
    <MapContainer
      className="event-map"
      center={[36, 36]}
      zoom={4}
      minZoom={2}
      maxZoom={12}
      maxBounds={WORLD_BOUNDS}
      maxBoundsViscosity={1}
      worldCopyJump={false}
    >
      <LabelMapContainer />
      <ReportExtent />
      <BasemapLayer world={world} />
      <PlaceMarks index={index} aggregates={aggregates} world={world} />
      <PlaybackLayer index={index} rows={rows} />
      <RedrawTiming />
      <SelectionLayer index={index} world={world} countByPlace={countByPlace} />
      <FitToMarksOnce aggregates={aggregates} />
      <FrameResults index={index} placeRows={tally.placeRows} />
      <OnlineTilesControl />
      <MapLegend />
    </MapContainer>
  );
});

/** Leaflet makes its container focusable (arrow keys pan): give it a role and a name. */
function LabelMapContainer() {
  const map = useMap();
  useEffect(
    function labelMapContainer() {
      const container = map.getContainer();
      container.setAttribute('role', 'region');
      container.setAttribute('aria-label', MAP_LABEL);
    },
    [map],
  );
  return null;
}

/** Lets the app ask what the map shows ("Add this view as a step"), while it is mounted. */
function ReportExtent() {
  const map = useMap();
  useEffect(
    function registerExtentReadout() {
      const { setReadout } = useExplorerStore.getState();
      setReadout('mapExtent', () => {
        const bounds = map.getBounds();
        return { south: bounds.getSouth(), west: bounds.getWest(), north: bounds.getNorth(), east: bounds.getEast() };
      });
      return () => setReadout('mapExtent', null);
    },
    [map],
  );
  return null;
}

/** Frames where most events are, once, when the first events arrive and nothing is selected (a selection frames itself). */
function FitToMarksOnce({ aggregates }: { aggregates: readonly PlaceAggregate[] }) {
  const map = useMap();
  const fittedRef = useRef(false);
  useEffect(
    function fitToAllMarksOnce() {
      if (fittedRef.current || aggregates.length === 0) return;
      fittedRef.current = true;
      if (useExplorerStore.getState().view.event !== null) return;
      const bounds = L.latLngBounds(framingPlaces(aggregates).map((a) => L.latLng(a.place.lat, a.place.lon)));
      map.fitBounds(bounds, { padding: L.point(60, 60), maxZoom: 5, animate: false });
    },
    [map, aggregates],
  );
  return null;
}

/**
 * `map:redraw` for `npm run bench`: what a zoom costs once Leaflet's zoom animation (250 ms of CSS transition, the
 * same for any dataset) has ended — the marks and clusters redrawn for the new zoom, until that frame is painted.
 * Leaflet fires moveend, where the marks are updated, in the same task right after zoomend.
 */
function RedrawTiming() {
  const map = useMap();
  useEffect(
    function measureZoomRedraws() {
      const onZoomEnd = () => {
        const start = performance.now();
        afterNextPaint(() => performance.measure('map:redraw', { start, end: performance.now() }));
      };
      map.on('zoomend', onZoomEnd);
      return () => {
        map.off('zoomend', onZoomEnd);
      };
    },
    [map],
  );
  return null;
}
