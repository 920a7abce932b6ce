import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import topology from 'world-atlas/countries-110m.json';
import { REPAIRED_BASEMAP, repairedBasemapText } from '../../../scripts/map/build-basemap.ts';
import { buildWorldBasemap } from './repair-basemap.ts';
import { countryFitBounds, countryShapeFor, unpackWorldBasemap, type RepairedBasemap } from './world-basemap.ts';

describe('the basemap the page loads', () => {
  it('is what npm run basemap produces from the installed world-atlas (run it if this fails)', async () => {
    expect(await readFile(REPAIRED_BASEMAP, 'utf8')).toBe(await repairedBasemapText());
  });

  it('unpacks to the shapes the repair computes, within the rounding', async () => {
    const packed = JSON.parse(await readFile(REPAIRED_BASEMAP, 'utf8')) as RepairedBasemap;
    const page = unpackWorldBasemap(packed);
    const exact = buildWorldBasemap(topology as unknown as Topology);
    expect(page.countries.map((c) => c.id)).toEqual(exact.countries.map((c) => c.id));
    const tolerance = 10 ** -packed.decimals;
    for (const [code, [lat, lon]] of [
      ['TR', [39, 35]],
      ['RU', [56, 38]],
      ['FJ', [-17.8, 178]],
    ] as const) {
      const fit = countryFitBounds(countryShapeFor(page, code)!, lat, lon)!;
      const want = countryFitBounds(countryShapeFor(exact, code)!, lat, lon)!;
      for (const [i, j] of [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ] as const)
        expect(Math.abs(fit[i][j] - want[i][j])).toBeLessThanOrEqual(tolerance);
    }
  });
});
