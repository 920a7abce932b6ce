/**
 * Exports of the filtered events: CSV with one row per event (ACLED-like columns, so it opens cleanly in a
 * spreadsheet and joins with other event data) and GeoJSON with one feature per event–place link (so QGIS shows
 * each location with its role and precision).
 */
import Papa from 'papaparse';
import type { DatasetIndex } from './dataset-index.ts';
import type { NewsEvent } from './dataset-schema.ts';

export const CSV_COLUMNS = [
  'event_id',
  'date_earliest',
  'date_latest',
  'date_display',
  'date_precision',
  'date_qualifier',
  'date_resolution',
  'event_type',
  'source_scheme',
  'source_event_type',
  'source_sub_event_type',
  'cameo_code',
  'modality',
  'title',
  'summary',
  'actors',
  'places',
  'latitudes',
  'longitudes',
  'source_count',
  'sources',
  'first_excerpt',
  'disagreements',
  'fatalities',
  'record_id',
  'record_outlets',
  'record_fields',
] as const;

export function eventsToCsv(events: readonly NewsEvent[], index: DatasetIndex): string {
  const rows = events.map((event) => {
    const places = event.places.map((link) => ({ link, place: index.placeById.get(link.placeId) }));
    const first = event.evidence[0];
    return {
      event_id: event.id,
      date_earliest: event.date.earliest,
      date_latest: event.date.latest,
      date_display: event.date.display,
      date_precision: event.date.precision,
      date_qualifier: event.date.qualifier ?? '',
      date_resolution: event.date.resolution,
      event_type: event.type,
      source_scheme: event.classification?.scheme ?? '',
      source_event_type: event.classification?.type ?? '',
      source_sub_event_type: event.classification?.subType ?? '',
      cameo_code: event.cameo,
      modality: event.modality,
      title: event.title,
      summary: event.summary,
      actors: event.actors.map((a) => `${index.actorById.get(a.actorId)?.name ?? a.actorId} (${a.role})`).join('; '),
      places: places
        .map(({ link, place }) => `${place?.name ?? link.placeId} (${link.role}, ${link.precision})`)
        .join('; '),
      latitudes: places.map(({ place }) => place?.lat ?? '').join('; '),
      longitudes: places.map(({ place }) => place?.lon ?? '').join('; '),
      source_count: event.sourceIds.length,
      sources: event.sourceIds
        .map((id) => {
          const source = index.sourceById.get(id);
          return source ? `${source.title} (${source.publisher}, ${source.publishedAt ?? 'date unknown'})` : id;
        })
        .join('; '),
      first_excerpt: first?.quote ?? '',
      // Each disagreement: what differs, then every article's version, so a spreadsheet shows both sides.
      disagreements: event.disagreements
        .map((d) => `${d.summary} Versions: ${d.versions.map((v) => `${v.claim} [${v.sourceId}]`).join(' / ')}`)
        .join(' | '),
      fatalities: event.fatalities ?? '',
      record_id: event.record?.recordId ?? '',
      record_outlets: event.record?.outlets ?? '',
      // The record's unmapped fields as one JSON object: nothing an analyst imported is lost on the way out.
      record_fields: Object.keys(event.attributes).length > 0 ? JSON.stringify(event.attributes) : '',
    };
  });
  // CRLF and quoted fields: what spreadsheets expect. Cells that a spreadsheet would run as formulas are escaped.
  return Papa.unparse(
    {
      fields: [...CSV_COLUMNS],
      data: rows.map((r) => CSV_COLUMNS.map((c) => (NUMERIC_COLUMNS.has(c) ? r[c] : neutraliseFormula(r[c])))),
    },
    { newline: '\r\n', quotes: true },
  );
}

/** Columns of numbers (or lists of numbers): a leading minus there is a negative coordinate, not a formula. */
const NUMERIC_COLUMNS: ReadonlySet<string> = new Set(['latitudes', 'longitudes', 'source_count', 'fatalities']);

/** A cell starting with = + - @ would be run as a formula by spreadsheet software: prefix it with an apostrophe. */
export function neutraliseFormula(value: string | number): string | number {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

interface GeoJsonFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, string | number | null>;
}

export function eventsToGeoJson(events: readonly NewsEvent[], index: DatasetIndex): string {
  const features: GeoJsonFeature[] = [];
  for (const event of events) {
    for (const link of event.places) {
      const place = index.placeById.get(link.placeId);
      if (!place) continue;
      features.push({
        type: 'Feature',
        // GeoJSON is [longitude, latitude] (RFC 7946).
        geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
        properties: {
          event_id: event.id,
          title: event.title,
          event_type: event.type,
          source_event_type: event.classification?.type ?? null,
          source_sub_event_type: event.classification?.subType ?? null,
          cameo_code: event.cameo,
          modality: event.modality,
          fatalities: event.fatalities,
          record_id: event.record?.recordId ?? null,
          date_earliest: event.date.earliest,
          date_latest: event.date.latest,
          date_display: event.date.display,
          date_precision: event.date.precision,
          place_id: place.id,
          place_name: place.name,
          place_kind: place.kind,
          place_role: link.role,
          place_precision: link.precision,
          country_code: place.countryCode,
          actors: event.actors.map((a) => index.actorById.get(a.actorId)?.name ?? a.actorId).join('; '),
          source_count: event.sourceIds.length,
          first_excerpt: event.evidence[0]?.quote ?? null,
        },
      });
    }
  }
  return `${JSON.stringify({ type: 'FeatureCollection', features }, null, 1)}\n`;
}
