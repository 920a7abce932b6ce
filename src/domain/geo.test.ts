import { describe, expect, it } from 'vitest';
import { distanceToPolygonsKm, inPolygons, type Polygon } from './geo.ts';

const square: Polygon = [
  [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
    [0, 0],
  ],
  [
    [4, 4],
    [6, 4],
    [6, 6],
    [4, 6],
    [4, 4],
  ],
];

describe('geo', () => {
  it('finds points inside a polygon and outside its holes', () => {
    expect(inPolygons(2, 2, [square])).toBe(true);
    expect(inPolygons(5, 5, [square])).toBe(false);
    expect(inPolygons(12, 2, [square])).toBe(false);
  });
  it('measures the distance to the nearest edge in km', () => {
    expect(distanceToPolygonsKm(11, 5, [square])).toBeCloseTo(111.3, 0);
    expect(distanceToPolygonsKm(5, 5, [square])).toBeCloseTo(111.3, 0);
  });
});
