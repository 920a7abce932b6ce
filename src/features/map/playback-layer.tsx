/**
 * The map's side of a playback (domain/playback.ts): while the window plays, the places of the events inside it
 * are drawn bright on one canvas, sized by √count, and those of events that just left it fade out; the ordinary
 * marks stay underneath, dimmed, for context. It is drawn imperatively from the store's subscription, once per
 * frame: one pass over the filtered rows into reused typed arrays (fillPlaybackFrame), one pass over the places
 * touched, no Leaflet layer, no React render and no allocation per frame. Place positions are projected once per
 * move or zoom, not per frame.
 */
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { isAreaPlace, type DatasetIndex } from '../../domain/dataset-index.ts';
import {
  createPlaybackFrame,
  fadeDaysOf,
  fillPlaybackFrame,
  playbackEnd,
  type PlaybackFrame,
} from '../../domain/playback.ts';
import { useExplorerStore } from '../../state/explorer-store.ts';
import { ensurePane } from './map-panes.ts';

const PLAYING_CLASS = 'event-map-playing';
const INSIDE_COLOR = 'rgb(214 96 18 / 88%)';
const INSIDE_EDGE = '#fff';
const MAX_RADIUS = 26;

export function PlaybackLayer({ index, rows }: { index: DatasetIndex; rows: Int32Array }) {
  const map = useMap();
  const rowsRef = useRef(rows);
  const redrawRef = useRef<(() => void) | null>(null);

  useEffect(
    function followTheFilteredRows() {
      rowsRef.current = rows;
      redrawRef.current?.();
    },
    [rows],
  );

  useEffect(
    function drawPlayingWindow() {
      const pane = ensurePane(map, 'playback');
      const canvas = L.DomUtil.create('canvas', 'event-map-playback', pane);
      const context = canvas.getContext('2d');
      if (!context) return;
      const { columns, places } = index;
      const placeCount = places.length;
      const x = new Float32Array(placeCount);
      const y = new Float32Array(placeCount);
      const area = Uint8Array.from(places, (place) => (isAreaPlace(place) ? 1 : 0));
      // Per place, for one frame: events inside the window, and the brightness of the freshest that left it.
      const inside = new Float32Array(placeCount);
      const recency = new Float32Array(placeCount);
      const touched = new Int32Array(placeCount);
      // 12 bytes an event (12 MB at 1M): allocated on the first frame played, not for every map that never plays.
      let frame: PlaybackFrame | null = null;
      const { offsets, values } = columns.places;
      let projected = false;

      const project = () => {
        const size = map.getSize();
        const ratio = window.devicePixelRatio || 1;
        canvas.width = Math.round(size.x * ratio);
        canvas.height = Math.round(size.y * ratio);
        canvas.style.width = `${size.x}px`;
        canvas.style.height = `${size.y}px`;
        context.setTransform(ratio, 0, 0, ratio, 0, 0);
        // The canvas sits in a map pane, which Leaflet moves with the map: pin it to the container's corner.
        L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
        for (let p = 0; p < placeCount; p++) {
          const point = map.latLngToContainerPoint([places[p]!.lat, places[p]!.lon]);
          x[p] = point.x;
          y[p] = point.y;
        }
        projected = true;
      };

      const draw = () => {
        const playback = useExplorerStore.getState().playback;
        const playing = playback?.playing === true;
        map.getContainer().classList.toggle(PLAYING_CLASS, playing);
        if (!playing) {
          canvas.hidden = true;
          return;
        }
        canvas.hidden = false;
        if (!projected) project();
        const size = map.getSize();
        context.clearRect(0, 0, size.x, size.y);
        const end = playbackEnd(playback);
        frame ??= createPlaybackFrame(index.size);
        fillPlaybackFrame(
          columns.earliest,
          columns.latest,
          rowsRef.current,
          playback.start,
          end,
          fadeDaysOf(playback),
          frame,
        );
        let touchedCount = 0;
        for (let i = 0; i < frame.insideCount; i++) {
          const row = frame.inside[i]!;
          for (let k = offsets[row]!; k < offsets[row + 1]!; k++) {
            const place = values[k]!;
            if (inside[place] === 0 && recency[place] === 0) touched[touchedCount++] = place;
            inside[place]! += 1;
            recency[place] = 1;
          }
        }
        for (let i = 0; i < frame.fadingCount; i++) {
          const row = frame.fading[i]!;
          const brightness = 1 - frame.fade[i]!;
          for (let k = offsets[row]!; k < offsets[row + 1]!; k++) {
            const place = values[k]!;
            if (inside[place] === 0 && recency[place] === 0) touched[touchedCount++] = place;
            if (brightness > recency[place]!) recency[place] = brightness;
          }
        }
        // Fading first, so the places inside the window are drawn over them.
        context.lineWidth = 1.5;
        for (let i = 0; i < touchedCount; i++) {
          const place = touched[i]!;
          if (inside[place]! > 0) continue;
          context.globalAlpha = 0.55 * recency[place]!;
          context.fillStyle = INSIDE_COLOR;
          context.beginPath();
          context.arc(x[place]!, y[place]!, 4, 0, 2 * Math.PI);
          context.fill();
        }
        context.globalAlpha = 1;
        context.strokeStyle = INSIDE_EDGE;
        for (let i = 0; i < touchedCount; i++) {
          const place = touched[i]!;
          const count = inside[place]!;
          if (count > 0) {
            const radius = Math.min(MAX_RADIUS, 4 + 2.2 * Math.sqrt(count));
            context.beginPath();
            context.arc(x[place]!, y[place]!, radius, 0, 2 * Math.PI);
            // An area (a country, a province) is a ring at its centre: the event is somewhere inside it.
            if (area[place]) {
              context.strokeStyle = INSIDE_COLOR;
              context.lineWidth = 3;
              context.stroke();
              context.strokeStyle = INSIDE_EDGE;
              context.lineWidth = 1.5;
            } else {
              context.fillStyle = INSIDE_COLOR;
              context.fill();
              context.stroke();
            }
          }
          inside[place] = 0;
          recency[place] = 0;
        }
      };

      const onMoved = () => {
        projected = false;
        draw();
      };
      // Leaflet scales panes with CSS during its zoom animation: the points are drawn again once it has ended.
      const onZoomStart = () => context.clearRect(0, 0, canvas.width, canvas.height);
      map.on('moveend resize', onMoved);
      map.on('zoomstart', onZoomStart);
      redrawRef.current = draw;
      draw();
      const unsubscribe = useExplorerStore.subscribe((state, previous) => {
        if (state.playback !== previous.playback) draw();
      });
      return () => {
        unsubscribe();
        redrawRef.current = null;
        map.off('moveend resize', onMoved);
        map.off('zoomstart', onZoomStart);
        map.getContainer().classList.remove(PLAYING_CLASS);
        canvas.remove();
      };
    },
    [map, index],
  );
  return null;
}
