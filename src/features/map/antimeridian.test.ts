import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import topology from 'world-atlas/countries-110m.json';
import { crossesAntimeridian, fixPolygon, unwrapRing } from './antimeridian.ts';
import { buildWorldBasemap } from './repair-basemap.ts';
import type { CountryShape } from './world-basemap.ts';

const world = buildWorldBasemap(topology as unknown as Topology);

function maxLonJump(shape: CountryShape): number {
  let max = 0;
  for (const polygon of shape.polygons)
    for (const ring of polygon)
      for (let i = 1; i < ring.length; i++) max = Math.max(max, Math.abs(ring[i]![1] - ring[i - 1]![1]));
  return max;
}

function lonRange(shape: CountryShape): [number, number] {
  const lons = shape.polygons.flat(2).map(([, lon]) => lon);
  return [Math.min(...lons), Math.max(...lons)];
}

/** Shoelace area in square degrees, of the outer rings only. */
function area(polygons: readonly (readonly (readonly number[])[])[][]): number {
  let total = 0;
  for (const [outer] of polygons) {
    if (!outer) continue;
    let sum = 0;
    for (let i = 1; i < outer.length; i++) sum += outer[i - 1]![0]! * outer[i]![1]! - outer[i]![0]! * outer[i - 1]![1]!;
    total += Math.abs(sum) / 2;
  }
  return total;
}

describe('fixPolygon', () => {
  it('leaves a polygon that does not cross untouched', () => {
    const square = [
      [
        [10, 10],
        [20, 10],
        [20, 20],
        [10, 20],
        [10, 10],
      ],
    ];
    expect(fixPolygon(square)).toEqual([square]);
  });

  it('splits a box straddling ±180° into one piece on each side', () => {
    const box = [
      [
        [170, 60],
        [-170, 60],
        [-170, 70],
        [170, 70],
        [170, 60],
      ],
    ];
    expect(crossesAntimeridian(box[0]!)).toBe(true);
    const pieces = fixPolygon(box);
    expect(pieces).toHaveLength(2);
    const [east, west] = pieces.map((p) => p[0]!.map(([lon]) => lon));
    expect(Math.min(...east!)).toBe(170);
    expect(Math.max(...east!)).toBe(180);
    expect(Math.min(...west!)).toBe(-180);
    expect(Math.max(...west!)).toBe(-170);
    expect(area(pieces)).toBeCloseTo(area([unwrapRing(box[0]!)].map((r) => [r])), 6);
    for (const piece of pieces) expect(crossesAntimeridian(piece[0]!)).toBe(false);
  });

  it('closes a ring that goes round the south pole along the pole instead of across the map', () => {
    const polar = [
      [
        [-180, -80],
        [-90, -75],
        [0, -70],
        [90, -75],
        [180, -80],
        [-180, -80],
      ],
    ];
    const [fixed] = fixPolygon(polar);
    const ring = fixed![0]!;
    expect(ring.some(([, lat]) => lat === -90)).toBe(true);
    for (let i = 1; i < ring.length; i++) {
      // the only long edge left runs along the pole itself, where it has no length on the map
      const [lon0, lat0] = ring[i - 1]!;
      const [lon1, lat1] = ring[i]!;
      if (Math.abs(lon1 - lon0) > 180) expect([lat0, lat1]).toEqual([-90, -90]);
    }
  });
});

describe('the embedded world basemap', () => {
  it('has no ring jumping across the map and no longitude outside [-180, 180], in any country', () => {
    for (const country of world.countries) {
      const [west, east] = lonRange(country);
      expect(west, country.name).toBeGreaterThanOrEqual(-180);
      expect(east, country.name).toBeLessThanOrEqual(180);
      // Antarctica's only long edges run along the pole (latitude -90), where Mercator clamps them off the map
      if (country.name !== 'Antarctica') expect(maxLonJump(country), country.name).toBeLessThan(180);
    }
  });

  it.each(['643', '242'])('splits the rings of %s that crossed ±180° into pieces on both sides', (id) => {
    const shape = world.byNumericId.get(id)!;
    const easternmost = Math.max(...shape.polygons.flat(2).map(([, lon]) => lon));
    const westernmost = Math.min(...shape.polygons.flat(2).map(([, lon]) => lon));
    expect(easternmost).toBe(180);
    expect(westernmost).toBe(-180);
    expect(maxLonJump(shape)).toBeLessThan(180);
  });

  it("keeps Russia's Chukotka tip: the pieces west of -170° exist and are small", () => {
    const russia = world.byNumericId.get('643')!;
    const western = russia.polygonBounds.filter(([, [, e]]) => e < 0);
    expect(western.length).toBeGreaterThan(0);
    for (const [[, w], [, e]] of western) expect(e - w).toBeLessThan(15);
  });

  it('closes Antarctica along the south pole', () => {
    const antarctica = world.byNumericId.get('010')!;
    expect(antarctica.polygons.flat(2).some(([lat]) => lat === -90)).toBe(true);
  });
});
