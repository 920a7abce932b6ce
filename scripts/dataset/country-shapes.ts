/** Country outlines from world-atlas (Natural Earth 1:50m), keyed by ISO alpha-2 code, for the build's checks. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon as GeoJsonPolygon } from 'geojson';
import { knownAlpha2Codes, numericCountryCode } from '../../src/domain/country-codes.ts';
import type { Polygon } from '../../src/domain/geo.ts';
import type { CountryShapes } from './compile-dataset.ts';

export async function loadCountryShapes(): Promise<CountryShapes> {
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const topology = JSON.parse(await readFile(file, 'utf8')) as Topology<{ countries: GeometryCollection }>;
  const byNumeric = new Map<string, Polygon[]>();
  const collection = feature(topology, topology.objects.countries);
  for (const f of collection.features) {
    const geometry = f.geometry as GeoJsonPolygon | MultiPolygon | null;
    if (!geometry || f.id === undefined) continue;
    const polygons = (geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.coordinates) as unknown as Polygon[];
    byNumeric.set(String(f.id), [...(byNumeric.get(String(f.id)) ?? []), ...polygons]);
  }
  const shapes = new Map<string, readonly Polygon[]>();
  for (const alpha2 of knownAlpha2Codes()) {
    const numeric = numericCountryCode(alpha2);
    const polygons = numeric ? byNumeric.get(numeric) : undefined;
    if (polygons) shapes.set(alpha2, polygons);
  }
  return shapes;
}
