import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import topology from 'world-atlas/countries-110m.json';
import type { NewsEvent, Place } from '../../domain/dataset-schema.ts';
import {
  framingPlaces,
  circleBounds,
  clusterRadius,
  curvedPath,
  markRadius,
  placeDrawing,
  routeLegs,
  screenBearing,
  unionBounds,
} from './place-geometry.ts';
import { buildWorldBasemap } from './repair-basemap.ts';
import { countryFitBounds, countryShapeFor } from './world-basemap.ts';

function place(id: string, kind: Place['kind'], lat: number, lon: number, countryCode: string | null = null): Place {
  return { id, name: id, aliases: [], kind, countryCode, lat, lon, parentId: null, geonamesId: null, wikidataId: null };
}

function eventWith(places: NewsEvent['places']): NewsEvent {
  return { id: 'e', places } as unknown as NewsEvent; // routeLegs reads only the place links
}

const turkey = place('turkey', 'country', 39, 35, 'TR');
const moscow = place('moscow', 'city', 55.75, 37.62, 'RU');
const germany = place('germany', 'country', 51, 10, 'DE');
const sochi = place('sochi', 'city', 43.6, 39.73, 'RU');
const placeById = new Map([turkey, moscow, germany, sochi].map((p) => [p.id, p]));

describe('placeDrawing: areas are never pins', () => {
  const always = () => true;
  const never = () => false;
  it.each([
    ['city', always, 'point'],
    ['site', always, 'point'],
    ['country', always, 'outline'],
    ['country', never, 'zone'],
    ['admin1', always, 'zone'],
    ['region', always, 'zone'],
    ['water', always, 'zone'],
  ] as const)('%s (outline known: %o) → %s', (kind, hasOutline, shape) => {
    expect(placeDrawing(place('p', kind, 0, 0, 'TR'), hasOutline).shape).toBe(shape);
  });

  it('draws a coarser area as a wider zone: a province within a region, a region within a country', () => {
    const radius = (kind: Place['kind']) => {
      const drawing = placeDrawing(place('p', kind, 0, 0, 'TR'), never);
      return drawing.shape === 'zone' ? drawing.radiusMetres : NaN;
    };
    // A province of Turkey is some 100-200 km across; a zone the size of a city or of a continent would mislead.
    expect(radius('admin1')).toBeGreaterThan(20_000);
    expect(radius('admin1')).toBeLessThan(radius('region'));
    expect(radius('region')).toBeLessThanOrEqual(radius('country'));
    expect(radius('country')).toBeLessThan(2_000_000);
  });

  it('a country without a code is a zone', () => {
    expect(placeDrawing(place('p', 'country', 0, 0, null), () => true).shape).toBe('zone');
  });
});

describe('markRadius', () => {
  it('grows with the square root of the count, and is capped', () => {
    expect(markRadius(4) - markRadius(1)).toBeCloseTo(4);
    expect(markRadius(9) - markRadius(4)).toBeCloseTo(4);
    expect(markRadius(100_000)).toBe(28);
    expect(markRadius(0)).toBe(markRadius(1));
  });
});

describe('clusterRadius', () => {
  it('grows with the logarithm of the count, and stays within its bounds', () => {
    const counts = [1, 2, 10, 100, 1000, 10_000, 1_000_000];
    const radii = counts.map(clusterRadius);
    for (let i = 1; i < radii.length; i++) expect(radii[i]).toBeGreaterThanOrEqual(radii[i - 1]!);
    expect(clusterRadius(100) - clusterRadius(10)).toBeCloseTo(clusterRadius(1000) - clusterRadius(100));
    expect(Math.min(...radii)).toBe(clusterRadius(0));
    expect(Math.max(...radii)).toBe(clusterRadius(Number.MAX_SAFE_INTEGER));
  });
});

describe('routeLegs', () => {
  it('runs from the origin to the destination', () => {
    const legs = routeLegs(
      eventWith([
        { placeId: 'germany', role: 'destination', precision: 'country' },
        { placeId: 'turkey', role: 'origin', precision: 'country' },
      ]),
      placeById,
    );
    expect(legs.map((l) => [l.from.id, l.to.id])).toEqual([['turkey', 'germany']]);
  });

  it('falls back to the venue when there is no destination', () => {
    const legs = routeLegs(
      eventWith([
        { placeId: 'moscow', role: 'venue', precision: 'exact' },
        { placeId: 'turkey', role: 'origin', precision: 'country' },
      ]),
      placeById,
    );
    expect(legs.map((l) => [l.from.id, l.to.id])).toEqual([['turkey', 'moscow']]);
  });

  it('is empty without an origin, or when origin and end are the same place', () => {
    expect(routeLegs(eventWith([{ placeId: 'sochi', role: 'venue', precision: 'exact' }]), placeById)).toEqual([]);
    expect(
      routeLegs(
        eventWith([
          { placeId: 'sochi', role: 'venue', precision: 'exact' },
          { placeId: 'sochi', role: 'origin', precision: 'exact' },
        ]),
        placeById,
      ),
    ).toEqual([]);
  });
});

describe('curvedPath and screenBearing', () => {
  it('starts and ends on the places and bows away from the straight line', () => {
    const path = curvedPath([0, 0], [0, 10], 0.2, 10);
    expect(path).toHaveLength(11);
    expect(path[0]).toEqual([0, 0]);
    expect(path[10]![0]).toBeCloseTo(0);
    expect(path[10]![1]).toBeCloseTo(10);
    expect(path[5]![0]).toBeGreaterThan(0.5); // bowed north: to the left of eastward travel
  });

  it('gives screen angles clockwise from east', () => {
    expect(screenBearing([0, 0], [0, 10])).toBeCloseTo(0);
    expect(screenBearing([0, 0], [10, 0])).toBeCloseTo(-90);
    expect(screenBearing([10, 0], [0, 0])).toBeCloseTo(90);
    expect(Math.abs(screenBearing([0, 10], [0, 0]))).toBeCloseTo(180);
  });
});

describe('bounds', () => {
  it('circleBounds widens longitudes away from the equator', () => {
    const [[s, w], [n, e]] = circleBounds([60, 30], 111_195);
    expect(n - s).toBeCloseTo(2, 2);
    expect(e - w).toBeCloseTo(4, 1);
  });

  it('unionBounds', () => {
    expect(unionBounds([])).toBeNull();
    expect(
      unionBounds([
        [
          [0, 0],
          [1, 1],
        ],
        [
          [-2, 5],
          [0, 6],
        ],
      ]),
    ).toEqual([
      [-2, 0],
      [1, 6],
    ]);
  });

  it('fits France to its metropolitan polygon, not French Guiana', () => {
    const world = buildWorldBasemap(topology as unknown as Topology);
    const france = countryShapeFor(world, 'FR')!;
    const [[south, west], [north, east]] = countryFitBounds(france, 46.6, 2.4)!;
    expect(south).toBeGreaterThan(40);
    expect(north).toBeLessThan(52);
    expect(west).toBeGreaterThan(-6);
    expect(east).toBeLessThan(10);
    expect(countryShapeFor(world, 'TR')!.name).toBe('Turkey');
    expect(countryShapeFor(world, 'XK')!.name).toBe('Kosovo');
    expect(countryShapeFor(world, 'SG')).toBeNull(); // too small for the 1:110m basemap: drawn as a zone
  });
});

describe('framingPlaces', () => {
  it('frames where most events are: no countries, no long tail', () => {
    const aggregate = (id: string, kind: 'country' | 'city' | 'admin1', count: number) => ({
      place: {
        id,
        name: id,
        aliases: [],
        kind,
        countryCode: null,
        lat: 0,
        lon: 0,
        parentId: null,
        geonamesId: null,
        wikidataId: null,
      },
      placeRow: 0,
      count,
      eventRows: () => new Int32Array(count),
      dominantType: 'meeting' as const,
      isArea: kind !== 'city',
    });
    const framed = framingPlaces([
      aggregate('russia', 'country', 14),
      aggregate('idlib', 'admin1', 17),
      aggregate('sochi', 'city', 6),
      aggregate('new-york', 'city', 1),
    ]);
    expect(framed.map((a) => a.place.id)).toEqual(['idlib', 'sochi']);
  });
});
