import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectImportFormat, formatImportProblem, importSource } from './index.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../data/fixtures/import');
const readFixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

describe('detectImportFormat', () => {
  it('knows ACLED by its header, GeoJSON by its name or its type, anything else delimited as csv', () => {
    expect(detectImportFormat('acled-2023.csv', readFixture('acled-2023.csv'))).toBe('acled');
    expect(detectImportFormat('export.txt', readFixture('acled-legacy.csv'))).toBe('acled');
    expect(detectImportFormat('events.csv', readFixture('events.csv'))).toBe('csv');
    expect(detectImportFormat('events.geojson', '')).toBe('geojson');
    expect(detectImportFormat('events.json', readFixture('events.geojson'))).toBe('geojson');
    expect(detectImportFormat('manifest.json', '{"format":"news-event-pack"}')).toBeNull();
    expect(detectImportFormat('empty.csv', '')).toBeNull();
    expect(detectImportFormat('q.csv', '"event_id_cnty";"event_date";"notes"\n')).toBe('acled');
  });
});

describe('formatImportProblem', () => {
  it('names the file, line, column, value and what was expected', () => {
    expect(
      formatImportProblem({
        file: 'acled.csv',
        line: 14,
        column: 'event_date',
        value: '31 Febuary 2020',
        expected: 'a day such as "05 March 2020" or "2020-03-05"',
      }),
    ).toBe(
      'acled.csv line 14, column "event_date": "31 Febuary 2020" — expected a day such as "05 March 2020" or "2020-03-05"',
    );
  });

  it('shortens long values to one line', () => {
    const text = formatImportProblem({
      file: 'f.csv',
      line: 2,
      column: 'notes',
      value: `a\nb${'x'.repeat(200)}`,
      expected: 'y',
    });
    expect(text).toMatch(/^f\.csv line 2, column "notes": "a⏎bx+…" — expected y$/);
    expect(
      formatImportProblem({ file: 'f.csv', line: null, column: null, value: null, expected: 'a header row' }),
    ).toBe('f.csv — expected a header row');
  });
});

describe('importSource', () => {
  it('reads a Blob as it reads a string, and reports progress up to 1', async () => {
    const text = readFixture('acled-2023.csv');
    const fractions: number[] = [];
    const fromBlob = await importSource(new Blob([text]), { format: 'acled', fileName: 'a.csv', datasetId: 'a' }, (f) =>
      fractions.push(f),
    );
    const fromText = await importSource(text, { format: 'acled', fileName: 'a.csv', datasetId: 'a' });
    expect(JSON.stringify(fromBlob.dataset)).toBe(JSON.stringify(fromText.dataset));
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('uses the title and description it is given', async () => {
    const result = await importSource(readFixture('events.csv'), {
      format: 'csv',
      fileName: 'events.csv',
      datasetId: 'e',
      title: 'Idlib desk',
      description: 'Our events.',
    });
    expect(result.dataset).toMatchObject({ title: 'Idlib desk', description: 'Our events.' });
  });

  it('refuses an empty file', async () => {
    const result = await importSource('', { format: 'csv', fileName: 'empty.csv', datasetId: 'e' });
    expect(result.dataset).toBeNull();
    expect(result.problems[0]!.expected).toBe('a header row naming the columns');
  });
});
