/**
 * The map's own visual vocabulary: how marks, areas, routes and the roles of a selected event's places look.
 * Shared by the layers and the map legend, so the key always matches the drawing. Type colours come from
 * shared/event-style.ts (the global legend's).
 */
import type { PathOptions } from 'leaflet';
import type { PlaceRole } from '../../domain/taxonomy.ts';

export const INK = '#1f2937';
export const TARGET_RED = '#dc2626';

/** An exact place: a filled disc in the type colour with a white rim. */
export function pointStyle(color: string): PathOptions {
  return { stroke: true, color: '#ffffff', weight: 1.5, opacity: 1, fill: true, fillColor: color, fillOpacity: 0.9 };
}

/**
 * The halo around a cluster's disc (the disc itself is drawn like a point): a translucent ring in the type colour
 * with a solid rim, so a group of places never reads as one place or as an area.
 */
export function clusterHaloStyle(color: string): PathOptions {
  return { stroke: true, color, weight: 1.5, opacity: 0.9, fill: true, fillColor: color, fillOpacity: 0.3 };
}

/** An area (country outline or zone): dashed outline and a light fill in the type colour. */
export function areaStyle(color: string): PathOptions {
  return {
    stroke: true,
    color,
    weight: 1.5,
    opacity: 0.9,
    dashArray: '5 4',
    fill: true,
    fillColor: color,
    fillOpacity: 0.14,
  };
}

export const ROUTE_STYLE = { color: INK, weight: 2.5, opacity: 0.9, dashArray: '7 6' } as const;

export interface RoleStyle {
  label: string;
  /** A ring drawn `gap` px outside a point mark, or none. */
  ring: { color: string; weight: number; gap: number; dashArray?: string } | null;
  /** The point mark itself drawn hollow (white inside, coloured rim). */
  hollow: boolean;
  /** Outline of an area place (country outline or zone) in this role. */
  area: { color: string; weight: number; dashArray: string; fillOpacity: number };
  /** The role is about areas: the legend shows it as an outline. */
  areaOnly: boolean;
}

export const ROLE_STYLES: Readonly<Record<PlaceRole, RoleStyle>> = {
  venue: {
    label: 'venue',
    ring: { color: INK, weight: 4, gap: 5 },
    hollow: false,
    area: { color: INK, weight: 4, dashArray: '8 5', fillOpacity: 0.25 },
    areaOnly: false,
  },
  origin: {
    label: 'origin',
    ring: null,
    hollow: true,
    area: { color: INK, weight: 2.5, dashArray: '8 5', fillOpacity: 0 },
    areaOnly: false,
  },
  destination: {
    label: 'destination',
    ring: { color: INK, weight: 2, gap: 3 },
    hollow: false,
    area: { color: INK, weight: 3, dashArray: '8 5', fillOpacity: 0.35 },
    areaOnly: false,
  },
  target: {
    label: 'target',
    ring: { color: TARGET_RED, weight: 4, gap: 5 },
    hollow: false,
    area: { color: TARGET_RED, weight: 3.5, dashArray: '8 5', fillOpacity: 0.25 },
    areaOnly: false,
  },
  area: {
    label: 'area',
    ring: { color: INK, weight: 2.5, gap: 6, dashArray: '5 4' },
    hollow: false,
    area: { color: INK, weight: 3, dashArray: '8 5', fillOpacity: 0.25 },
    areaOnly: true,
  },
  mentioned: {
    label: 'mentioned',
    ring: { color: INK, weight: 1, gap: 3 },
    hollow: false,
    area: { color: INK, weight: 1.5, dashArray: '4 4', fillOpacity: 0.08 },
    areaOnly: false,
  },
};
