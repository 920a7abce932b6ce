/**
 * The map area that frames the filtered events: the bounding box of the places they are at, from the filter's
 * place tally (one typed array of place rows) over coordinates laid out once per dataset, so it costs one pass over
 * the places with matches, not over the events (100,000 events share a few thousand places at most).
 *
 * Countries are left out when any other place is there: a country's representative point says nothing about where
 * in it things happened (Russia's is in Siberia), and its outline is drawn whole anyway. A province, region or sea
 * is drawn as a zone around its point (place-geometry.ts): the box holds the whole zone. Pure; no Leaflet.
 */
import type { PlaceKind } from '../../domain/taxonomy.ts';
import { AREA_RADIUS_METRES, circleBounds } from './place-geometry.ts';
import type { Bounds } from './world-basemap.ts';

/** Every place's point, the radius of the zone drawn around it (0 for a point), and whether it is a country. */
export interface PlaceCoordinates {
  lat: Float64Array;
  lon: Float64Array;
  radiusMetres: Float64Array;
  isCountry: Uint8Array;
}

export function placeCoordinates(places: readonly { lat: number; lon: number; kind: PlaceKind }[]): PlaceCoordinates {
  const n = places.length;
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const radiusMetres = new Float64Array(n);
  const isCountry = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const place = places[i]!;
    lat[i] = place.lat;
    lon[i] = place.lon;
    isCountry[i] = place.kind === 'country' ? 1 : 0;
    if (place.kind === 'admin1' || place.kind === 'region' || place.kind === 'water')
      radiusMetres[i] = AREA_RADIUS_METRES[place.kind];
  }
  return { lat, lon, radiusMetres, isCountry };
}

/** [[south, west], [north, east]] of the places in `placeRows` (countries only when nothing else), or null. */
export function resultBounds(placeRows: Int32Array, coordinates: PlaceCoordinates): Bounds | null {
  return boundsOf(placeRows, coordinates, false) ?? boundsOf(placeRows, coordinates, true);
}

function boundsOf(
  placeRows: Int32Array,
  { lat, lon, radiusMetres, isCountry }: PlaceCoordinates,
  countries: boolean,
): Bounds | null {
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  for (let k = 0; k < placeRows.length; k++) {
    const row = placeRows[k]!;
    if (row < 0 || row >= lat.length || (isCountry[row] === 1) !== countries) continue;
    const y = lat[row]!;
    const x = lon[row]!;
    const radius = radiusMetres[row]!;
    if (radius > 0) {
      const [[s, w], [n, e]] = circleBounds([y, x], radius);
      if (s < south) south = s;
      if (n > north) north = n;
      if (w < west) west = w;
      if (e > east) east = e;
      continue;
    }
    if (y < south) south = y;
    if (y > north) north = y;
    if (x < west) west = x;
    if (x > east) east = x;
  }
  return south === Infinity
    ? null
    : [
        [south, west],
        [north, east],
      ];
}
