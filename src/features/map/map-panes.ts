/**
 * The map's own panes, bottom to top. The basemap sits below Leaflet's tile pane (200): it loads after the marks
 * and must never cover them, and online tiles, when switched on, cover it. Panes above the marks are for drawing
 * only (no pointer events), so every click reaches the one canvas that holds the marks.
 */
import type { Map as LeafletMap } from 'leaflet';

export const PANES = {
  basemap: { name: 'event-map-basemap', zIndex: 150, interactive: false },
  marks: { name: 'event-map-marks', zIndex: 420, interactive: true },
  /** Counts of areas, under those of exact places and clusters (an area's count sits where its places crowd). */
  areaLabels: { name: 'event-map-area-labels', zIndex: 425, interactive: false },
  labels: { name: 'event-map-labels', zIndex: 430, interactive: false },
  /** A playing window's events (playback-layer.tsx), over the marks it dims. */
  playback: { name: 'event-map-playback', zIndex: 435, interactive: false },
  hover: { name: 'event-map-hover', zIndex: 440, interactive: false },
  selection: { name: 'event-map-selection', zIndex: 450, interactive: false },
} as const;

export type PaneKey = keyof typeof PANES;

/** The pane, created on first use. Idempotent: effects run twice under StrictMode and panes outlive layers. */
export function ensurePane(map: LeafletMap, key: PaneKey): HTMLElement {
  const spec = PANES[key];
  const existing = map.getPane(spec.name);
  if (existing) return existing;
  const pane = map.createPane(spec.name);
  pane.style.zIndex = String(spec.zIndex);
  if (!spec.interactive) pane.style.pointerEvents = 'none';
  return pane;
}
