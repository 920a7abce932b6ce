/**
 * One mark per place for the visible events, on a single canvas (it must scale to thousands of places, and one
 * canvas keeps every mark clickable: stacked canvases would hide the lower one from the pointer). Countries are
 * their basemap outline, other areas a dashed zone, exact places a disc sized by √count; counts are labels above.
 *
 * Where many exact places crowd (more than CLUSTER_ABOVE of them), they go through a supercluster index, built once
 * per set of aggregates, and the map draws what the index returns for the view at the current zoom: places on
 * their own exactly as above, and groups of nearby places as a disc in a halo, sized by its events, that zooms in
 * when clicked. Areas are never clustered, and stay under the points.
 *
 * Marks update by difference, on a filter change and (when clustered) after each move or zoom: a place or cluster
 * that stays keeps its layers (position, radius, colour and count change in place), only those that appear or
 * vanish are added or removed. Hover and selection never touch them (selection dims the whole pane with one class).
 */
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { DatasetIndex, PlaceAggregate } from '../../domain/dataset-index.ts';
import { TYPE_COLORS } from '../../shared/event-style.ts';
import { useExplorerStore } from '../../state/explorer-store.ts';
import { createCanvasRenderer } from './canvas-renderer.ts';
import { ensurePane, PANES } from './map-panes.ts';
import { areaStyle, clusterHaloStyle, pointStyle } from './map-styles.ts';
import {
  clusterIndex,
  dominantClusterType,
  isCluster,
  paddedBox,
  shouldCluster,
  type ClusterProps,
  type PlaceClusterIndex,
} from './place-clusters.ts';
import {
  clusterCountText,
  clusterTooltipContent,
  countLabel,
  placePopupContent,
  placeTooltipContent,
  POPUP_MAX_EVENTS,
  TOOLTIP_MAX_EVENTS,
} from './place-content.ts';
import { CLUSTER_HALO_PX, clusterRadius, markRadius, placeDrawing, type PlaceDrawing } from './place-geometry.ts';
import { countryShapeFor, type WorldBasemap } from './world-basemap.ts';

/** The clusters and places drawn around the view, beyond each of its sides, as a share of its size. */
const VIEW_PAD = 0.2;

/** A count drawn over a mark: a label in a (non-interactive) labels pane, its text changed in place. */
interface CountLabel {
  marker: L.Marker;
  text: HTMLElement;
  /** The group that holds it: areas' counts are drawn under those of places and clusters. */
  group: L.LayerGroup;
}

/** One place's mark, kept across filter changes (and moves) and updated in place. */
interface PlaceMark {
  kind: 'place';
  shape: PlaceDrawing['shape'];
  layer: L.Path;
  /** The count label (areas, and points with more than one event), or null. */
  label: CountLabel | null;
  /** The aggregate the handlers read: replaced on each update, so tooltips and clicks see the current events. */
  aggregate: PlaceAggregate;
  color: string;
}

/** A cluster as the index returned it for the current view. */
interface DrawnCluster {
  /** Supercluster's id: valid in `index` only, which is rebuilt on every filter change. */
  id: number;
  index: PlaceClusterIndex;
  /** The points `index` was built from (ClusterProps.top refers to them by position). */
  points: readonly PlaceAggregate[];
  center: L.LatLng;
  places: number;
  props: ClusterProps;
}

interface ClusterMark {
  kind: 'cluster';
  /** The halo takes the pointer (it is the larger shape); the disc over it does not. */
  halo: L.CircleMarker;
  disc: L.CircleMarker;
  label: CountLabel;
  cluster: DrawnCluster;
  color: string;
}

type PointMark = PlaceMark | ClusterMark;

type Wanted = { kind: 'place'; aggregate: PlaceAggregate } | { kind: 'cluster'; cluster: DrawnCluster };

interface MarkLayers {
  renderer: L.Canvas;
  group: L.LayerGroup;
  areaLabels: L.LayerGroup;
  labels: L.LayerGroup;
  /** Outlines and zones, by place row: all of them are drawn. */
  areas: Map<number, PlaceMark>;
  /** Drawn points, by `p<place row>` for a place and `c<first place row>` for a cluster. */
  points: Map<string, PointMark>;
  /** The exact places of the current aggregates (`of`), and their index when they are clustered. */
  source: { of: readonly PlaceAggregate[]; points: readonly PlaceAggregate[]; index: PlaceClusterIndex | null };
  /** The dataset the handlers read (a mark may outlive a dataset: its place row is kept). */
  dataset: DatasetIndex | null;
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
      ensurePane(map, 'areaLabels');
      ensurePane(map, 'labels');
      const layers: MarkLayers = {
        renderer: createCanvasRenderer({ pane: PANES.marks.name, tolerance: 3 }),
        group: L.layerGroup([], { pane: PANES.marks.name }).addTo(map),
        areaLabels: L.layerGroup([], { pane: PANES.areaLabels.name }).addTo(map),
        labels: L.layerGroup([], { pane: PANES.labels.name }).addTo(map),
        areas: new Map(),
        points: new Map(),
        source: { of: [], points: [], index: null },
        dataset: null,
      };
      layersRef.current = layers;
      return () => {
        map.closePopup();
        layers.group.remove();
        layers.areaLabels.remove();
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
      layers.dataset = index;
      const hasOutline = (code: string) => world !== null && countryShapeFor(world, code) !== null;
      const points: PlaceAggregate[] = [];
      const areas: { aggregate: PlaceAggregate; drawing: PlaceDrawing }[] = [];
      for (const aggregate of aggregates) {
        const drawing = placeDrawing(aggregate.place, hasOutline);
        if (drawing.shape === 'point') points.push(aggregate);
        else areas.push({ aggregate, drawing });
      }
      updateAreas(areas, layers, world, map);
      // The basemap's arrival redraws the areas, not the points: the index is built once per set of aggregates.
      if (layers.source.of !== aggregates)
        layers.source = { of: aggregates, points, index: shouldCluster(points.length) ? clusterIndex(points) : null };
      drawPoints(map, layers);
    },
    [map, index, aggregates, world],
  );

  useEffect(
    function reclusterWhenTheMapMoves() {
      // Leaflet fires moveend after every pan and every zoom (and after a resize).
      const refresh = () => {
        const layers = layersRef.current;
        if (layers?.source.index) drawPoints(map, layers);
      };
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
      ensurePane(map, 'areaLabels').classList.toggle('event-map-pane--dimmed', dimmed);
      ensurePane(map, 'labels').classList.toggle('event-map-pane--dimmed', dimmed);
    },
    [map, selectedId],
  );

  return null;
}

/* ------------------------------------------------------------------ areas */

/** Outlines and zones by difference. One canvas draws (and hit-tests) in insertion order: areas go under points. */
function updateAreas(
  areas: readonly { aggregate: PlaceAggregate; drawing: PlaceDrawing }[],
  layers: MarkLayers,
  world: WorldBasemap | null,
  map: L.Map,
): void {
  const drawn = layers.areas;
  const seen = new Set<number>();
  let added = false;
  for (const { aggregate, drawing } of areas) {
    seen.add(aggregate.placeRow);
    const existing = drawn.get(aggregate.placeRow);
    // A country is a zone until the basemap's outline arrives.
    if (existing && existing.shape === drawing.shape) {
      updatePlaceMark(existing, aggregate, layers);
      continue;
    }
    if (existing) removePlaceMark(existing, layers);
    drawn.set(aggregate.placeRow, createPlaceMark(aggregate, drawing, layers, world, map));
    added = true;
  }
  for (const [placeRow, mark] of drawn)
    if (!seen.has(placeRow)) {
      removePlaceMark(mark, layers);
      drawn.delete(placeRow);
    }
  if (added) {
    for (const mark of drawn.values()) if (mark.shape === 'zone') mark.layer.bringToBack();
    for (const mark of drawn.values()) if (mark.shape === 'outline') mark.layer.bringToBack();
  }
}

/* ------------------------------------------------------------------ points and clusters */

/** The exact places, or the clusters and places around the view at this zoom, drawn by difference. */
function drawPoints(map: L.Map, layers: MarkLayers): void {
  const wanted = wantedPoints(map, layers.source);
  const drawn = layers.points;
  for (const [key, mark] of drawn)
    if (!wanted.has(key)) {
      removePointMark(mark, layers);
      drawn.delete(key);
    }
  const added: [string, Wanted][] = [];
  for (const [key, item] of wanted) {
    const mark = drawn.get(key);
    if (!mark) added.push([key, item]);
    // Keys say the kind ("p…" or "c…"): a kept mark is of the kind wanted.
    else if (mark.kind === 'place' && item.kind === 'place') updatePlaceMark(mark, item.aggregate, layers);
    else if (mark.kind === 'cluster' && item.kind === 'cluster') updateClusterMark(mark, item.cluster);
  }
  // Larger marks first, so that the smaller ones drawn after them stay clickable on top.
  const countOf = (item: Wanted) => (item.kind === 'place' ? item.aggregate.count : item.cluster.props.count);
  added.sort((a, b) => countOf(b[1]) - countOf(a[1]));
  const point: PlaceDrawing = { shape: 'point' };
  for (const [key, item] of added)
    drawn.set(
      key,
      item.kind === 'place'
        ? createPlaceMark(item.aggregate, point, layers, null, map)
        : createClusterMark(item.cluster, layers, map),
    );
}

function wantedPoints(map: L.Map, source: MarkLayers['source']): Map<string, Wanted> {
  const wanted = new Map<string, Wanted>();
  const { points, index } = source;
  if (!index) {
    for (const aggregate of points) wanted.set(`p${aggregate.placeRow}`, { kind: 'place', aggregate });
    return wanted;
  }
  const view = map.getBounds();
  const box = paddedBox([view.getWest(), view.getSouth(), view.getEast(), view.getNorth()], VIEW_PAD);
  for (const feature of index.getClusters(box, Math.round(map.getZoom()))) {
    if (isCluster(feature)) {
      const [lon, lat] = feature.geometry.coordinates;
      const cluster: DrawnCluster = {
        id: feature.properties.cluster_id,
        index,
        points,
        center: L.latLng(lat!, lon!),
        places: feature.properties.point_count,
        props: feature.properties,
      };
      wanted.set(`c${feature.properties.firstRow}`, { kind: 'cluster', cluster });
    } else {
      const aggregate = points[feature.properties.index]!;
      wanted.set(`p${aggregate.placeRow}`, { kind: 'place', aggregate });
    }
  }
  return wanted;
}

function removePointMark(mark: PointMark, layers: MarkLayers): void {
  if (mark.kind === 'place') removePlaceMark(mark, layers);
  else {
    layers.group.removeLayer(mark.halo);
    layers.group.removeLayer(mark.disc);
    removeLabel(mark.label);
  }
}

/* ------------------------------------------------------------------ one place */

/** The first events at a place, as the card and popup list them. */
function firstEvents(index: DatasetIndex, aggregate: PlaceAggregate, max: number) {
  return Array.from(aggregate.eventRows().subarray(0, max), (row) => index.summary(row));
}

function countLabelAt(
  center: L.LatLng,
  text: string,
  className: string,
  group: L.LayerGroup,
  pane: string,
): CountLabel {
  const span = countLabel(text, className);
  const icon = L.divIcon({ className: 'event-map-count-icon', html: span, iconSize: [0, 0] });
  const marker = L.marker(center, { icon, pane, interactive: false, keyboard: false });
  group.addLayer(marker);
  return { marker, text: span, group };
}

function removeLabel(label: CountLabel): void {
  label.group.removeLayer(label.marker);
}

/** An area's count, or a point's when it has more than one event. */
function placeLabel(aggregate: PlaceAggregate, shape: PlaceDrawing['shape'], layers: MarkLayers): CountLabel | null {
  if (shape === 'point' && aggregate.count <= 1) return null;
  const center = L.latLng(aggregate.place.lat, aggregate.place.lon);
  if (shape === 'point')
    return countLabelAt(center, String(aggregate.count), 'event-map-count', layers.labels, PANES.labels.name);
  const className = 'event-map-count event-map-count--area';
  return countLabelAt(center, String(aggregate.count), className, layers.areaLabels, PANES.areaLabels.name);
}

function createPlaceMark(
  aggregate: PlaceAggregate,
  drawing: PlaceDrawing,
  layers: MarkLayers,
  world: WorldBasemap | null,
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
  const mark: PlaceMark = { kind: 'place', shape: drawing.shape, layer, label: null, aggregate, color };
  const dataset = () => layers.dataset!;

  layer.bindTooltip(
    () => placeTooltipContent(place, mark.aggregate.count, firstEvents(dataset(), mark.aggregate, TOOLTIP_MAX_EVENTS)),
    {
      className: 'event-map-tooltip',
      direction: 'top',
      sticky: drawing.shape !== 'point',
      offset: drawing.shape === 'point' ? [0, -markRadius(aggregate.count)] : [0, -8],
      opacity: 1,
    },
  );
  layer.on('click', (e: L.LeafletMouseEvent) =>
    openPlace(dataset(), map, mark.aggregate, drawing.shape === 'point' ? center : e.latlng),
  );
  const onlyEvent = () => (mark.aggregate.count === 1 ? dataset().summary(mark.aggregate.eventRows()[0]!).id : null);
  layer.on('mouseover', () => {
    const id = onlyEvent();
    if (id) useExplorerStore.getState().hoverEvent(id);
  });
  layer.on('mouseout', () => {
    const id = onlyEvent();
    if (id && useExplorerStore.getState().hoveredEventId === id) useExplorerStore.getState().hoverEvent(null);
  });
  layers.group.addLayer(layer);
  mark.label = placeLabel(aggregate, drawing.shape, layers);
  return mark;
}

/** The same place with other events: its size, colour and count change, nothing is rebuilt. */
function updatePlaceMark(mark: PlaceMark, aggregate: PlaceAggregate, layers: MarkLayers): void {
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
  if (mark.label && (mark.shape !== 'point' || aggregate.count > 1))
    mark.label.text.textContent = String(aggregate.count);
  else {
    if (mark.label) removeLabel(mark.label);
    mark.label = placeLabel(aggregate, mark.shape, layers);
  }
}

function removePlaceMark(mark: PlaceMark, layers: MarkLayers): void {
  layers.group.removeLayer(mark.layer);
  if (mark.label) removeLabel(mark.label);
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

/* ------------------------------------------------------------------ one cluster */

function clusterCard(cluster: DrawnCluster): HTMLElement {
  const top = cluster.props.top.map(({ index, count }) => ({ name: cluster.points[index]!.place.name, count }));
  return clusterTooltipContent(cluster.places, cluster.props.count, top);
}

function createClusterMark(cluster: DrawnCluster, layers: MarkLayers, map: L.Map): ClusterMark {
  const color = TYPE_COLORS[dominantClusterType(cluster.props.byType)];
  const radius = clusterRadius(cluster.props.count);
  const common = { renderer: layers.renderer, pane: PANES.marks.name };
  const halo = L.circleMarker(cluster.center, {
    ...clusterHaloStyle(color),
    ...common,
    radius: radius + CLUSTER_HALO_PX,
  });
  const disc = L.circleMarker(cluster.center, { ...pointStyle(color), ...common, radius, interactive: false });
  layers.group.addLayer(halo);
  layers.group.addLayer(disc);
  const label = countLabelAt(
    cluster.center,
    clusterCountText(cluster.props.count),
    'event-map-count event-map-count--cluster',
    layers.labels,
    PANES.labels.name,
  );
  const mark: ClusterMark = { kind: 'cluster', halo, disc, label, cluster, color };
  halo.bindTooltip(() => clusterCard(mark.cluster), {
    className: 'event-map-tooltip',
    direction: 'top',
    offset: [0, -(radius + CLUSTER_HALO_PX)],
    opacity: 1,
  });
  halo.on('click', () => {
    halo.closeTooltip();
    zoomIntoCluster(map, mark.cluster);
  });
  return mark;
}

/** The cluster kept under the same key (at another zoom, or with other events): moved, resized, recoloured. */
function updateClusterMark(mark: ClusterMark, cluster: DrawnCluster): void {
  const previous = mark.cluster;
  mark.cluster = cluster;
  if (!previous.center.equals(cluster.center)) {
    mark.halo.setLatLng(cluster.center);
    mark.disc.setLatLng(cluster.center);
    mark.label.marker.setLatLng(cluster.center);
  }
  const color = TYPE_COLORS[dominantClusterType(cluster.props.byType)];
  if (color !== mark.color) {
    mark.color = color;
    mark.halo.setStyle(clusterHaloStyle(color));
    mark.disc.setStyle(pointStyle(color));
  }
  if (previous.props.count !== cluster.props.count) {
    const radius = clusterRadius(cluster.props.count);
    mark.halo.setRadius(radius + CLUSTER_HALO_PX);
    mark.disc.setRadius(radius);
    const tooltip = mark.halo.getTooltip();
    if (tooltip) tooltip.options.offset = L.point(0, -(radius + CLUSTER_HALO_PX));
    mark.label.text.textContent = clusterCountText(cluster.props.count);
  }
  // An open card would describe the cluster it was: show the current one where it now is.
  if (mark.halo.isTooltipOpen()) mark.halo.openTooltip(cluster.center);
}

/** To the zoom at which the cluster falls apart, centred on it. */
function zoomIntoCluster(map: L.Map, cluster: DrawnCluster): void {
  const expansion = Math.max(cluster.index.getClusterExpansionZoom(cluster.id), map.getZoom() + 1);
  const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  map.setView(cluster.center, Math.min(expansion, map.getMaxZoom()), { animate: !reducedMotion });
}
