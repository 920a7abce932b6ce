/**
 * Real-world and hostile files: what spreadsheet programs, older exports and attackers make of an import, each
 * case a regression test of a fix (see the comments in acled.ts, plain.ts, geojson.ts, rows.ts, dates.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DatasetSchema, findDatasetInconsistencies, type Dataset } from '../dataset-schema.ts';
import { formatImportProblem, importSource, type ImportFormat, type ImportResult } from './index.ts';
import { MAX_VALUE_CHARS } from './importer.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../data/fixtures/import');
const acled = readFileSync(path.join(FIXTURES, 'acled-2023.csv'), 'utf8').replace(/^\uFEFF/, '');
const [HEADER, ROW] = acled.split('\r\n') as [string, string];
const COLUMNS = HEADER.split(',');
const CELLS = Papa.parse<string[]>(ROW).data[0]!;
/** The fixture's first row with some columns changed, as a CSV line. */
const acledRow = (changes: Record<string, string>, cells: readonly string[] = CELLS) => {
  const row = [...cells];
  for (const [column, value] of Object.entries(changes)) {
    const i = COLUMNS.indexOf(column);
    if (i < 0) throw new Error(`no column ${column}`);
    row[i] = value;
  }
  return Papa.unparse([row]);
};
const acledFile = (...rows: Record<string, string>[]) => [HEADER, ...rows.map((r) => acledRow(r))].join('\n');

const run = (text: string, format: ImportFormat = 'acled', fileName = 'hostile.csv') =>
  importSource(text, { format, fileName, datasetId: 'test' });

function expectValid(result: ImportResult): Dataset {
  expect(result.problems.map(formatImportProblem)).toEqual([]);
  const dataset = result.dataset!;
  const checked = DatasetSchema.safeParse(dataset);
  expect(checked.success ? [] : checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  expect(findDatasetInconsistencies(dataset)).toEqual([]);
  return dataset;
}

const PLAIN_HEADER = 'id,date,title,lat,lon';

describe('object-key pitfalls: names of Object.prototype members are data', () => {
  it('refuses geo_precision "constructor" or "__proto__" instead of writing a function as the precision', async () => {
    for (const value of ['constructor', '__proto__', 'toString']) {
      const result = await run(acledFile({ geo_precision: value }));
      expect(result.dataset).toBeNull();
      expect(result.problems).toEqual([
        expect.objectContaining({
          line: 2,
          column: 'geo_precision',
          value,
          expected: expect.stringContaining('1 (exact)'),
        }),
      ]);
    }
  });

  it('takes inter1 "constructor" as an unknown actor type (kind "group", a warning), not as a kind', async () => {
    const result = await run(acledFile({ actor1: 'Unidentified Armed Group (Syria)', inter1: 'constructor' }));
    const dataset = expectValid(result);
    expect(dataset.actors.find((a) => a.name === 'Unidentified Armed Group (Syria)')?.kind).toBe('group');
    expect(result.warnings.join('\n')).toContain('actor type "constructor"');
  });

  it('keeps actors named "__proto__" and "constructor" as actors', async () => {
    const dataset = expectValid(await run(acledFile({ actor1: '__proto__', actor2: 'constructor' })));
    expect(dataset.actors.map((a) => a.name)).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
  });

  it('keeps a column named "__proto__" as an own attribute, without touching any prototype', async () => {
    const file = `${HEADER},__proto__,constructor\n${ROW},polluted,also kept`;
    const event = expectValid(await run(file)).events[0]!;
    expect(Object.getPrototypeOf(event.attributes)).toBe(Object.prototype);
    expect(Object.hasOwn(event.attributes, '__proto__')).toBe(true);
    expect(JSON.parse(JSON.stringify(event.attributes))).toMatchObject({ constructor: 'also kept' });
    expect(JSON.stringify(event.attributes)).toContain('"__proto__":"polluted"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const plain = expectValid(await run(`${PLAIN_HEADER},__proto__\nev-1,2020-03-05,T,36.2,37.1,x`, 'csv'));
    expect(Object.hasOwn(plain.events[0]!.attributes, '__proto__')).toBe(true);
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [37.1, 36.2] },
          properties: JSON.parse('{"title":"T","date":"2020-03-05","__proto__":"x"}') as unknown,
        },
      ],
    });
    const fromGeoJson = expectValid(await run(geojson, 'geojson', 'p.geojson'));
    expect(Object.hasOwn(fromGeoJson.events[0]!.attributes, '__proto__')).toBe(true);
  });
});

describe('ACLED exports as they are found', () => {
  it('reads an export Excel saved with ";" and a "sep=;" first line', async () => {
    const semicolons = Papa.unparse([COLUMNS, CELLS], { delimiter: ';', newline: '\r\n' });
    expectValid(await run(`\uFEFF${semicolons}`));
    const result = await run(`\uFEFFsep=;\r\n${semicolons}\r\n`);
    expectValid(result);
    expect(result.dataset!.events[0]!.record!.location).toBe('hostile.csv, line 3');
  });

  it('reads "2020-03-05 00:00:00" (a day a spreadsheet holds as a date-time), refuses other times of day', async () => {
    const dataset = expectValid(await run(acledFile({ event_date: '2020-02-27 00:00:00' })));
    expect(dataset.events[0]!.date.earliest).toBe('2020-02-27');
    const result = await run(acledFile({ event_date: '2020-02-27 14:30' }));
    expect(result.problems[0]).toMatchObject({
      column: 'event_date',
      expected: expect.stringContaining('without a time of day'),
    });
  });

  it('does not fail on a timestamp that is not epoch seconds (milliseconds, "1e308")', async () => {
    for (const timestamp of ['1583254812000', '1e308', '2020-03-05']) {
      const dataset = expectValid(await run(acledFile({ timestamp })));
      expect(dataset.sources[0]!.publishedAt).toBeNull();
      expect(dataset.events[0]!.attributes.timestamp).toBe(timestamp);
    }
  });

  it('says a decimal comma is not read ("36,2")', async () => {
    const result = await run(acledFile({ latitude: '36,2' }));
    expect(formatImportProblem(result.problems[0]!)).toBe(
      'hostile.csv line 2, column "latitude": "36,2" — expected a latitude in decimal degrees between -90 and 90, such as "35.93", with a point as the decimal separator (not a comma)',
    );
  });

  it('refuses coordinates 0, 0 (missing ones written as zeros), in ACLED and spreadsheets', async () => {
    const result = await run(acledFile({ latitude: '0', longitude: '0.0' }));
    expect(result.dataset).toBeNull();
    expect(result.problems).toEqual([
      expect.objectContaining({
        line: 2,
        column: 'latitude',
        value: '0',
        expected: expect.stringContaining('other than latitude 0, longitude 0'),
      }),
    ]);
    const plain = await run(`${PLAIN_HEADER}\nev-1,2020-03-05,T,0,0`, 'csv');
    expect(plain.problems[0]).toMatchObject({ line: 2, column: 'lat', expected: expect.stringContaining('empty') });
    // A point on the equator or the prime meridian alone is fine.
    expectValid(await run(acledFile({ latitude: '0', longitude: '9.7' })));
  });

  it('refuses a row with fewer or more values with that one problem, not with its shifted columns', async () => {
    for (const row of [ROW.split(',').slice(0, 10).join(','), `${ROW},extra,values`]) {
      const result = await run(`${HEADER}\n${row}\n`);
      expect(result.problems).toHaveLength(1);
      expect(formatImportProblem(result.problems[0]!)).toMatch(
        /^hostile\.csv line 2 — expected 31 values, one per column of the header \(this row has (10|33); is a value/,
      );
    }
  });

  it('names the id as first written when two ids are one after slugging ("SYR 1" and "syr-1")', async () => {
    const result = await run(acledFile({ event_id_cnty: 'SYR 1' }, { event_id_cnty: 'syr-1', notes: 'Other.' }));
    expect(result.problems).toEqual([
      expect.objectContaining({
        line: 3,
        column: 'event_id_cnty',
        value: 'syr-1',
        expected: expect.stringContaining('the same id as SYR 1 on line 2'),
      }),
    ]);
    const plain = await run(`${PLAIN_HEADER}\nA B,2020-03-05,T,36.2,37.1\na-b,2020-03-06,U,36.2,37.1`, 'csv');
    expect(plain.problems[0]!.expected).toContain('the same id as A B at hostile.csv, line 2');
  });

  it('keeps hostile text as text: markup in names and notes, formula-like cells', async () => {
    const dataset = expectValid(
      await run(
        acledFile({
          actor1: '<script>alert(1)</script>',
          notes: '<img src=x onerror=alert(1)>',
          location: '=HYPERLINK("http://evil.example")',
          source: 'javascript:alert(1)',
        }),
      ),
    );
    const event = dataset.events[0]!;
    expect(event.summary).toBe('<img src=x onerror=alert(1)>');
    expect(event.record!.outlets).toBe('javascript:alert(1)'); // text of the record, never a link
    expect(dataset.sources.every((s) => s.url === null || /^https?:\/\//.test(s.url))).toBe(true);
  });

  it('refuses a value longer than any event field needs, naming its column and length', async () => {
    const result = await run(acledFile({ notes: 'x'.repeat(MAX_VALUE_CHARS + 1) }));
    expect(result.dataset).toBeNull();
    expect(result.problems).toHaveLength(1);
    expect(formatImportProblem(result.problems[0]!)).toMatch(
      /line 2.*at most 100,000 characters; column "notes" has 100,001/,
    );
  });

  it('quotes a long refused value shortened, not whole', async () => {
    const huge = 'x'.repeat(50_000);
    const seen: (string | null)[] = [];
    const result = await importSource(
      acledFile({ fatalities: huge }),
      { format: 'acled', fileName: 'long.csv', datasetId: 'test' },
      undefined,
      { onProblem: (p) => seen.push(p.value) },
    );
    expect(result.problems[0]!.value!.length).toBeLessThanOrEqual(1000);
    expect(result.problems[0]!.value!.endsWith('…')).toBe(true);
    expect(seen[0]!.length).toBeLessThanOrEqual(1000);
  });

  it('warns when the text holds U+FFFD (an earlier conversion read Windows-1252 as UTF-8)', async () => {
    const result = await run(acledFile({ location: '\uFFFDanl\uFFFDurfa' }));
    expectValid(result);
    expect(result.warnings.join('\n')).toMatch(
      /1 row\(s\), the first on line 2, hold the replacement character "\uFFFD": characters were lost/,
    );
  });
});

describe('files of the wrong kind', () => {
  const expectOneProblem = async (text: string, format: ImportFormat, expected: string) => {
    const result = await run(text, format);
    expect(result.dataset).toBeNull();
    expect(result.problems.map((p) => p.expected)).toEqual([expect.stringContaining(expected)]);
  };

  it('says what a JSON, gzip, ZIP or UTF-16 file given as CSV is, instead of listing missing columns', async () => {
    const geojson = readFileSync(path.join(FIXTURES, 'events.geojson'), 'utf8');
    for (const format of ['acled', 'csv'] as const) {
      await expectOneProblem(geojson, format, 'import a GeoJSON FeatureCollection as geojson');
      await expectOneProblem('\u001f\uFFFD\b\u0000\u0000\u0000\u0000\u0000\u0000\u0003', format, 'gzip');
      await expectOneProblem('PK\u0003\u0004\u0014\u0000\u0006\u0000', format, 'Excel workbook');
      await expectOneProblem(Buffer.from(`\uFEFF${HEADER}\n`, 'utf16le').toString('utf8'), format, 'UTF-16');
      await expectOneProblem('\u0000\u0001\u0002\u0003 binary', format, 'binary');
    }
  });

  it('points to acled when an ACLED export is given as csv, and to csv or acled when a CSV is given as geojson', async () => {
    const asCsv = await run(acled, 'csv');
    expect(asCsv.problems).toEqual([
      expect.objectContaining({ column: 'title', expected: expect.stringContaining('import it as acled') }),
    ]);
    await expectOneProblem(acled, 'geojson', 'this looks like a CSV file: import it as acled');
    await expectOneProblem('title,date\nT,2020-03-05\n', 'geojson', 'this looks like a CSV file: import it as csv');
  });

  it('lists a column repeated many times once', async () => {
    const result = await run(`title,date,${'a,'.repeat(5000)}a\nT,2020-03-05\n`, 'csv');
    expect(result.problems).toEqual([
      expect.objectContaining({ column: 'a', expected: expect.stringContaining('once') }),
    ]);
  });
});

describe('GeoJSON coordinates', () => {
  it('reads a coordinate JavaScript writes in exponent form (1e-7)', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [1e-7, 51.4779] },
          properties: { title: 'Greenwich', date: '2020-03-05' },
        },
      ],
    });
    const dataset = expectValid(await run(text, 'geojson', 'g.geojson'));
    expect(dataset.places[0]).toMatchObject({ lat: 51.4779, lon: 1e-7 });
  });
});
