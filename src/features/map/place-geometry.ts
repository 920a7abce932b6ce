/**
 * How a place is drawn, and the geometry of routes: pure functions, no Leaflet, so they are tested in milliseconds.
 * Coordinates are WGS84 [latitude, longitude] in degrees; distances in metres; screen sizes in CSS pixels.
 */
import type { PlaceAggregate } from '../../domain/dataset-index.ts';
import type { NewsEvent, Place } from '../../domain/dataset-schema.ts';
import type { PlaceKind } from '../../domain/taxonomy.ts';
import type { Bounds, LatLon } from './world-basemap.ts';

/**
 * Radius of the dashed zone drawn for an area with no outline in the basemap, in metres: a province-sized,
 * a region-sized and a sea-sized disc. A country whose outline is missing gets a larger one.
 */
export const AREA_RADIUS_METRES: Readonly<Record<Exclude<PlaceKind, 'city' | 'site'>, number>> = {
  admin1: 120_000,
  region: 200_000,
  water: 150_000,
  country: 400_000,
};

export type PlaceDrawing = { shape: 'point' } | { shape: 'outline' } | { shape: 'zone'; radiusMetres: number };

/**
 * A city or site is an exact point; a country is its outline when the basemap has one; any other area (or a
 * country without an outline) is a dashed zone around its representative point. Never a pin for an area.
 */
export function placeDrawing(place: Place, hasOutline: (countryCode: string) => boolean): PlaceDrawing {
  switch (place.kind) {
    case 'city':
    case 'site':
      return { shape: 'point' };
    case 'country':
      if (place.countryCode !== null && hasOutline(place.countryCode)) return { shape: 'outline' };
      return { shape: 'zone', radiusMetres: AREA_RADIUS_METRES.country };
    case 'admin1':
    case 'region':
    case 'water':
      return { shape: 'zone', radiusMetres: AREA_RADIUS_METRES[place.kind] };
  }
}

/** Radius in pixels of a point mark for `count` events: its area grows with the count (radius with √count). */
export function markRadius(count: number): number {
  return Math.min(28, 4 + 4 * Math.sqrt(Math.max(1, count)));
}

/**
 * Radius in pixels of a cluster's disc for `count` events: it grows with the logarithm (a cluster holds from two
 * to a million events) between 10 and 20 px, so that neighbouring clusters, about CLUSTER_RADIUS_PX apart, do not
 * cover each other. Its halo adds CLUSTER_HALO_PX.
 */
export function clusterRadius(count: number): number {
  return Math.min(20, 10 + 2.5 * Math.log10(Math.max(1, count)));
}

/** How far a cluster's halo reaches beyond its disc, in pixels. */
export const CLUSTER_HALO_PX = 5;

const EARTH_RADIUS_METRES = 6_371_008.8;
const DEGREE_METRES = (Math.PI * EARTH_RADIUS_METRES) / 180;

/** The bounds of a disc of `radiusMetres` around a point (longitude span widened by 1/cos(lat)). */
export function circleBounds([lat, lon]: LatLon, radiusMetres: number): Bounds {
  const dLat = radiusMetres / DEGREE_METRES;
  const dLon = dLat / Math.max(0.01, Math.cos((lat * Math.PI) / 180));
  return [
    [Math.max(-90, lat - dLat), Math.max(-180, lon - dLon)],
    [Math.min(90, lat + dLat), Math.min(180, lon + dLon)],
  ];
}

/** The smallest bounds holding all of `boxes`, or null for none. */
export function unionBounds(boxes: Iterable<Bounds>): Bounds | null {
  let result: Bounds | null = null;
  for (const [[s, w], [n, e]] of boxes) {
    if (!result)
      result = [
        [s, w],
        [n, e],
      ];
    else {
      result[0][0] = Math.min(result[0][0], s);
      result[0][1] = Math.min(result[0][1], w);
      result[1][0] = Math.max(result[1][0], n);
      result[1][1] = Math.max(result[1][1], e);
    }
  }
  return result;
}

export interface RouteLeg {
  from: Place;
  to: Place;
}

/**
 * The legs of a journey: from each origin to each destination (or, when the event names none, to each venue).
 * Empty when the event has no origin or nowhere to go; a leg that starts and ends at one place is dropped.
 */
export function routeLegs(event: Pick<NewsEvent, 'places'>, placeById: ReadonlyMap<string, Place>): RouteLeg[] {
  const placesWith = (role: string) =>
    event.places.filter((link) => link.role === role).flatMap((link) => placeById.get(link.placeId) ?? []);
  const origins = placesWith('origin');
  if (origins.length === 0) return [];
  const destinations = placesWith('destination');
  const ends = destinations.length > 0 ? destinations : placesWith('venue');
  return origins.flatMap((from) => ends.filter((to) => to.id !== from.id).map((to) => ({ from, to })));
}

/**
 * A gently curved path from `from` to `to` (a quadratic Bézier bowed to the left of travel by `bend` times the
 * length), sampled at `steps` + 1 points, in [lat, lon]. Curves keep two routes between the same places apart.
 */
export function curvedPath(from: LatLon, to: LatLon, bend = 0.18, steps = 32): LatLon[] {
  const [lat0, lon0] = from;
  const [lat1, lon1] = to;
  const controlLat = (lat0 + lat1) / 2 + bend * (lon1 - lon0);
  const controlLon = (lon0 + lon1) / 2 - bend * (lat1 - lat0);
  const path: LatLon[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const a = (1 - t) * (1 - t);
    const b = 2 * (1 - t) * t;
    const c = t * t;
    path.push([a * lat0 + b * controlLat + c * lat1, a * lon0 + b * controlLon + c * lon1]);
  }
  return path;
}

/** Web Mercator y (unitless) of a latitude: screen directions are the same at every zoom level. */
function mercatorY(lat: number): number {
  const clamped = Math.max(-85.0511, Math.min(85.0511, lat));
  return Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360));
}

/**
 * On-screen direction of travel from `a` to `b` in degrees, clockwise from east (screen y points down), as CSS
 * `rotate()` takes it: 0 = east, 90 = south, -90 = north. The map is conformal, so this holds at any zoom.
 */
export function screenBearing(a: LatLon, b: LatLon): number {
  const dx = ((b[1] - a[1]) * Math.PI) / 180;
  const dy = -(mercatorY(b[0]) - mercatorY(a[0]));
  return (Math.atan2(dy, dx) * 180) / Math.PI;
}

/**
 * The places that frame the first view: where most events happen. Countries are left out (their representative
 * point says nothing about where in a large country things happened: Russia's is in Siberia), and so is the long
 * tail of rarely mentioned places, so a single event in New York does not zoom the map out to the whole world.
 */
export function framingPlaces(aggregates: readonly PlaceAggregate[], share = 0.8): PlaceAggregate[] {
  const local = aggregates.filter((a) => a.place.kind !== 'country');
  const candidates = (local.length > 0 ? local : [...aggregates]).sort((x, y) => y.count - x.count);
  const total = candidates.reduce((sum, a) => sum + a.count, 0);
  const framing: PlaceAggregate[] = [];
  let covered = 0;
  for (const aggregate of candidates) {
    if (framing.length > 0 && covered >= share * total) break;
    framing.push(aggregate);
    covered += aggregate.count;
  }
  return framing;
}
