import { describe, expect, it } from 'vitest';
import type { PlaceAggregate } from '../../domain/dataset-index.ts';
import type { Place } from '../../domain/dataset-schema.ts';
import { EVENT_TYPE_IDS, type EventType } from '../../domain/taxonomy.ts';
import {
  CLUSTER_ABOVE,
  CLUSTER_MAX_ZOOM,
  CLUSTER_TOP_PLACES,
  clusterIndex,
  clusterInput,
  dominantClusterType,
  isCluster,
  mapPlace,
  paddedBox,
  reducePlaces,
  shouldCluster,
  type ClusterFeature,
  type PointFeature,
} from './place-clusters.ts';

function aggregate(placeRow: number, lat: number, lon: number, count: number, type: EventType): PlaceAggregate {
  const place: Place = {
    id: `place-${placeRow}`,
    name: `Place ${placeRow}`,
    aliases: [],
    kind: 'city',
    countryCode: 'SY',
    lat,
    lon,
    parentId: null,
    geonamesId: null,
    wikidataId: null,
  };
  return { place, placeRow, count, dominantType: type, isArea: false, eventRows: () => new Int32Array(0) };
}

/** A deterministic scatter of places around a few centres, with varied counts and types. */
function crowd(size: number): PlaceAggregate[] {
  let seed = 7;
  const next = () => ((seed = (seed * 48271) % 2147483647) / 2147483647) as number;
  const centres: [number, number][] = [
    [36.2, 37.15],
    [55.75, 37.62],
    [40.71, -74.0],
  ];
  return Array.from({ length: size }, (_, i) => {
    const [lat, lon] = centres[i % centres.length]!;
    const type = EVENT_TYPE_IDS[Math.floor(next() * EVENT_TYPE_IDS.length)]!;
    return aggregate(
      1000 + i * 3,
      lat + (next() - 0.5) * 2,
      lon + (next() - 0.5) * 2,
      1 + Math.floor(next() * 40),
      type,
    );
  });
}

const WORLD: [number, number, number, number] = [-180, -85, 180, 85];
const typePosition = (type: EventType) => EVENT_TYPE_IDS.indexOf(type);

describe('shouldCluster', () => {
  it('draws every place on its own up to CLUSTER_ABOVE, clusters beyond', () => {
    expect(shouldCluster(CLUSTER_ABOVE)).toBe(false);
    expect(shouldCluster(CLUSTER_ABOVE + 1)).toBe(true);
  });
});

describe('clusterInput', () => {
  it('is one GeoJSON point per place, [lon, lat], with its count, row and dominant type', () => {
    const points = [aggregate(4, 36.2, 37.15, 12, 'attack'), aggregate(9, 55.75, 37.62, 1, 'meeting')];
    const input = clusterInput(points);
    expect(input).toHaveLength(points.length);
    input.forEach((feature, i) => {
      const source = points[i]!;
      expect(feature.geometry.coordinates).toEqual([source.place.lon, source.place.lat]);
      expect(feature.properties).toEqual({
        index: i,
        placeRow: source.placeRow,
        count: source.count,
        type: typePosition(source.dominantType),
      });
    });
  });
});

describe('mapPlace and reducePlaces', () => {
  const points = [
    aggregate(30, 0, 0, 5, 'attack'),
    aggregate(10, 0, 0, 2, 'meeting'),
    aggregate(20, 0, 0, 4, 'meeting'),
    aggregate(40, 0, 0, 5, 'clash'),
  ];
  const props = clusterInput(points).map((f) => f.properties);

  it('sums counts, sums each place under its dominant type, keeps the top places and the first row', () => {
    const merged = mapPlace(props[0]!);
    for (const other of props.slice(1)) reducePlaces(merged, mapPlace(other));
    expect(merged.count).toBe(points.reduce((sum, p) => sum + p.count, 0));
    for (const type of EVENT_TYPE_IDS) {
      const expected = points.filter((p) => p.dominantType === type).reduce((sum, p) => sum + p.count, 0);
      expect(merged.byType[typePosition(type)]).toBe(expected);
    }
    const byCount = points
      .map((p, index) => ({ index, count: p.count }))
      .sort((a, b) => b.count - a.count || a.index - b.index)
      .slice(0, CLUSTER_TOP_PLACES);
    expect(merged.top).toEqual(byCount);
    expect(merged.firstRow).toBe(Math.min(...points.map((p) => p.placeRow)));
  });

  it('never changes the properties it merges (supercluster shares them with the child cluster)', () => {
    const child = mapPlace(props[1]!);
    reducePlaces(child, mapPlace(props[2]!));
    const snapshot = structuredClone(child);
    // What supercluster does for a parent: a shallow copy of the child's properties, then reduce into it.
    const parent = { ...child };
    reducePlaces(parent, mapPlace(props[0]!));
    expect(child).toEqual(snapshot);
    expect(parent.count).toBe(child.count + points[0]!.count);
  });
});

describe('dominantClusterType', () => {
  it('is the type with the most events; a tie goes to the first in taxonomy order', () => {
    const byType = EVENT_TYPE_IDS.map(() => 0);
    byType[typePosition('attack')] = 7;
    byType[typePosition('meeting')] = 3;
    expect(dominantClusterType(byType)).toBe('attack');
    byType[typePosition('meeting')] = 7;
    const first = typePosition('attack') < typePosition('meeting') ? 'attack' : 'meeting';
    expect(dominantClusterType(byType)).toBe(first);
  });
});

describe('clusterIndex', () => {
  const points = crowd(CLUSTER_ABOVE * 3);
  const index = clusterIndex(points);
  const totalEvents = points.reduce((sum, p) => sum + p.count, 0);
  const countOf = (f: ClusterFeature | PointFeature) => (isCluster(f) ? f.properties.count : f.properties.count);
  const placesOf = (f: ClusterFeature | PointFeature) => (isCluster(f) ? f.properties.point_count : 1);

  it('at every zoom, accounts for each place and each event exactly once', () => {
    for (let zoom = 0; zoom <= CLUSTER_MAX_ZOOM + 1; zoom++) {
      const features = index.getClusters(WORLD, zoom);
      expect(features.reduce((sum, f) => sum + placesOf(f), 0)).toBe(points.length);
      expect(features.reduce((sum, f) => sum + countOf(f), 0)).toBe(totalEvents);
    }
  });

  it('groups crowded places at a low zoom, and draws every place alone past CLUSTER_MAX_ZOOM', () => {
    expect(index.getClusters(WORLD, 2).length).toBeLessThan(points.length / 10);
    const alone = index.getClusters(WORLD, CLUSTER_MAX_ZOOM + 1);
    expect(alone.some(isCluster)).toBe(false);
    expect(alone.map((f) => (f as PointFeature).properties.index).sort((a, b) => a - b)).toEqual(
      points.map((_, i) => i),
    );
  });

  it("gives each cluster its places' sums, dominant type and top places, and a zoom that splits it", () => {
    const zoom = 5;
    const clusters = index.getClusters(WORLD, zoom).filter(isCluster);
    expect(clusters.length).toBeGreaterThan(0);
    for (const cluster of clusters) {
      const leaves = index.getLeaves(cluster.properties.cluster_id, Infinity).map((leaf) => leaf.properties);
      expect(leaves).toHaveLength(cluster.properties.point_count);
      expect(cluster.properties.count).toBe(leaves.reduce((sum, leaf) => sum + leaf.count, 0));
      const sums = EVENT_TYPE_IDS.map((_, type) =>
        leaves.filter((leaf) => leaf.type === type).reduce((sum, leaf) => sum + leaf.count, 0),
      );
      expect(cluster.properties.byType).toEqual(sums);
      expect(dominantClusterType(cluster.properties.byType)).toBe(EVENT_TYPE_IDS[sums.indexOf(Math.max(...sums))]);
      const top = leaves
        .map(({ index: i, count }) => ({ index: i, count }))
        .sort((a, b) => b.count - a.count || a.index - b.index)
        .slice(0, CLUSTER_TOP_PLACES);
      expect(cluster.properties.top).toEqual(top);
      expect(cluster.properties.firstRow).toBe(Math.min(...leaves.map((leaf) => leaf.placeRow)));
      expect(index.getClusterExpansionZoom(cluster.properties.cluster_id)).toBeGreaterThan(zoom);
    }
  });

  it('keys clusters apart: no two clusters at a zoom share a first row', () => {
    for (let zoom = 0; zoom <= CLUSTER_MAX_ZOOM; zoom++) {
      const rows = index
        .getClusters(WORLD, zoom)
        .filter(isCluster)
        .map((c) => c.properties.firstRow);
      expect(new Set(rows).size).toBe(rows.length);
    }
  });
});

describe('paddedBox', () => {
  it('widens each side by the share of the size', () => {
    const [west, south, east, north] = [10, 20, 30, 60];
    const pad = 0.2;
    expect(paddedBox([west, south, east, north], pad)).toEqual([
      west - (east - west) * pad,
      south - (north - south) * pad,
      east + (east - west) * pad,
      north + (north - south) * pad,
    ]);
  });

  it('stays within the world', () => {
    expect(paddedBox([-170, -80, 170, 80], 0.5)).toEqual([-180, -90, 180, 90]);
  });
});
