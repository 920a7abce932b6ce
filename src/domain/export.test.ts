import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { indexFromDataset } from './testing/index-from-dataset.ts';
import { CSV_COLUMNS, eventsToCsv, eventsToGeoJson } from './export.ts';
import { makeDataset, makeEvent } from './testing/make-dataset.ts';

const dataset = makeDataset([
  makeEvent({
    id: 'tricky',
    title: 'A title, with "quotes", commas\nand a newline',
    summary: '=HYPERLINK("http://example.com")',
    actorIds: ['erdogan', 'putin'],
    placeIds: ['sochi', 'russia'],
    disagreements: [
      {
        aspect: 'date',
        summary: 'The articles give different days.',
        versions: [
          { sourceId: 'a', claim: 'Monday', quote: 'q', start: 0, end: 1 },
          { sourceId: 'b', claim: 'Tuesday', quote: 'q', start: 0, end: 1 },
        ],
        shown: 'combined',
        why: 'No reason to prefer either.',
      },
    ],
  }),
]);
const index = indexFromDataset(dataset);

describe('eventsToCsv', () => {
  it('writes one row per event that a CSV parser reads back cell for cell', () => {
    const csv = eventsToCsv(dataset.events, index);
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual([...CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(2);
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, parsed.data[1]![i]]));
    expect(row.title).toBe('A title, with "quotes", commas\nand a newline');
    expect(row.actors).toBe('Recep Tayyip Erdoğan (participant); Vladimir Putin (participant)');
    expect(row.places).toBe('Sochi (venue, exact); Russia (venue, exact)');
    expect(row.cameo_code).toBe('040');
    // Coordinates stay numbers, negative ones included (New York is at longitude -74).
    expect(row.longitudes).toBe('-74; 36');
    expect(row.disagreements).toBe('The articles give different days. Versions: Monday [a] / Tuesday [b]');
    // A formula is never run by the spreadsheet that opens the file.
    expect(row.summary).toBe(`'=HYPERLINK("http://example.com")`);
  });
});

describe('eventsToGeoJson', () => {
  it('writes one point feature per event–place link, longitude first', () => {
    const geojson = JSON.parse(eventsToGeoJson(dataset.events, index));
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features).toHaveLength(2);
    expect(geojson.features[0]).toMatchObject({
      geometry: { type: 'Point', coordinates: [-74, 35] },
      properties: { event_id: 'tricky', place_id: 'sochi', place_role: 'venue' },
    });
  });
});
