import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DatasetSchema, findDatasetInconsistencies, type Dataset } from '../dataset-schema.ts';
import { EVENT_TYPE_IDS } from '../taxonomy.ts';
import { formatImportProblem, importSource, type ImportOptions } from './index.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const csv = (fileName: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({
  format: 'csv',
  fileName,
  datasetId: 'test',
  ...extra,
});
const geojson = (fileName: string): ImportOptions => ({ format: 'geojson', fileName, datasetId: 'test' });

function expectValid(dataset: Dataset | null): asserts dataset is Dataset {
  expect(dataset).not.toBeNull();
  const checked = DatasetSchema.safeParse(dataset);
  expect(checked.success ? [] : checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  expect(findDatasetInconsistencies(dataset!)).toEqual([]);
}

const HEADER = 'id,date,title,type,places,lat,lon';

describe('plain CSV import (data/fixtures/import/events.csv)', async () => {
  const rows = Papa.parse<Record<string, string>>(read('data/fixtures/import/events.csv'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const result = await importSource(read('data/fixtures/import/events.csv'), csv('events.csv'));

  it('imports every row into a valid dataset', () => {
    expectValid(result.dataset);
    expect(result.eventsImported).toBe(rows.length);
    expect(result.dataset.events.map((e) => e.id)).toEqual(rows.map((r) => r.id));
  });

  it('keeps each excerpt verbatim in an "excerpts" source per source_url, the evidence span pointing at it', () => {
    const dataset = result.dataset!;
    const withExcerpt = rows.filter((r) => r.excerpt);
    const urls = new Set(withExcerpt.map((r) => r.source_url));
    const excerptSources = dataset.sources.filter((s) => s.kind === 'excerpts');
    expect(new Set(excerptSources.map((s) => s.url))).toEqual(urls);
    for (const source of excerptSources) {
      const excerpts = [
        ...new Set(withExcerpt.filter((r) => r.source_url === source.url).map((r) => r.excerpt!.trim())),
      ];
      expect(source.text).toBe(excerpts.join('\n\n'));
    }
    for (const row of withExcerpt) {
      const event = dataset.events.find((e) => e.id === row.id)!;
      expect(event.evidence).toHaveLength(1);
      const [span] = event.evidence;
      const source = dataset.sources.find((s) => s.id === span!.sourceId)!;
      expect(span!.quote).toBe(row.excerpt!.trim());
      expect(source.text.slice(span!.start, span!.end)).toBe(row.excerpt!.trim());
      expect(event.record).toBeNull();
      expect(event.sourceIds).toEqual([source.id]);
    }
    const first = excerptSources.find((s) => s.url === rows[0]!.source_url)!;
    expect(first).toMatchObject({
      publishedAt: rows[0]!.published,
      publishedAtBasis: 'dateline',
      publisher: rows[0]!.publisher,
    });
  });

  it('cites a row without an excerpt through a coded-record source for the spreadsheet', () => {
    const dataset = result.dataset!;
    for (const row of rows.filter((r) => !r.excerpt)) {
      const event = dataset.events.find((e) => e.id === row.id)!;
      const source = dataset.sources.find((s) => s.id === event.record!.sourceId)!;
      expect(source).toMatchObject({ kind: 'coded-record', text: '' });
      expect(event.record).toMatchObject({ recordId: row.id, outlets: row.source_url || row.publisher || null });
      expect(event.evidence).toEqual([]);
    }
  });

  it('reads days, months, years and start/end as intervals of the right precision', () => {
    const date = (id: string) => result.dataset!.events.find((e) => e.id === id)!.date;
    expect(date('ev-001')).toMatchObject({ earliest: '2020-03-05', latest: '2020-03-05', precision: 'day' });
    expect(date('ev-002')).toMatchObject({ earliest: '2020-03-05', precision: 'day' });
    expect(date('ev-003')).toMatchObject({ earliest: '2020-03-01', latest: '2020-04-30', precision: 'months' });
    expect(date('ev-005')).toMatchObject({
      earliest: '2020-01-01',
      latest: '2020-12-31',
      precision: 'year',
      display: '2020',
    });
    expect(date('ev-006')).toMatchObject({
      earliest: '2020-03-01',
      latest: '2020-03-31',
      precision: 'month',
      display: 'March 2020',
    });
  });

  it('takes type ids and labels in any case, empty as "other"', () => {
    const type = (id: string) => result.dataset!.events.find((e) => e.id === id)!.type;
    expect(type('ev-002')).toBe('agreement');
    expect(type('ev-003')).toBe('humanitarian_warning');
    expect(type('ev-005')).toBe('other');
  });

  it('gives a named place the coordinates another row gives it, and keeps extra columns as attributes', () => {
    const dataset = result.dataset!;
    const moscow = dataset.places.find((p) => p.name === 'Moscow')!;
    expect(moscow).toMatchObject({ lat: 55.7558, lon: 37.6173, countryCode: 'RU' });
    expect(dataset.events.find((e) => e.id === 'ev-002')!.places.map((p) => p.placeId)).toEqual([moscow.id]);
    const ev3 = dataset.events.find((e) => e.id === 'ev-003')!;
    expect(ev3.places.map((p) => dataset.places.find((x) => x.id === p.placeId)!.name)).toEqual(['Idlib', 'Ariha']);
    expect(dataset.events.find((e) => e.id === 'ev-001')!.attributes).toEqual({ verified_by: 'desk A' });
    expect(dataset.actors.map((a) => a.name)).toContain('Recep Tayyip Erdoğan');
  });

  it('imports the template a journalist fills in', async () => {
    const template = await importSource(read('data/templates/events.csv'), csv('events.csv'));
    expectValid(template.dataset);
    expect(template.eventsImported).toBe(3);
    expect(template.dataset.events[0]!.evidence[0]!.quote).toContain('\n');
  });
});

describe('plain CSV: bad input', () => {
  it('refuses an unknown type, listing the valid ones', async () => {
    const result = await importSource(`${HEADER}\na,2020-03-05,Talks,parley,,1,2\n`, csv('t.csv'));
    expect(result.dataset).toBeNull();
    expect(result.problems).toEqual([expect.objectContaining({ line: 2, column: 'type', value: 'parley' })]);
    for (const id of EVENT_TYPE_IDS) expect(result.problems[0]!.expected).toContain(`"${id}"`);
  });

  it('refuses a place known only by its name, saying how to give it a point', async () => {
    const result = await importSource(`${HEADER}\na,2020-03-05,Talks,meeting,Sochi,,\n`, csv('t.csv'));
    expect(result.dataset).toBeNull();
    expect(formatImportProblem(result.problems[0]!)).toBe(
      't.csv line 2, column "places": "Sochi" — expected coordinates for this place: give lat and lon on this row, or on another row naming the same place (a place known only by its name cannot be drawn)',
    );
  });

  it('refuses ambiguous dates, an end before the start, bad coordinates and a missing title, each with line and column', async () => {
    const text = [
      'id,date,start,end,title,lat,lon,source_url,excerpt',
      'a,05/03/2020,,,Talks,1,2,,',
      'b,,2020-03-05,2020-03-01,Talks,1,2,,',
      'c,2020-03-05,,,,95,2,,',
      'd,2020-03-05,,,Talks,1,2,javascript:alert(1),',
      'e,2020-03-05,,,Talks,1,2,,an excerpt from nowhere',
    ].join('\n');
    const result = await importSource(text, csv('bad.csv'));
    expect(result.problems.map((p) => [p.line, p.column, p.value])).toEqual([
      [2, 'date', '05/03/2020'],
      [3, 'end', '2020-03-01'],
      [4, 'title', ''],
      [4, 'lat', '95'],
      [5, 'source_url', 'javascript:alert(1)'],
      [6, 'excerpt', 'an excerpt from nowhere'],
    ]);
    const skipped = await importSource(text, csv('bad.csv', { skipInvalid: true }));
    expect(skipped.dataset).toBeNull(); // nothing valid is left
    expect(skipped.skipped).toBe(5);
  });

  it('refuses a file without a title or date column', async () => {
    const result = await importSource('id,when,what\n1,2020,x\n', csv('t.csv', { skipInvalid: true }));
    expect(result.dataset).toBeNull();
    expect(result.problems.map((p) => p.column)).toEqual(['title', 'date']);
  });

  it('drops an identical duplicate and refuses a conflicting one', async () => {
    const row = 'a,2020-03-05,Talks,meeting,Sochi,43.6,39.7';
    const result = await importSource(
      `${HEADER}\n${row}\n${row}\na,2020-03-06,Talks,meeting,Sochi,43.6,39.7\n`,
      csv('d.csv'),
    );
    expect(result.warnings).toContainEqual(expect.stringContaining('a at d.csv, line 3 repeats d.csv, line 2'));
    expect(result.problems).toEqual([
      expect.objectContaining({
        line: 4,
        column: 'id',
        value: 'a',
        expected: expect.stringContaining('first at d.csv, line 2'),
      }),
    ]);
  });

  it('counts lines right with CRLF, a BOM, quoted line breaks, leading and trailing blank lines', async () => {
    const text = `\uFEFF\r\n${HEADER},summary\r\na,2020-03-05,One,meeting,,1,2,"two\r\nlines"\r\n\r\nb,2020-13-05,Two,meeting,,1,2,x\r\n,,,,,,,\r\n\r\n`;
    const result = await importSource(text, csv('crlf.csv'));
    expect(result.rowsRead).toBe(2);
    expect(result.problems).toEqual([expect.objectContaining({ line: 6, column: 'date', value: '2020-13-05' })]);
  });

  it('matches header names trimmed, in any case and order; reads ";"-separated files', async () => {
    const result = await importSource(' LON ; Title ;DATE; lat\n2;Talks;2020-03-05;1\n', csv('semi.csv'));
    expectValid(result.dataset);
    expect(result.dataset.events[0]).toMatchObject({ title: 'Talks', date: { earliest: '2020-03-05' } });
    expect(result.dataset.places[0]).toMatchObject({ lat: 1, lon: 2 });
  });
});

describe('GeoJSON import (data/fixtures/import/events.geojson)', async () => {
  const collection = JSON.parse(read('data/fixtures/import/events.geojson')) as {
    features: { geometry: { coordinates: [number, number] }; properties: Record<string, unknown> }[];
  };
  const result = await importSource(read('data/fixtures/import/events.geojson'), geojson('events.geojson'));

  it('imports each Point feature with its properties as the spreadsheet columns', () => {
    expectValid(result.dataset);
    const dataset = result.dataset;
    expect(dataset.events).toHaveLength(collection.features.length);
    collection.features.forEach((feature, i) => {
      const event = dataset.events[i]!;
      expect(event.id).toBe(feature.properties.id);
      expect(event.title).toBe(feature.properties.title);
      const place = dataset.places.find((p) => p.id === event.places[0]!.placeId)!;
      expect([place.lon, place.lat]).toEqual(feature.geometry.coordinates);
      if (feature.properties.excerpt) expect(event.evidence[0]!.quote).toBe(feature.properties.excerpt);
      else expect(event.record!.location).toBe(`events.geojson, feature ${i}`);
    });
    expect(dataset.events[1]).toMatchObject({
      fatalities: 0,
      attributes: { confidence: 'medium' },
      date: { earliest: '2020-03-15', latest: '2020-03-17', precision: 'days' },
    });
    expect(dataset.actors.map((a) => a.name)).toContain('Vladimir Putin');
  });

  it('refuses other geometries per feature, naming the feature', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [36.6, 35.9] },
          properties: { title: 'A', date: '2020-03-05' },
        },
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [36, 35],
              [37, 36],
            ],
          },
          properties: { title: 'B', date: '2020-03-05' },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [36.6, 35.9] },
          properties: { title: 'C', date: '31 Febuary 2020' },
        },
      ],
    });
    const result = await importSource(text, geojson('mixed.geojson'));
    expect(result.dataset).toBeNull();
    expect(result.problems.map(formatImportProblem)).toEqual([
      'mixed.geojson, features[1].geometry: "LineString" — expected a Point geometry (lines and polygons are not imported: give the event a point, such as its centroid)',
      'mixed.geojson, features[2].properties.date: "31 Febuary 2020" — expected a date such as "05 March 2020", "2020-03-05", a month "2020-03" or a year "2020"',
    ]);
    const skipped = await importSource(text, { ...geojson('mixed.geojson'), skipInvalid: true });
    expectValid(skipped.dataset);
    expect(skipped.skipped).toBe(2);
  });

  it('refuses what is not a FeatureCollection', async () => {
    const result = await importSource('{"type":"Feature"}', geojson('one.geojson'));
    expect(result.dataset).toBeNull();
    expect(result.problems[0]!.expected).toContain('FeatureCollection');
    expect((await importSource('not json', geojson('x.geojson'))).problems[0]!.expected).toMatch(/^a JSON document/);
  });
});
