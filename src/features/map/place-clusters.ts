/**
 * Where many exact places crowd, the map draws clusters: a supercluster index over the point-shaped places (cities
 * and sites), built once per set of aggregates and queried for each view. Areas are never clustered. Pure: no
 * Leaflet, no DOM, so it is tested in milliseconds.
 */
import Supercluster from 'supercluster';
import type { PlaceAggregate } from '../../domain/dataset-index.ts';
import { EVENT_TYPE_IDS, type EventType } from '../../domain/taxonomy.ts';

/** Up to this many exact places, each is drawn on its own, as it always was (the bundled dataset has 30). */
export const CLUSTER_ABOVE = 200;

/**
 * Places within this many screen pixels of a cluster's first place join it. Supercluster measures its radius in
 * units of a tile of `extent`; Leaflet's tiles are 256 px, so with that extent the radius is in screen pixels and
 * supercluster's zoom levels are Leaflet's.
 */
export const CLUSTER_RADIUS_PX = 56;
const TILE_SIZE_PX = 256;

/** The last zoom at which places cluster: at the next one (the map's maximum, 12) every place is drawn alone. */
export const CLUSTER_MAX_ZOOM = 11;

/** How many of a cluster's places its tooltip names. */
export const CLUSTER_TOP_PLACES = 3;

/** One exact place as a supercluster point. */
export interface PlacePointProps {
  /** Its position in the array of points the index was built from. */
  index: number;
  placeRow: number;
  /** Its matching events. */
  count: number;
  /** Its dominant type, as a position in EVENT_TYPE_IDS. */
  type: number;
}

export interface TopPlace {
  /** Position in the array of points. */
  index: number;
  count: number;
}

/** What a cluster knows of its places, merged by supercluster's map/reduce. */
export interface ClusterProps {
  /** Events at its places, summed (an event at two of its places counts twice, as on the two places' marks). */
  count: number;
  /**
   * Events per type (by position in EVENT_TYPE_IDS), each place's events counted under the place's dominant type:
   * the aggregates keep no finer breakdown. The largest sum colours the cluster.
   */
  byType: number[];
  /** Its places with the most events, most first (ties: the order of the points), at most CLUSTER_TOP_PLACES. */
  top: readonly TopPlace[];
  /** The smallest place row among its places: a key for its drawn layers that survives a filter change. */
  firstRow: number;
}

export type PlaceClusterIndex = Supercluster<PlacePointProps, ClusterProps>;
export type ClusterFeature = Supercluster.ClusterFeature<ClusterProps>;
export type PointFeature = Supercluster.PointFeature<PlacePointProps>;

const TYPE_POSITION = new Map<EventType, number>(EVENT_TYPE_IDS.map((type, i) => [type, i]));

/** Whether this many exact places are clustered rather than drawn one by one. */
export function shouldCluster(pointPlaces: number): boolean {
  return pointPlaces > CLUSTER_ABOVE;
}

/** The supercluster input: one GeoJSON point per place, at its representative point, with its count and type. */
export function clusterInput(points: readonly PlaceAggregate[]): PointFeature[] {
  return points.map((aggregate, index) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [aggregate.place.lon, aggregate.place.lat] },
    properties: {
      index,
      placeRow: aggregate.placeRow,
      count: aggregate.count,
      type: TYPE_POSITION.get(aggregate.dominantType)!,
    },
  }));
}

/** A lone place as the start of a cluster. Always a fresh object: supercluster copies only the top level. */
export function mapPlace(point: PlacePointProps): ClusterProps {
  const byType = new Array<number>(EVENT_TYPE_IDS.length).fill(0);
  byType[point.type] = point.count;
  return { count: point.count, byType, top: [{ index: point.index, count: point.count }], firstRow: point.placeRow };
}

/**
 * Merges `other` into `into`. Supercluster hands a cluster's parent a shallow copy of the cluster's properties,
 * so the arrays are replaced, never changed in place (that would change the child cluster too).
 */
export function reducePlaces(into: ClusterProps, other: Readonly<ClusterProps>): void {
  into.count += other.count;
  into.byType = into.byType.map((sum, type) => sum + (other.byType[type] ?? 0));
  into.top = [...into.top, ...other.top]
    .sort((a, b) => b.count - a.count || a.index - b.index)
    .slice(0, CLUSTER_TOP_PLACES);
  into.firstRow = Math.min(into.firstRow, other.firstRow);
}

/** The type with the most events (ties: taxonomy order, as for a single place). */
export function dominantClusterType(byType: readonly number[]): EventType {
  let best = 0;
  for (let type = 1; type < byType.length; type++) if (byType[type]! > byType[best]!) best = type;
  return EVENT_TYPE_IDS[best]!;
}

/** The index over `points` (each drawn alone from zoom CLUSTER_MAX_ZOOM + 1). */
export function clusterIndex(points: readonly PlaceAggregate[]): PlaceClusterIndex {
  return new Supercluster<PlacePointProps, ClusterProps>({
    radius: CLUSTER_RADIUS_PX,
    extent: TILE_SIZE_PX,
    maxZoom: CLUSTER_MAX_ZOOM,
    map: mapPlace,
    reduce: reducePlaces,
  }).load(clusterInput(points));
}

export function isCluster(feature: ClusterFeature | PointFeature): feature is ClusterFeature {
  return 'cluster' in feature.properties && feature.properties.cluster === true;
}

/** [west, south, east, north] widened by `pad` of its size on each side, within the world's longitudes and latitudes. */
export function paddedBox([west, south, east, north]: readonly [number, number, number, number], pad: number) {
  const dLon = (east - west) * pad;
  const dLat = (north - south) * pad;
  return [
    Math.max(-180, west - dLon),
    Math.max(-90, south - dLat),
    Math.min(180, east + dLon),
    Math.min(90, north + dLat),
  ] as [number, number, number, number];
}
