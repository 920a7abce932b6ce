/**
 * One mark per place for the visible events, on a single canvas (it must scale to thousands of places, and one
 * canvas keeps every mark clickable: stacked canvases would hide the lower one from the pointer). Countries are
 * their basemap outline, other areas a dashed zone, exact places a disc sized by √count; counts are labels above.
 *
 * A filter change updates the marks by difference: a place that stays keeps its layer (its radius, colour and
 * count label change), only places that appear or vanish are added or removed. Hover and selection never touch
 * them (selection dims the whole pane with one class).
 */
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { DatasetIndex, PlaceAggregate } from '../../domain/dataset-index.ts';
import { TYPE_COLORS } from '../../shared/event-style.ts';
import { useExplorerStore } from '../../state/explorer-store.ts';
import { createCanvasRenderer } from './canvas-renderer.ts';
import { ensurePane, PANES } from './map-panes.ts';
import { areaStyle, pointStyle } from './map-styles.ts';
import {
  countLabel,
  placePopupContent,
  placeTooltipContent,
  POPUP_MAX_EVENTS,
  TOOLTIP_MAX_EVENTS,
} from './place-content.ts';
import { markRadius, placeDrawing, type PlaceDrawing } from './place-geometry.ts';
import { countryShapeFor, type WorldBasemap } from './world-basemap.ts';

/** Above this many count labels, only those in (or near) the view are drawn, refreshed when the map moves. */
const LABEL_LIMIT = 300;

/** One place's mark, kept across filter changes and updated in place: a filter redraws by difference. */
interface PlaceMark {
  shape: PlaceDrawing['shape'];
  layer: L.Path;
  /** The count label (areas and points with more than one event), or null. */
  label: L.Marker | null;
  /** The aggregate the handlers read: replaced on each update, so tooltips and clicks see the current events. */
  aggregate: PlaceAggregate;
  color: string;
}

interface MarkLayers {
  renderer: L.Canvas;
  group: L.LayerGroup;
  labels: L.LayerGroup;
  marks: Map<number, PlaceMark>;
}

export function PlaceMarks({
  index,
  aggregates,
  world,
}: {
  index: DatasetIndex;
  aggregates: readonly PlaceAggregate[];
  world: WorldBasemap | null;
}) {
  const map = useMap();
  const selectedId = useExplorerStore((s) => s.view.event);
  const layersRef = useRef<MarkLayers | null>(null);

  useEffect(
    function createMarkLayers() {
      ensurePane(map, 'marks');
      ensurePane(map, 'labels');
      const layers: MarkLayers = {
        renderer: createCanvasRenderer({ pane: PANES.marks.name, tolerance: 3 }),
        group: L.layerGroup([], { pane: PANES.marks.name }).addTo(map),
        labels: L.layerGroup([], { pane: PANES.labels.name }).addTo(map),
        marks: new Map(),
      };
      layersRef.current = layers;
      return () => {
        map.closePopup();
        layers.group.remove();
        layers.labels.remove();
        layers.renderer.remove();
        layersRef.current = null;
      };
    },
    [map],
  );

  useEffect(
    function updatePlaceMarks() {
      const layers = layersRef.current;
      if (!layers) return;
      const hasOutline = (code: string) => world !== null && countryShapeFor(world, code) !== null;
      const { marks: drawn, labels } = layers;
      const seen = new Set<number>();
      let addedAreas = false;
      for (const aggregate of aggregates) {
        const drawing = placeDrawing(aggregate.place, hasOutline);
        seen.add(aggregate.placeRow);
        const existing = drawn.get(aggregate.placeRow);
        if (existing && existing.shape === drawing.shape) {
          updateMark(existing, aggregate, labels);
          continue;
        }
        if (existing) removeMark(existing, layers);
        const mark = createMark(aggregate, drawing, layers, world, index, map);
        drawn.set(aggregate.placeRow, mark);
        if (drawing.shape !== 'point') addedAreas = true;
      }
      for (const [placeRow, mark] of drawn)
        if (!seen.has(placeRow)) {
          removeMark(mark, layers);
          drawn.delete(placeRow);
        }
      // One canvas draws (and hit-tests) in insertion order: keep areas under the points, outlines lowest.
      if (addedAreas) {
        for (const mark of drawn.values()) if (mark.shape === 'zone') mark.layer.bringToBack();
        for (const mark of drawn.values()) if (mark.shape === 'outline') mark.layer.bringToBack();
      }
      showCountLabels(map, layers);
    },
    [map, index, aggregates, world],
  );

  useEffect(
    function refreshLabelsWhenTheMapMoves() {
      const layers = layersRef.current;
      if (!layers) return;
      const refresh = () => showCountLabels(map, layers);
      map.on('moveend', refresh);
      return () => {
        map.off('moveend', refresh);
      };
    },
    [map],
  );

  useEffect(
    function dimMarksWhileSelected() {
      const dimmed = selectedId !== null;
      ensurePane(map, 'marks').classList.toggle('event-map-pane--dimmed', dimmed);
      ensurePane(map, 'labels').classList.toggle('event-map-pane--dimmed', dimmed);
    },
    [map, selectedId],
  );

  return null;
}

/** The first events at a place, as the card and popup list them. */
function firstEvents(index: DatasetIndex, aggregate: PlaceAggregate, max: number) {
  return Array.from(aggregate.eventRows().subarray(0, max), (row) => index.summary(row));
}

function labelFor(aggregate: PlaceAggregate, shape: PlaceDrawing['shape']): L.Marker | null {
  if (shape === 'point' && aggregate.count <= 1) return null;
  const className = shape === 'point' ? 'event-map-count' : 'event-map-count event-map-count--area';
  const icon = L.divIcon({
    className: 'event-map-count-icon',
    html: countLabel(aggregate.count, className),
    iconSize: [0, 0],
  });
  const center = L.latLng(aggregate.place.lat, aggregate.place.lon);
  return L.marker(center, { icon, pane: PANES.labels.name, interactive: false, keyboard: false });
}

function createMark(
  aggregate: PlaceAggregate,
  drawing: PlaceDrawing,
  layers: MarkLayers,
  world: WorldBasemap | null,
  index: DatasetIndex,
  map: L.Map,
): PlaceMark {
  const { place } = aggregate;
  const color = TYPE_COLORS[aggregate.dominantType];
  const center = L.latLng(place.lat, place.lon);
  const common = { renderer: layers.renderer, pane: PANES.marks.name };
  let layer: L.Path;
  if (drawing.shape === 'point')
    layer = L.circleMarker(center, { ...pointStyle(color), ...common, radius: markRadius(aggregate.count) });
  else if (drawing.shape === 'outline')
    layer = L.polygon(countryShapeFor(world!, place.countryCode)!.polygons, { ...areaStyle(color), ...common });
  else layer = L.circle(center, { ...areaStyle(color), ...common, radius: drawing.radiusMetres });
  const mark: PlaceMark = { shape: drawing.shape, layer, label: labelFor(aggregate, drawing.shape), aggregate, color };

  layer.bindTooltip(
    () => placeTooltipContent(place, mark.aggregate.count, firstEvents(index, mark.aggregate, TOOLTIP_MAX_EVENTS)),
    {
      className: 'event-map-tooltip',
      direction: 'top',
      sticky: drawing.shape !== 'point',
      offset: drawing.shape === 'point' ? [0, -markRadius(aggregate.count)] : [0, -8],
      opacity: 1,
    },
  );
  layer.on('click', (e: L.LeafletMouseEvent) =>
    openPlace(index, map, mark.aggregate, drawing.shape === 'point' ? center : e.latlng),
  );
  const onlyEvent = () => (mark.aggregate.count === 1 ? index.summary(mark.aggregate.eventRows()[0]!).id : null);
  layer.on('mouseover', () => {
    const id = onlyEvent();
    if (id) useExplorerStore.getState().hoverEvent(id);
  });
  layer.on('mouseout', () => {
    const id = onlyEvent();
    if (id && useExplorerStore.getState().hoveredEventId === id) useExplorerStore.getState().hoverEvent(null);
  });
  layers.group.addLayer(layer);
  return mark;
}

/** The same place with other events: its size, colour and count change, nothing is rebuilt. */
function updateMark(mark: PlaceMark, aggregate: PlaceAggregate, labels: L.LayerGroup): void {
  const previous = mark.aggregate;
  mark.aggregate = aggregate;
  const color = TYPE_COLORS[aggregate.dominantType];
  if (color !== mark.color) {
    mark.color = color;
    mark.layer.setStyle(mark.shape === 'point' ? pointStyle(color) : areaStyle(color));
  }
  if (previous.count === aggregate.count) return;
  if (mark.shape === 'point') {
    (mark.layer as L.CircleMarker).setRadius(markRadius(aggregate.count));
    const tooltip = mark.layer.getTooltip();
    if (tooltip) tooltip.options.offset = L.point(0, -markRadius(aggregate.count));
  }
  const label = mark.label;
  if (label) labels.removeLayer(label);
  mark.label = labelFor(aggregate, mark.shape);
}

function removeMark(mark: PlaceMark, layers: MarkLayers): void {
  layers.group.removeLayer(mark.layer);
  if (mark.label) layers.labels.removeLayer(mark.label);
}

/** Count labels: all of them up to LABEL_LIMIT, else those in (or near) the view, refreshed when the map moves. */
function showCountLabels(map: L.Map, layers: MarkLayers): void {
  const { labels, marks } = layers;
  const all: L.Marker[] = [];
  for (const mark of marks.values()) if (mark.label) all.push(mark.label);
  const wanted = new Set<L.Marker>();
  if (all.length <= LABEL_LIMIT) for (const label of all) wanted.add(label);
  else {
    const view = map.getBounds().pad(0.2);
    for (const label of all) {
      if (wanted.size >= LABEL_LIMIT) break;
      if (view.contains(label.getLatLng())) wanted.add(label);
    }
  }
  labels.eachLayer((layer) => {
    if (!wanted.has(layer as L.Marker)) labels.removeLayer(layer);
  });
  for (const label of wanted) if (!labels.hasLayer(label)) labels.addLayer(label);
}

/** A place with one event selects it; with several, a popup lists them (each a button that selects it). */
function openPlace(index: DatasetIndex, map: L.Map, aggregate: PlaceAggregate, at: L.LatLng): void {
  const store = useExplorerStore.getState();
  if (aggregate.count === 1) {
    store.selectEvent(index.summary(aggregate.eventRows()[0]!).id, 'map');
    return;
  }
  const content = placePopupContent(
    aggregate.place,
    aggregate.count,
    firstEvents(index, aggregate, POPUP_MAX_EVENTS),
    store.view.event,
    (eventId) => {
      useExplorerStore.getState().selectEvent(eventId, 'map');
      map.closePopup();
      map.getContainer().focus({ preventScroll: true });
    },
  );
  L.popup({ className: 'event-map-popup-container', minWidth: 220, maxWidth: 320, autoPanPadding: [24, 24] })
    .setLatLng(at)
    .setContent(content)
    .openOn(map);
  content.querySelector('button')?.focus({ preventScroll: true });
  // Escape closes the list of events (and nothing else: the selection stays).
  content.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    map.closePopup();
    map.getContainer().focus({ preventScroll: true });
  });
}
