/** `npm run import` end to end: the script run as a user runs it, into a temporary data folder. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findRegistryProblems, type DatasetRegistry } from '../src/domain/dataset-registry.ts';
import type { PackManifest } from '../src/domain/event-pack.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixture = (name: string) => path.join(root, 'data/fixtures/import', name);
const tsx = path.join(root, 'node_modules/.bin/tsx');
const run = (...args: string[]) =>
  spawnSync(tsx, ['scripts/import.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
const rowsOf = (file: string) =>
  new Set(
    readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .map((line) => /^([A-Z]{3}\d+),/.exec(line)?.[1])
      .filter(Boolean),
  ).size;

// Each case spawns tsx (about a second).
describe('npm run import', { timeout: 60_000 }, () => {
  it('imports an ACLED export into <out>/datasets/<id>/ and lists it in datasets.json', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'import-cli-'));
    const result = run(
      'acled',
      fixture('acled-2023.csv'),
      '--name',
      'acled-fixture',
      '--title',
      'ACLED fixture',
      '--out',
      out,
    );
    expect(result.stderr).toContain('warning: 1 identical duplicate row(s) dropped');
    expect(result.status).toBe(0);
    const events = rowsOf(fixture('acled-2023.csv'));
    expect(result.stdout).toContain(`imported ${events} events`);
    expect(result.stdout).toMatch(/peak RSS \d+ MB/);

    const registry = JSON.parse(readFileSync(path.join(out, 'datasets.json'), 'utf8')) as DatasetRegistry;
    expect(findRegistryProblems(registry)).toEqual([]);
    expect(registry.datasets).toEqual([
      expect.objectContaining({
        id: 'acled-fixture',
        title: 'ACLED fixture',
        path: 'datasets/acled-fixture/',
        events,
        extent: { earliest: '2020-02-27', latest: '2020-08-26' }, // the first row's day, the last row's (TUR30005)
        origin: 'imported',
        importedFrom: expect.objectContaining({ format: 'acled', file: 'acled-2023.csv' }),
      }),
    ]);
    const folder = path.join(out, 'datasets/acled-fixture');
    const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as PackManifest;
    expect(manifest).toMatchObject({
      format: 'news-event-pack',
      title: 'ACLED fixture',
      counts: { events, sources: 1, evidence: 0 },
    });
    for (const file of [manifest.files.events, manifest.files.actors, manifest.files.places, manifest.files.sources])
      expect(readFileSync(path.join(folder, file.path)).byteLength).toBe(file.bytes);
    expect(existsSync(path.join(folder, 'import-report.csv'))).toBe(false);
  });

  it('refuses a file with bad rows: prints each problem, writes nothing, exits 1', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'import-cli-'));
    const result = run('acled', fixture('acled-invalid.csv'), '--name', 'bad', '--out', out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'acled-invalid.csv line 3, column "event_date": "31 Febuary 2020" — expected a day',
    );
    expect(result.stderr).toContain('nothing was written');
    expect(readdirSync(out).filter((f) => !f.startsWith('.'))).toEqual([]);
  });

  it('with --skip-invalid imports the rest and writes a report of the skipped rows', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'import-cli-'));
    const result = run('acled', fixture('acled-invalid.csv'), '--name', 'partial', '--skip-invalid', '--out', out);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('5 skipped');
    const report = readFileSync(path.join(out, 'datasets/partial/import-report.csv'), 'utf8').trim().split('\n');
    expect(report[0]).toBe('file,line,column,value,expected');
    expect(report).toHaveLength(6);
    expect(report[1]).toBe(
      'acled-invalid.csv,3,event_date,31 Febuary 2020,"a day such as ""05 March 2020"" or ""2020-03-05"""',
    );
    expect(readdirSync(path.join(out, 'datasets')).sort()).toEqual(['partial']);
  });

  it('leaves the previous dataset of the same id intact when a new import is refused', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'import-cli-'));
    expect(run('acled', fixture('acled-2023.csv'), '--name', 'keep', '--out', out).status).toBe(0);
    const snapshot = () =>
      [
        readFileSync(path.join(out, 'datasets.json'), 'utf8'),
        ...readdirSync(path.join(out, 'datasets/keep'))
          .sort()
          .map((f) => `${f}:${readFileSync(path.join(out, 'datasets/keep', f)).toString('base64')}`),
      ].join('\n');
    const before = snapshot();
    const refused = run('acled', fixture('acled-invalid.csv'), '--name', 'keep', '--out', out);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('nothing was written');
    expect(snapshot()).toBe(before);
    expect(readdirSync(path.join(out, 'datasets'))).toEqual(['keep']); // no temporary report left behind
  });

  it('refuses a file that is not UTF-8, holds a NUL or exceeds a limit, and leaves the output folder untouched', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'import-cli-'));
    expect(run('acled', fixture('acled-2023.csv'), '--name', 'keep', '--out', out).status).toBe(0);
    const snapshot = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true })
        .sort((a, b) => a.name.localeCompare(b.name))
        .flatMap((entry) => {
          const file = path.join(dir, entry.name);
          return entry.isDirectory()
            ? [`${file}/`, ...snapshot(file)]
            : [`${file}:${readFileSync(file).toString('base64')}`];
        });
    const inputs = mkdtempSync(path.join(tmpdir(), 'import-cli-inputs-'));
    const cases: [string, string, Buffer, string][] = [
      [
        'csv',
        'latin1.csv',
        Buffer.concat([Buffer.from('title,date\nCaf'), Buffer.from([0xe9]), Buffer.from(' talks,2020-03-05\n')]),
        'latin1.csv line 2 — expected UTF-8 text, but byte 0xE9 at byte offset 14 (byte 4 of line 2) is not UTF-8: save the file as UTF-8 (in Excel: "CSV UTF-8")',
      ],
      [
        'geojson',
        'latin1.geojson',
        Buffer.concat([
          Buffer.from('{"type":"FeatureCollection","features":["'),
          Buffer.from([0xe9]),
          Buffer.from('"]}'),
        ]),
        'latin1.geojson line 1 — expected UTF-8 text, but byte 0xE9 at byte offset 41',
      ],
      [
        'acled',
        'nul.csv',
        Buffer.from(
          readFileSync(fixture('acled-2023.csv'), 'utf8').replace('Ariha,Ariha,Ariha', 'Ariha,Ariha,Ari\u0000ha'),
        ),
        'nul.csv line 2, column "location" — expected text without control characters (tab and line breaks are allowed): character 4 is the control character U+0000',
      ],
      [
        'csv',
        'long.csv',
        Buffer.from(`title,date\n${'t'.repeat(301)},2020-03-05\n`),
        'long.csv line 2, column "title" — expected a title of at most 300 characters (the dataset limit); this one has 301',
      ],
    ];
    const before = snapshot(out);
    for (const [format, name, bytes, message] of cases) {
      writeFileSync(path.join(inputs, name), bytes);
      for (const id of ['keep', 'fresh']) {
        const result = run(format, path.join(inputs, name), '--name', id, '--out', out);
        expect(result.status).toBe(1);
        expect(result.stderr).toContain(message);
        expect(result.stderr).toContain('nothing was written');
        expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
        expect(snapshot(out)).toEqual(before);
      }
    }
  });

  it('writes refused values into import-report.csv so that a spreadsheet does not run them as formulas', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'import-cli-'));
    const input = path.join(out, 'formulas.csv');
    writeFileSync(
      input,
      'title,date,lat,lon\nGood,2020-03-05,36.2,37.1\nBad,"=HYPERLINK(""http://evil.example"",""x"")",36.2,37.1\nBad,@SUM(1),36.2,37.1\n',
    );
    const result = run('csv', input, '--name', 'formulas', '--skip-invalid', '--out', out);
    expect(result.status).toBe(0);
    const report = readFileSync(path.join(out, 'datasets/formulas/import-report.csv'), 'utf8').trim().split('\n');
    expect(report.slice(1).map((line) => line.split(',').slice(0, 4).join(','))).toEqual([
      `formulas.csv,3,date,"'=HYPERLINK(""http://evil.example""`,
      "formulas.csv,4,date,'@SUM(1)",
    ]);
  });

  it('imports a spreadsheet and a GeoJSON file next to each other', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'import-cli-'));
    expect(run('csv', path.join(root, 'data/templates/events.csv'), '--name', 'template', '--out', out).status).toBe(0);
    expect(run('geojson', fixture('events.geojson'), '--name', 'points', '--out', out).status).toBe(0);
    const registry = JSON.parse(readFileSync(path.join(out, 'datasets.json'), 'utf8')) as DatasetRegistry;
    // Sorted by title: "Events from events.csv", "Events from events.geojson".
    expect(registry.datasets.map((d) => [d.id, d.events])).toEqual([
      ['template', 3],
      ['points', 3],
    ]);
  });

  it('answers bad usage with one line and the usage, exit 2', () => {
    const cases: [string[], RegExp][] = [
      [['xls', fixture('events.csv'), '--name', 'x'], /unknown format "xls"/],
      [['csv', fixture('missing.csv'), '--name', 'x'], /no such file/],
      [['csv', fixture('events.csv'), '--name', 'Not An Id'], /is not a dataset id/],
      [['csv', fixture('events.csv'), '--name', 'bundled'], /reserved for the bundled dataset/],
      [['csv', fixture('events.csv')], /missing --name/],
      [['csv', fixture('events.csv'), '--name', 'x', '--colour', 'red'], /unknown option --colour/],
    ];
    for (const [args, message] of cases) {
      const result = run(...args);
      expect(result.status).toBe(2);
      expect(result.stderr.split('\n')[0]).toMatch(message);
      expect(result.stderr).toContain('usage: npm run import --');
    }
  });
});
