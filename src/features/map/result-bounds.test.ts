import { describe, expect, it } from 'vitest';
import { placeCoordinates, resultBounds } from './result-bounds.ts';

const places = placeCoordinates([
  { lat: 35.93, lon: 36.63, kind: 'admin1' }, // Idlib
  { lat: 43.6, lon: 39.73, kind: 'city' }, // Sochi
  { lat: 61.5, lon: 105.3, kind: 'country' }, // Russia
  { lat: 40.71, lon: -74.0, kind: 'city' }, // New York
]);

describe('resultBounds', () => {
  it('is the box around the matched places, leaving countries aside', () => {
    expect(resultBounds(Int32Array.of(1, 2, 3), places)).toEqual([
      [40.71, -74.0],
      [43.6, 39.73],
    ]);
  });

  it('holds the whole zone drawn around a province', () => {
    const [[south, west], [north, east]] = resultBounds(Int32Array.of(0), places)!;
    expect(south).toBeLessThan(35.93 - 0.5);
    expect(north).toBeGreaterThan(35.93 + 0.5);
    expect(west).toBeLessThan(36.63 - 0.5);
    expect(east).toBeGreaterThan(36.63 + 0.5);
  });

  it('takes countries when they are all there is', () => {
    expect(resultBounds(Int32Array.of(2), places)).toEqual([
      [61.5, 105.3],
      [61.5, 105.3],
    ]);
  });

  it('covers far places too (a filter framing all its results)', () => {
    expect(resultBounds(Int32Array.of(1, 3), places)).toEqual([
      [40.71, -74.0],
      [43.6, 39.73],
    ]);
  });

  it('is null with no places', () => {
    expect(resultBounds(new Int32Array(0), places)).toBeNull();
  });

  it('stays one pass over typed arrays at scale', () => {
    const many = placeCoordinates(
      Array.from({ length: 5000 }, (_, i) => ({ lat: (i % 170) - 85, lon: (i % 360) - 180, kind: 'city' })),
    );
    const rows = Int32Array.from({ length: 5000 }, (_, i) => i);
    const start = performance.now();
    const bounds = resultBounds(rows, many)!;
    expect(performance.now() - start).toBeLessThan(50);
    expect(bounds).toEqual([
      [-85, -180],
      [84, 179],
    ]);
  });
});
