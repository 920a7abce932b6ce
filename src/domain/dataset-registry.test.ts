import { describe, expect, it } from 'vitest';
import {
  BUNDLED_DATASET_ID,
  findRegistryProblems,
  isDatasetId,
  packPathOf,
  upsertDataset,
  type DatasetEntry,
} from './dataset-registry.ts';

const entry = (id: string, title = id): DatasetEntry => ({
  id,
  title,
  description: '',
  path: packPathOf(id),
  events: 3,
  extent: { earliest: '2020-01-01', latest: '2020-02-01' },
  origin: id === BUNDLED_DATASET_ID ? 'bundled' : 'imported',
  importedFrom: null,
});

describe('upsertDataset', () => {
  it('keeps the bundled dataset first and the default, the others by title, replacing by id', () => {
    let registry = upsertDataset(null, entry(BUNDLED_DATASET_ID, 'Zeta'));
    registry = upsertDataset(registry, entry('acled-syria', 'Syria'));
    registry = upsertDataset(registry, entry('my-desk', 'Desk'));
    registry = upsertDataset(registry, { ...entry('acled-syria', 'Syria'), events: 9 });
    expect(registry.datasets.map((d) => d.id)).toEqual([BUNDLED_DATASET_ID, 'my-desk', 'acled-syria']);
    expect(registry.datasets.find((d) => d.id === 'acled-syria')?.events).toBe(9);
    expect(registry.defaultId).toBe(BUNDLED_DATASET_ID);
    expect(findRegistryProblems(registry)).toEqual([]);
  });

  it('makes the bundled dataset the default when it arrives after an import', () => {
    const importedFirst = upsertDataset(null, entry('acled-syria'));
    expect(importedFirst.defaultId).toBe('acled-syria');
    expect(upsertDataset(importedFirst, entry(BUNDLED_DATASET_ID)).defaultId).toBe(BUNDLED_DATASET_ID);
  });
});

describe('findRegistryProblems', () => {
  it('names each problem: format, ids, paths out of the data folder, a default that is not listed', () => {
    const problems = findRegistryProblems({
      format: 'other',
      version: 1,
      defaultId: 'missing',
      datasets: [{ ...entry('a'), path: '../../etc/' }, { ...entry('a') }, { ...entry('b'), id: 'Not A Slug' }],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'format: expected "news-event-datasets"',
        'datasets[0].path: expected a folder inside the data folder',
        'datasets[1].id: "a" is listed twice',
        'datasets[2].id: expected a slug such as "acled-syria"',
        'defaultId: expected the id of a listed dataset',
      ]),
    );
    expect(findRegistryProblems('[]')).toEqual(['the dataset list is not a JSON object']);
  });

  it('accepts only slugs as dataset ids', () => {
    expect(['acled-syria', 'a1'].every(isDatasetId)).toBe(true);
    expect(['', 'A', 'a--b', '../x', 'x'.repeat(65), 3].some(isDatasetId)).toBe(false);
  });
});
