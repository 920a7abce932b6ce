import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRegistryProblems, type DatasetEntry } from '../../src/domain/dataset-registry.ts';
import { readRegistry, writeDatasetPack } from './write-pack.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const entry = (id: string, extra: Partial<DatasetEntry> = {}): DatasetEntry => ({
  id,
  title: `Title of ${id}`,
  description: '',
  path: id === 'bundled' ? 'pack/' : `datasets/${id}/`,
  events: 3,
  extent: { earliest: '2020-03-01', latest: '2020-03-31' },
  origin: id === 'bundled' ? 'bundled' : 'imported',
  importedFrom: id === 'bundled' ? null : { format: 'acled', file: 'a.csv', at: '2026-12-03T10:00:00.000Z' },
  ...extra,
});
const registryOf = (root: string) => JSON.parse(readFileSync(path.join(root, 'datasets.json'), 'utf8')) as unknown;

describe('writeDatasetPack', () => {
  it('creates the pack folder and a registry when there is none', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'write-pack-'));
    await writeDatasetPack(root, entry('acled-syria'), [{ path: 'manifest.json', bytes: bytes('{}') }]);
    expect(readFileSync(path.join(root, 'datasets/acled-syria/manifest.json'), 'utf8')).toBe('{}');
    const registry = registryOf(root);
    expect(findRegistryProblems(registry)).toEqual([]);
    expect(registry).toMatchObject({ defaultId: 'acled-syria', datasets: [{ id: 'acled-syria' }] });
    expect(readdirSync(root).sort()).toEqual(['datasets', 'datasets.json']);
  });

  it('lists an existing bundled pack first, as the default, when it creates the registry for an import', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'write-pack-'));
    mkdirSync(path.join(root, 'pack'));
    const manifest = {
      title: 'Bundled',
      description: 'The five articles',
      counts: { events: 57 },
      extent: { earliest: '2018-09-17', latest: '2021-09-29' },
    };
    writeFileSync(path.join(root, 'pack/manifest.json'), JSON.stringify(manifest));
    await writeDatasetPack(root, entry('acled-syria'), [{ path: 'manifest.json', bytes: bytes('{}') }]);
    expect(registryOf(root)).toMatchObject({
      defaultId: 'bundled',
      datasets: [
        { id: 'bundled', path: 'pack/', events: 57, title: 'Bundled', origin: 'bundled' },
        { id: 'acled-syria' },
      ],
    });
  });

  it('replaces a previous pack whole and upserts its entry, keeping the others', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'write-pack-'));
    await writeDatasetPack(root, entry('bundled'), [{ path: 'manifest.json', bytes: bytes('bundled') }]);
    await writeDatasetPack(root, entry('b'), [
      { path: 'manifest.json', bytes: bytes('one') },
      { path: 'old.arrow', bytes: bytes('x') },
    ]);
    await writeDatasetPack(root, entry('a'), [{ path: 'manifest.json', bytes: bytes('a') }]);
    await writeDatasetPack(root, entry('b', { events: 9 }), [
      { path: 'manifest.json', bytes: bytes('two') },
      { path: 'import-report.csv', bytes: bytes('file,line\n') },
    ]);
    expect(readdirSync(path.join(root, 'datasets/b')).sort()).toEqual(['import-report.csv', 'manifest.json']);
    expect(readFileSync(path.join(root, 'datasets/b/manifest.json'), 'utf8')).toBe('two');
    const registry = await readRegistry(root);
    expect(registry!.defaultId).toBe('bundled');
    expect(registry!.datasets.map((d) => [d.id, d.events])).toEqual([
      ['bundled', 3],
      ['a', 3],
      ['b', 9],
    ]);
    expect(readdirSync(path.join(root, 'datasets')).sort()).toEqual(['a', 'b']);
    expect(readdirSync(root).sort()).toEqual(['datasets', 'datasets.json', 'pack']);
  });

  it('refuses a damaged registry, a bad id or a path out of the data folder, touching nothing', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'write-pack-'));
    writeFileSync(path.join(root, 'datasets.json'), '{"format":"something else"}');
    await expect(writeDatasetPack(root, entry('a'), [])).rejects.toThrow(/is not a dataset list/);
    expect(existsSync(path.join(root, 'datasets'))).toBe(false);
    await expect(writeDatasetPack(root, entry('Not An Id'), [])).rejects.toThrow(/not a dataset id/);
    await expect(writeDatasetPack(root, entry('a', { path: '../escape/' }), [])).rejects.toThrow(/not a pack folder/);
  });
});
