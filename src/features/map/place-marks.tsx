/**
 * One mark per place for the visible events, on a single canvas (it must scale to thousands of places, and one
 * canvas keeps every mark clickable: stacked canvases would hide the lower one from the pointer). Countries are
 * their basemap outline, other areas a dashed zone, exact places a disc sized by √count; counts are labels above.
 *
 * The layers are rebuilt only when the visible events or the basemap change; hover and selection never rebuild
 * them (selection dims the whole pane with one class).
 */
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import type { DatasetIndex, PlaceAggregate } from '../../domain/dataset-index.ts';
import type { NewsEvent } from '../../domain/dataset-schema.ts';
import { TYPE_COLORS } from '../../shared/event-style.ts';
import { useExplorerStore } from '../../state/explorer-store.ts';
import { createCanvasRenderer } from './canvas-renderer.ts';
import { ensurePane, PANES } from './map-panes.ts';
import { areaStyle, pointStyle } from './map-styles.ts';
import { countLabel, placePopupContent, placeTooltipContent } from './place-content.ts';
import { markRadius, placeDrawing, type PlaceDrawing } from './place-geometry.ts';
import { countryShapeFor, type WorldBasemap } from './world-basemap.ts';

/** Above this many count labels, only those in (or near) the view are drawn, refreshed when the map moves. */
const LABEL_LIMIT = 300;

interface MarkLayers {
  renderer: L.Canvas;
  marks: L.LayerGroup;
  labels: L.LayerGroup;
}

const DRAW_ORDER: Record<PlaceDrawing['shape'], number> = { outline: 0, zone: 1, point: 2 };

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
        marks: L.layerGroup([], { pane: PANES.marks.name }).addTo(map),
        labels: L.layerGroup([], { pane: PANES.labels.name }).addTo(map),
      };
      layersRef.current = layers;
      return () => {
        layers.marks.remove();
        layers.labels.remove();
        layers.renderer.remove();
        layersRef.current = null;
      };
    },
    [map],
  );

  useEffect(
    function drawPlaceMarks() {
      const layers = layersRef.current;
      if (!layers) return;
      const { renderer, marks, labels } = layers;
      const hasOutline = (code: string) => world !== null && countryShapeFor(world, code) !== null;
      const eventsOf = (aggregate: PlaceAggregate): NewsEvent[] =>
        aggregate.eventIds.flatMap((id) => index.eventById.get(id) ?? []);
      let popup: L.Popup | null = null;

      function openPlace(aggregate: PlaceAggregate, at: L.LatLng) {
        const store = useExplorerStore.getState();
        const [onlyEvent] = aggregate.eventIds;
        if (aggregate.eventIds.length === 1 && onlyEvent !== undefined) {
          store.selectEvent(onlyEvent, 'map');
          return;
        }
        const content = placePopupContent(aggregate.place, eventsOf(aggregate), store.view.event, (eventId) => {
          useExplorerStore.getState().selectEvent(eventId, 'map');
          map.closePopup();
          map.getContainer().focus({ preventScroll: true });
        });
        popup = L.popup({
          className: 'event-map-popup-container',
          minWidth: 220,
          maxWidth: 320,
          autoPanPadding: [24, 24],
        })
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

      const drawn = aggregates
        .map((aggregate) => ({ aggregate, drawing: placeDrawing(aggregate.place, hasOutline) }))
        .sort((a, b) => DRAW_ORDER[a.drawing.shape] - DRAW_ORDER[b.drawing.shape]); // stable: keeps count order
      const labelled: L.Marker[] = [];
      for (const { aggregate, drawing } of drawn) {
        const { place, eventIds } = aggregate;
        const count = eventIds.length;
        const color = TYPE_COLORS[aggregate.dominantType];
        const center = L.latLng(place.lat, place.lon);
        const common = { renderer, pane: PANES.marks.name };
        let layer: L.Path;
        if (drawing.shape === 'point')
          layer = L.circleMarker(center, { ...pointStyle(color), ...common, radius: markRadius(count) });
        else if (drawing.shape === 'outline')
          layer = L.polygon(countryShapeFor(world!, place.countryCode)!.polygons, { ...areaStyle(color), ...common });
        else layer = L.circle(center, { ...areaStyle(color), ...common, radius: drawing.radiusMetres });

        layer.bindTooltip(() => placeTooltipContent(place, eventsOf(aggregate)), {
          className: 'event-map-tooltip',
          direction: 'top',
          sticky: drawing.shape !== 'point',
          offset: drawing.shape === 'point' ? [0, -markRadius(count)] : [0, -8],
          opacity: 1,
        });
        layer.on('click', (e: L.LeafletMouseEvent) =>
          openPlace(aggregate, drawing.shape === 'point' ? center : e.latlng),
        );
        if (count === 1) {
          const [eventId] = eventIds;
          layer.on('mouseover', () => useExplorerStore.getState().hoverEvent(eventId ?? null));
          layer.on('mouseout', () => {
            if (useExplorerStore.getState().hoveredEventId === eventId) useExplorerStore.getState().hoverEvent(null);
          });
        }
        marks.addLayer(layer);

        if (drawing.shape !== 'point' || count > 1) {
          const className = drawing.shape === 'point' ? 'event-map-count' : 'event-map-count event-map-count--area';
          const icon = L.divIcon({
            className: 'event-map-count-icon',
            html: countLabel(count, className),
            iconSize: [0, 0],
          });
          labelled.push(L.marker(center, { icon, pane: PANES.labels.name, interactive: false, keyboard: false }));
        }
      }

      function showCountLabels() {
        labels.clearLayers();
        if (labelled.length <= LABEL_LIMIT) {
          for (const label of labelled) labels.addLayer(label);
          return;
        }
        const view = map.getBounds().pad(0.2);
        let shown = 0;
        for (const label of labelled) {
          if (shown >= LABEL_LIMIT) break;
          if (view.contains(label.getLatLng())) {
            labels.addLayer(label);
            shown++;
          }
        }
      }
      showCountLabels();
      const cullsLabels = labelled.length > LABEL_LIMIT;
      if (cullsLabels) map.on('moveend', showCountLabels);

      return () => {
        if (cullsLabels) map.off('moveend', showCountLabels);
        if (popup) map.closePopup(popup);
        marks.clearLayers();
        labels.clearLayers();
      };
    },
    [map, index, aggregates, world],
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
