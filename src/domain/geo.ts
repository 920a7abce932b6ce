/**
 * Small planar geometry on WGS84 coordinates, enough to check that a curated point lies in its country.
 * Rings are arrays of [longitude, latitude] (GeoJSON order).
 */

export type Ring = readonly (readonly [number, number])[];
/** A polygon is an outer ring followed by its holes. */
export type Polygon = readonly Ring[];

/**
 * Ray casting: true when the point (x, y) is inside the ring of [x, y] pairs (points on the edge may go either
 * way). The test is symmetric in its axes, so it serves [lon, lat] rings (GeoJSON) and [lat, lon] rings (Leaflet)
 * alike, given the point in the same order. The one point-in-polygon of the project.
 */
export function ringContainsPoint(x: number, y: number, ring: Ring): boolean {
  const [lon, lat] = [x, y];
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function inPolygons(lon: number, lat: number, polygons: readonly Polygon[]): boolean {
  return polygons.some(
    ([outer, ...holes]) =>
      outer !== undefined && ringContainsPoint(lon, lat, outer) && !holes.some((h) => ringContainsPoint(lon, lat, h)),
  );
}

const KM_PER_DEGREE = 111.32;

/** Approximate distance in km from a point to the nearest edge of any polygon (equirectangular, fine for < 100 km). */
export function distanceToPolygonsKm(lon: number, lat: number, polygons: readonly Polygon[]): number {
  const scale = Math.cos((lat * Math.PI) / 180);
  let best = Infinity;
  for (const polygon of polygons)
    for (const ring of polygon)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [ax, ay] = ring[j]!;
        const [bx, by] = ring[i]!;
        const px = (lon - ax) * scale;
        const py = lat - ay;
        const dx = (bx - ax) * scale;
        const dy = by - ay;
        const length2 = dx * dx + dy * dy;
        const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / length2));
        best = Math.min(best, Math.hypot(px - t * dx, py - t * dy));
      }
  return best * KM_PER_DEGREE;
}
