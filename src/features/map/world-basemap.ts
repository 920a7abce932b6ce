/**
 * The embedded world basemap: Natural Earth 1:110m country outlines from world-atlas (TopoJSON), converted once to
 * Leaflet-ready [lat, lon] rings with the antimeridian repaired. Loaded lazily: the 108 kB file is its own chunk.
 * These are Natural Earth's de-facto borders (for example Crimea inside Russia), which the attribution states.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { fixPolygons, type PolygonRings } from './antimeridian.ts';
import { COUNTRY_NAME_FALLBACK, numericCountryCode } from '../../domain/country-codes.ts';

/** WGS84 [latitude, longitude], the order Leaflet takes. */
export type LatLon = [number, number];
/** [[south, west], [north, east]] in degrees. */
export type Bounds = [LatLon, LatLon];

export interface CountryShape {
  /** ISO 3166-1 numeric code as world-atlas writes it ("792"), or null for the few features without one. */
  id: string | null;
  name: string;
  /** Polygons of [lat, lon] rings: outer ring first, then holes. Longitudes stay within [-180, 180]. */
  polygons: LatLon[][][];
  /** Bounds of each polygon, in the same order. */
  polygonBounds: Bounds[];
}

export interface WorldBasemap {
  countries: readonly CountryShape[];
  byNumericId: ReadonlyMap<string, CountryShape>;
  byName: ReadonlyMap<string, CountryShape>;
}

export const BASEMAP_ATTRIBUTION = 'Basemap: Natural Earth via world-atlas (de-facto borders)';

function toLatLonPolygon(polygon: PolygonRings): LatLon[][] {
  return polygon.map((ring) => ring.map(([lon, lat]): LatLon => [lat, lon]));
}

function boundsOf(rings: readonly (readonly LatLon[])[]): Bounds {
  let south = 90;
  let west = 180;
  let north = -90;
  let east = -180;
  for (const ring of rings)
    for (const [lat, lon] of ring) {
      if (lat < south) south = lat;
      if (lat > north) north = lat;
      if (lon < west) west = lon;
      if (lon > east) east = lon;
    }
  return [
    [south, west],
    [north, east],
  ];
}

/** Builds the basemap from the world-atlas topology (pure: the lazy import happens in `loadWorldBasemap`). */
export function buildWorldBasemap(topology: Topology): WorldBasemap {
  const object = topology.objects['countries'] as GeometryCollection<{ name?: string }> | undefined;
  if (!object) throw new Error('world-atlas topology has no "countries" object');
  const collection = feature(topology, object);
  const countries: CountryShape[] = [];
  for (const f of collection.features) {
    const geometry = f.geometry;
    let raw: number[][][][];
    if (geometry.type === 'Polygon') raw = [geometry.coordinates];
    else if (geometry.type === 'MultiPolygon') raw = geometry.coordinates;
    else continue;
    const polygons = fixPolygons(raw).map(toLatLonPolygon);
    countries.push({
      id: f.id === undefined ? null : String(f.id),
      name: f.properties?.name ?? '',
      polygons,
      polygonBounds: polygons.map(boundsOf),
    });
  }
  return {
    countries,
    byNumericId: new Map(countries.flatMap((c) => (c.id === null ? [] : [[c.id, c] as const]))),
    byName: new Map(countries.map((c) => [c.name, c])),
  };
}

/** The outline of a country given its ISO 3166-1 alpha-2 code ("TR"), or null when the basemap has none. */
export function countryShapeFor(world: WorldBasemap, alpha2: string | null): CountryShape | null {
  if (!alpha2) return null;
  const numeric = numericCountryCode(alpha2);
  const byId = numeric === null ? undefined : world.byNumericId.get(numeric);
  if (byId) return byId;
  const name = Object.hasOwn(COUNTRY_NAME_FALLBACK, alpha2) ? COUNTRY_NAME_FALLBACK[alpha2]! : null;
  return (name !== null && world.byName.get(name)) || null;
}

/** Ray casting on a [lat, lon] ring: is the point inside? */
function ringContains(ring: readonly LatLon[], lat: number, lon: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [latI, lonI] = ring[i]!;
    const [latJ, lonJ] = ring[j]!;
    if (latI > lat !== latJ > lat && lon < ((lonJ - lonI) * (lat - latI)) / (latJ - latI) + lonI) inside = !inside;
  }
  return inside;
}

/**
 * Where to fit the map for a country: the polygon holding its representative point (metropolitan France, not
 * French Guiana; mainland Russia, not the tip of Chukotka), else its largest polygon by bounding box.
 */
export function countryFitBounds(shape: CountryShape, lat: number, lon: number): Bounds | null {
  let largest: Bounds | null = null;
  let largestArea = -1;
  for (let i = 0; i < shape.polygons.length; i++) {
    const outer = shape.polygons[i]![0];
    const bounds = shape.polygonBounds[i]!;
    if (outer && ringContains(outer, lat, lon)) return bounds;
    const area = (bounds[1][0] - bounds[0][0]) * (bounds[1][1] - bounds[0][1]);
    if (area > largestArea) [largest, largestArea] = [bounds, area];
  }
  return largest;
}

let pending: Promise<WorldBasemap> | null = null;
let loaded: WorldBasemap | null = null;

/** The basemap if it has already been loaded (lets a remounted map draw it at once). */
export function loadedWorldBasemap(): WorldBasemap | null {
  return loaded;
}

/** Loads (once per page) and converts the embedded basemap. */
export function loadWorldBasemap(): Promise<WorldBasemap> {
  pending ??= import('world-atlas/countries-110m.json')
    .then((module) => {
      loaded = buildWorldBasemap(module.default as unknown as Topology);
      return loaded;
    })
    .catch((error: unknown) => {
      pending = null; // let a later mount try again
      throw error;
    });
  return pending;
}
