/**
 * Build-time half of the basemap: world-atlas's TopoJSON → [lat, lon] polygons with the antimeridian repaired
 * (antimeridian.ts), packed into the file the page loads (countries-110m.repaired.json). `npm run basemap` writes it;
 * a unit test checks the committed file is what this code produces, so the two cannot drift apart.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { fixPolygons, type PolygonRings } from './antimeridian.ts';
import {
  boundsOf,
  indexCountries,
  type CountryShape,
  type LatLon,
  type RepairedBasemap,
  type WorldBasemap,
} from './world-basemap.ts';

/** Coordinates are kept to 2 decimals (about 1 km): the 1:110m outlines are far coarser. */
export const BASEMAP_DECIMALS = 2;

function toLatLonPolygon(polygon: PolygonRings): LatLon[][] {
  return polygon.map((ring) => ring.map(([lon, lat]): LatLon => [lat, lon]));
}

/** The repaired basemap from the world-atlas topology (what the page used to compute on every load). */
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
  return indexCountries(countries);
}

/** The packed file for the page: flat rings, rounded. */
export function packWorldBasemap(world: WorldBasemap, decimals = BASEMAP_DECIMALS): RepairedBasemap {
  const scale = 10 ** decimals;
  const round = (x: number) => Math.round(x * scale) / scale;
  return {
    source: 'world-atlas countries-110m (Natural Earth 1:110m), antimeridian repaired by npm run basemap',
    decimals,
    countries: world.countries.map((c) => ({
      id: c.id,
      name: c.name,
      polygons: c.polygons.map((polygon) =>
        polygon.map((ring) => ring.flatMap(([lat, lon]) => [round(lat), round(lon)])),
      ),
    })),
  };
}
