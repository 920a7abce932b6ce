/**
 * Repairs GeoJSON polygons that cross the ±180° meridian, so that a flat (non-wrapping) Leaflet map does not draw
 * them as stripes across the whole world. Coordinates are GeoJSON order: [longitude, latitude] in WGS84 degrees.
 *
 * Two cases occur in Natural Earth: rings that merely straddle the meridian (Russia's Chukotka, Fiji) are split
 * into one piece on each side; a ring that goes all the way round a pole (Antarctica) is closed along the pole.
 */

export type LonLat = [number, number];
/** A closed ring: its first and last positions are equal. */
export type Ring = LonLat[];
/** An outer ring followed by its holes. */
export type PolygonRings = Ring[];

function lonLat(position: readonly number[]): LonLat {
  return [position[0] ?? 0, position[1] ?? 0];
}

/** True when some edge of the ring jumps more than half the world in longitude: it wraps across ±180°. */
export function crossesAntimeridian(ring: readonly (readonly number[])[]): boolean {
  for (let i = 1; i < ring.length; i++) if (Math.abs((ring[i]![0] ?? 0) - (ring[i - 1]![0] ?? 0)) > 180) return true;
  return false;
}

/** The ring made continuous: each longitude shifted by a multiple of 360° so that no edge jumps more than 180°. */
export function unwrapRing(ring: readonly (readonly number[])[]): Ring {
  const out: Ring = [];
  let offset = 0;
  let previous: number | null = null;
  for (const position of ring) {
    const [lon, lat] = lonLat(position);
    if (previous !== null) {
      const delta = lon + offset - previous;
      if (delta > 180) offset -= 360;
      else if (delta < -180) offset += 360;
    }
    previous = lon + offset;
    out.push([previous, lat]);
  }
  return out;
}

/** Sutherland–Hodgman clipping of a closed ring to the half-plane `lon <= bound` (keep 'below') or `>=` ('above'). */
function clipRing(ring: Ring, bound: number, keep: 'below' | 'above'): Ring {
  const inside = (p: LonLat) => (keep === 'below' ? p[0] <= bound : p[0] >= bound);
  const open = ring.slice(0, -1);
  const out: Ring = [];
  for (let i = 0; i < open.length; i++) {
    const current = open[i]!;
    const previous = open[(i + open.length - 1) % open.length]!;
    const crossing = (): LonLat => {
      const t = (bound - previous[0]) / (current[0] - previous[0]);
      return [bound, previous[1] + t * (current[1] - previous[1])];
    };
    if (inside(current)) {
      if (!inside(previous)) out.push(crossing());
      out.push(current);
    } else if (inside(previous)) out.push(crossing());
  }
  if (out.length > 0) out.push([out[0]![0], out[0]![1]]);
  return out;
}

/** A ring with fewer than three distinct corners encloses nothing. */
function isDegenerate(ring: Ring): boolean {
  const distinct = new Set(ring.map(([lon, lat]) => `${lon},${lat}`));
  return distinct.size < 3;
}

/**
 * A ring around a pole (it returns to its start only after a full turn of longitude): the edge that jumps across
 * ±180° is replaced by a detour along the meridian to the pole and back, which closes the ring without a stripe.
 */
function closeAroundPole(ring: readonly (readonly number[])[]): Ring {
  const points = ring.map(lonLat);
  const meanLat = points.reduce((sum, [, lat]) => sum + lat, 0) / Math.max(1, points.length);
  const poleLat = meanLat < 0 ? -90 : 90;
  const out: Ring = [];
  for (let i = 0; i < points.length; i++) {
    const current = points[i]!;
    const previous = i > 0 ? points[i - 1]! : null;
    if (previous && Math.abs(current[0] - previous[0]) > 180) {
      const fromEdge = previous[0] > 0 ? 180 : -180;
      const toEdge = -fromEdge;
      // Latitude where the edge meets the meridian, interpolated on the continuous (unwrapped) edge.
      const unwrappedCurrent = current[0] + (fromEdge > 0 ? 360 : -360);
      const span = unwrappedCurrent - previous[0];
      const t = span === 0 ? 0 : (fromEdge - previous[0]) / span;
      const crossingLat = previous[1] + t * (current[1] - previous[1]);
      out.push([fromEdge, crossingLat], [fromEdge, poleLat], [toEdge, poleLat], [toEdge, crossingLat]);
    }
    out.push(current);
  }
  return out;
}

/**
 * One GeoJSON polygon made safe for a flat map: returned as one or more polygons whose longitudes all lie in
 * [-180, 180] and whose edges never jump across the map. A polygon that does not cross is returned unchanged.
 */
export function fixPolygon(rings: readonly (readonly (readonly number[])[])[]): PolygonRings[] {
  if (!rings.some(crossesAntimeridian)) return [rings.map((ring) => ring.map(lonLat))];
  const outer = rings[0];
  if (!outer) return [];
  const unwrappedOuter = unwrapRing(outer);
  const first = unwrappedOuter[0];
  const last = unwrappedOuter[unwrappedOuter.length - 1];
  if (first && last && Math.abs(last[0] - first[0]) > 180) {
    // Round a pole. Holes in such a ring do not occur in Natural Earth; they are kept as given.
    return [[closeAroundPole(outer), ...rings.slice(1).map((ring) => ring.map(lonLat))]];
  }
  // Shift every ring so its westmost point lies in [-180, 180), then cut along ±180° and move the overflow back.
  const normalised = rings.map((ring) => {
    const unwrapped = unwrapRing(ring);
    const west = Math.min(...unwrapped.map(([lon]) => lon));
    const shift = -360 * Math.floor((west + 180) / 360);
    return unwrapped.map(([lon, lat]): LonLat => [lon + shift, lat]);
  });
  const polygons: PolygonRings[] = [];
  for (const strip of [0, 1]) {
    const west = -180 + 360 * strip;
    const east = 180 + 360 * strip;
    const pieces = normalised
      .map((ring) => clipRing(clipRing(ring, west, 'above'), east, 'below'))
      .map((ring) => ring.map(([lon, lat]): LonLat => [lon - 360 * strip, lat]));
    const [piecesOuter, ...holes] = pieces;
    if (!piecesOuter || isDegenerate(piecesOuter)) continue;
    polygons.push([piecesOuter, ...holes.filter((hole) => !isDegenerate(hole))]);
  }
  return polygons;
}

/** A (Multi)Polygon geometry's polygons, each repaired with `fixPolygon`. */
export function fixPolygons(polygons: readonly (readonly (readonly (readonly number[])[])[])[]): PolygonRings[] {
  return polygons.flatMap(fixPolygon);
}
