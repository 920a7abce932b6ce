/**
 * The selected event on the map: every one of its places at once, each styled by its role, the route of a visit,
 * and the map fitted to them. Also a light ring around the places of the event hovered in another view. Drawn in
 * SVG panes above the (dimmed) marks, without pointer events, so clicks still reach the marks below.
 */
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { DatasetIndex } from '../../domain/dataset-index.ts';
import type { Place } from '../../domain/dataset-schema.ts';
import type { EventSummary } from '../../domain/event-table.ts';
import type { PlaceRole } from '../../domain/taxonomy.ts';
import { TYPE_COLORS } from '../../shared/event-style.ts';
import { useExplorerStore } from '../../state/explorer-store.ts';
import { ensurePane, PANES } from './map-panes.ts';
import { INK, pointStyle, ROLE_STYLES, ROUTE_STYLE } from './map-styles.ts';
import {
  circleBounds,
  curvedPath,
  markRadius,
  placeDrawing,
  routeLegs,
  screenBearing,
  unionBounds,
} from './place-geometry.ts';
import { countryFitBounds, countryShapeFor, type Bounds, type LatLon, type WorldBasemap } from './world-basemap.ts';

const FIT_PADDING = 48;
const FIT_MAX_ZOOM = 6;

/** Fit padding that keeps the open map key (bottom-left) off the fitted places when the map is wide enough. */
/** Flies to `target` (jumps, for a reader who asked for reduced motion). */
function flyTo(map: L.Map, target: L.LatLngBounds): void {
  const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  if (reducedMotion) map.fitBounds(target, { ...fitOptions(map), animate: false });
  else map.flyToBounds(target, { ...fitOptions(map), duration: 0.8 });
}

function fitOptions(map: L.Map): L.FitBoundsOptions {
  const legend = map.getContainer().querySelector<HTMLElement>('.event-map-legend details[open]');
  const legendWidth = legend?.offsetWidth ?? 0;
  const left = legendWidth > 0 && map.getSize().x > 3 * legendWidth ? legendWidth + 24 : FIT_PADDING;
  return {
    paddingTopLeft: L.point(left, FIT_PADDING),
    paddingBottomRight: L.point(FIT_PADDING, FIT_PADDING),
    maxZoom: FIT_MAX_ZOOM,
  };
}

interface SelectionLayers {
  renderer: L.SVG;
  selection: L.LayerGroup;
  hover: L.LayerGroup;
}

/** The event's places, each once per role, areas first so that exact places are drawn over them. */
function placesOf(
  event: Pick<EventSummary, 'places'>,
  placeById: ReadonlyMap<string, Place>,
): { place: Place; role: PlaceRole }[] {
  const seen = new Set<string>();
  const links: { place: Place; role: PlaceRole }[] = [];
  for (const link of event.places) {
    const place = placeById.get(link.placeId);
    const key = `${link.placeId}|${link.role}`;
    if (!place || seen.has(key)) continue;
    seen.add(key);
    links.push({ place, role: link.role });
  }
  const rank = (p: Place) => (p.kind === 'city' || p.kind === 'site' ? 1 : 0);
  return links.sort((a, b) => rank(a.place) - rank(b.place));
}

function drawingOf(place: Place, world: WorldBasemap | null) {
  return placeDrawing(place, (code) => world !== null && countryShapeFor(world, code) !== null);
}

/** The map area a place occupies: its outline's main polygon, its zone, or its point. */
function placeBounds(place: Place, world: WorldBasemap | null): Bounds {
  const drawing = drawingOf(place, world);
  const point: LatLon = [place.lat, place.lon];
  if (drawing.shape === 'outline') {
    const bounds = countryFitBounds(countryShapeFor(world!, place.countryCode)!, place.lat, place.lon);
    if (bounds) return bounds;
  }
  if (drawing.shape === 'zone') return circleBounds(point, drawing.radiusMetres);
  return [point, point];
}

/** A shape for a place in the selection or hover pane: its outline, its zone, or a disc/ring around its point. */
function areaLayer(place: Place, world: WorldBasemap | null, options: L.PathOptions): L.Path | null {
  const drawing = drawingOf(place, world);
  if (drawing.shape === 'outline') return L.polygon(countryShapeFor(world!, place.countryCode)!.polygons, options);
  if (drawing.shape === 'zone') return L.circle([place.lat, place.lon], { ...options, radius: drawing.radiusMetres });
  return null;
}

function arrowHead(at: LatLon, bearing: number, pane: string): L.Marker {
  const glyph = document.createElement('span');
  glyph.className = 'event-map-arrow';
  glyph.style.transform = `rotate(${bearing.toFixed(1)}deg)`;
  const icon = L.divIcon({ className: 'event-map-arrow-icon', html: glyph, iconSize: [0, 0] });
  return L.marker(at, { icon, pane, interactive: false, keyboard: false });
}

export function SelectionLayer({
  index,
  world,
  countByPlace,
}: {
  index: DatasetIndex;
  world: WorldBasemap | null;
  /** Events per place among the visible ones: sizes the redrawn point marks like the marks below. */
  countByPlace: ReadonlyMap<string, number>;
}) {
  const map = useMap();
  const selectedId = useExplorerStore((s) => s.view.event);
  const hoveredId = useExplorerStore((s) => s.hoveredEventId);
  const reveal = useExplorerStore((s) => s.reveal);
  const mapFrame = useExplorerStore((s) => s.mapFrame);
  const lastFrameRef = useRef<number | null>(null);
  const selected = selectedId === null ? null : (index.summaryById(selectedId) ?? null);
  const hovered = hoveredId === null || hoveredId === selectedId ? null : (index.summaryById(hoveredId) ?? null);
  const layersRef = useRef<SelectionLayers | null>(null);
  const lastFitRef = useRef<string | null>(null);

  useEffect(
    function createSelectionLayers() {
      ensurePane(map, 'selection');
      ensurePane(map, 'hover');
      const layers: SelectionLayers = {
        renderer: L.svg({ pane: PANES.selection.name }),
        selection: L.layerGroup([], { pane: PANES.selection.name }).addTo(map),
        hover: L.layerGroup([], { pane: PANES.hover.name }).addTo(map),
      };
      layersRef.current = layers;
      return () => {
        layers.selection.remove();
        layers.hover.remove();
        layers.renderer.remove();
        layersRef.current = null;
      };
    },
    [map],
  );

  useEffect(
    function drawSelectedPlaces() {
      const layers = layersRef.current;
      if (!layers || !selected) return;
      const { renderer, selection } = layers;
      const pane = PANES.selection.name;
      const color = TYPE_COLORS[selected.type];
      // The class marks the selection for tests and styles; Leaflet applies a path's className only at creation.
      const common = { renderer, pane, interactive: false, className: 'event-map-selection' };
      const links = placesOf(selected, index.placeById);

      for (const { place, role } of links) {
        const style = ROLE_STYLES[role];
        const area = areaLayer(place, world, {
          ...common,
          color: style.area.color,
          weight: style.area.weight,
          dashArray: style.area.dashArray,
          fill: style.area.fillOpacity > 0,
          fillColor: color,
          fillOpacity: style.area.fillOpacity,
        });
        if (area) selection.addLayer(area);
      }

      for (const { from, to } of routeLegs(selected, index.placeById)) {
        const path = curvedPath([from.lat, from.lon], [to.lat, to.lon]);
        selection.addLayer(L.polyline(path, { ...common, ...ROUTE_STYLE, fill: false }));
        // The head sits a little before the end, so the destination's mark does not hide it.
        const headAt = Math.round(path.length * 0.8);
        const tip = path[headAt];
        const before = path[headAt - 1];
        if (tip && before) selection.addLayer(arrowHead(tip, screenBearing(before, tip), pane));
      }

      for (const { place, role } of links) {
        if (drawingOf(place, world).shape !== 'point') continue;
        const style = ROLE_STYLES[role];
        const radius = markRadius(countByPlace.get(place.id) ?? 1);
        const center: LatLon = [place.lat, place.lon];
        const mark = style.hollow
          ? { stroke: true, color, weight: 3, fill: true, fillColor: '#ffffff', fillOpacity: 1 }
          : { ...pointStyle(color), fillOpacity: 1 };
        selection.addLayer(L.circleMarker(center, { ...common, ...mark, radius }));
        if (style.ring)
          selection.addLayer(
            L.circleMarker(center, {
              ...common,
              radius: radius + style.ring.gap,
              fill: false,
              color: style.ring.color,
              weight: style.ring.weight,
              ...(style.ring.dashArray === undefined ? {} : { dashArray: style.ring.dashArray }),
            }),
          );
      }
      return () => {
        selection.clearLayers();
      };
    },
    [index, selected, world, countByPlace],
  );

  useEffect(
    function drawHoveredPlaces() {
      const layers = layersRef.current;
      if (!layers || !hovered) return;
      const { renderer, hover } = layers;
      const common = { renderer, pane: PANES.hover.name, interactive: false, color: INK, opacity: 0.8 };
      for (const { place } of placesOf(hovered, index.placeById)) {
        const area = areaLayer(place, world, { ...common, weight: 2.5, fill: false });
        hover.addLayer(
          area ??
            L.circleMarker([place.lat, place.lon], {
              ...common,
              weight: 2.5,
              fill: false,
              radius: markRadius(countByPlace.get(place.id) ?? 1) + 4,
            }),
        );
      }
      return () => {
        hover.clearLayers();
      };
    },
    [index, hovered, world, countByPlace],
  );

  useEffect(
    function fitToSelection() {
      if (!selected || reveal?.eventId !== selected.id) {
        lastFitRef.current = null;
        return;
      }
      const bounds = unionBounds(placesOf(selected, index.placeById).map(({ place }) => placeBounds(place, world)));
      if (!bounds) return;
      // Each request once, and again only when its target changes (the country outline arrives after a
      // deep-linked selection).
      const key = `${reveal.id}|${bounds.flat().join(',')}`;
      if (lastFitRef.current === key) return;
      lastFitRef.current = key;
      const target = L.latLngBounds(bounds);
      // A selection made on the map itself, whose places are all in view already, need not move it.
      if (reveal.madeIn === 'map' && map.getBounds().contains(target)) return;
      // A story's step frames the map on the extent of all its events (below), not on the first one.
      if (reveal.madeIn === 'story') return;
      flyTo(map, target);
    },
    [map, index, selected, reveal, world],
  );

  useEffect(
    function flyToFrameRequest() {
      if (!mapFrame || lastFrameRef.current === mapFrame.id) return;
      lastFrameRef.current = mapFrame.id;
      const { south, west, north, east } = mapFrame.extent;
      flyTo(map, L.latLngBounds([south, west], [north, east]));
    },
    [map, mapFrame],
  );

  return null;
}
