/**
 * The embedded world basemap: Natural Earth 1:110m country outlines from world-atlas, as Leaflet-ready [lat, lon]
 * rings with the antimeridian repaired. The repair (13-30 ms of a page load when it ran in the browser) is done once
 * by `npm run basemap` (repair-basemap.ts), which writes countries-110m.repaired.json; the page only unpacks it.
 * Loaded lazily: the file is its own chunk. These are Natural Earth's de-facto borders (for example Crimea inside
 * Russia), which the attribution states.
 */
import { COUNTRY_NAME_FALLBACK, numericCountryCode } from '../../domain/country-codes.ts';
import { ringContainsPoint } from '../../domain/geo.ts';

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

/** The outline of a country given its ISO 3166-1 alpha-2 code ("TR"), or null when the basemap has none. */
export function countryShapeFor(world: WorldBasemap, alpha2: string | null): CountryShape | null {
  if (!alpha2) return null;
  const numeric = numericCountryCode(alpha2);
  const byId = numeric === null ? undefined : world.byNumericId.get(numeric);
  if (byId) return byId;
  const name = Object.hasOwn(COUNTRY_NAME_FALLBACK, alpha2) ? COUNTRY_NAME_FALLBACK[alpha2]! : null;
  return (name !== null && world.byName.get(name)) || null;
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
    // Ray casting is symmetric in its two axes: a [lat, lon] ring is tested with (lat, lon).
    if (outer && ringContainsPoint(lat, lon, outer)) return bounds;
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

/** Loads (once per page) and unpacks the embedded, already repaired basemap. */
export function loadWorldBasemap(): Promise<WorldBasemap> {
  pending ??= import('./countries-110m.repaired.json')
    .then((module) => {
      loaded = unpackWorldBasemap(module.default as RepairedBasemap);
      return loaded;
    })
    .catch((error: unknown) => {
      pending = null; // let a later mount try again
      throw error;
    });
  return pending;
}

/**
 * The file `npm run basemap` writes: per country its polygons, each ring a flat [lat, lon, lat, lon, …] array with
 * coordinates rounded to 2 decimals (about 1 km, finer than the 1:110m outlines themselves).
 */
export interface RepairedBasemap {
  source: string;
  decimals: number;
  countries: { id: string | null; name: string; polygons: number[][][] }[];
}

/** [lat, lon] pairs and bounds from the packed file. */
export function unpackWorldBasemap(file: RepairedBasemap): WorldBasemap {
  const countries = file.countries.map((c): CountryShape => {
    const polygons = c.polygons.map((polygon) =>
      polygon.map((flat) => {
        const ring: LatLon[] = [];
        for (let i = 0; i + 1 < flat.length; i += 2) ring.push([flat[i]!, flat[i + 1]!]);
        return ring;
      }),
    );
    return { id: c.id, name: c.name, polygons, polygonBounds: polygons.map(boundsOf) };
  });
  return indexCountries(countries);
}

/** The basemap over these countries, looked up by ISO numeric code and by name. */
export function indexCountries(countries: CountryShape[]): WorldBasemap {
  return {
    countries,
    byNumericId: new Map(countries.flatMap((c) => (c.id === null ? [] : [[c.id, c] as const]))),
    byName: new Map(countries.map((c) => [c.name, c])),
  };
}

/** [[south, west], [north, east]] of a polygon's rings. */
export function boundsOf(rings: readonly (readonly LatLon[])[]): Bounds {
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
