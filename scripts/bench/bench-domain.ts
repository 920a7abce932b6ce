/**
 * `npm run bench:domain`: times the pure work behind every interaction on synthetic datasets of 1k, 10k and 100k
 * events (indexing, filter passes with facet counts, text search, per-place aggregation). Prints figures; asserts
 * nothing (timings on shared machines are noisy: read them, don't gate on them).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatasetSchema } from '../../src/domain/dataset-schema.ts';
import { aggregateByPlace, indexDataset } from '../../src/domain/dataset-index.ts';
import { applyFilter, buildFilterIndex, type EventFilter } from '../../src/domain/event-filter.ts';
import { buildEventSearch } from '../../src/domain/event-search.ts';
import { syntheticDataset } from './synthetic-dataset.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const base = DatasetSchema.parse(JSON.parse(await readFile(path.join(root, 'public/data/dataset.json'), 'utf8')));
const none: EventFilter = { actor: [], place: [], type: [], from: null, to: null, q: '' };

function time<T>(label: string, fn: () => T, repeat = 5): T {
  let result!: T;
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    result = fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(44)} median ${samples[Math.floor(repeat / 2)]!.toFixed(1).padStart(8)} ms`);
  return result;
}

for (const size of [0, 1_000, 10_000, 100_000]) {
  // 0: the bundled dataset itself.
  const dataset = size === 0 ? base : syntheticDataset(base, size);
  console.log(
    `${dataset.events.length.toLocaleString('en')} events, ${dataset.places.length.toLocaleString('en')} places`,
  );
  const index = time('index the dataset', () => indexDataset(dataset), 3);
  const fi = time('build filter index (on load)', () => buildFilterIndex(index), 3);
  const search = time('build search index (in a worker, after load)', () => buildEventSearch(index), 1);
  time('filter: none (all facet counts)', () => applyFilter(fi, none, null));
  time('filter: type attack', () => applyFilter(fi, { ...none, type: ['attack'] }, null));
  time('filter: actor + place (hierarchy)', () =>
    applyFilter(fi, { ...none, actor: ['hulusi-akar'], place: ['syria'] }, null),
  );
  time('filter: date range 2021', () => applyFilter(fi, { ...none, from: '2021-01-01', to: '2021-12-31' }, null));
  const hits = time('filter: text "idlib"', () => applyFilter(fi, { ...none, q: 'idlib' }, search.search('idlib')));
  time('filter: text prefix "erdo" + type', () =>
    applyFilter(fi, { ...none, q: 'erdo', type: ['visit'] }, search.search('erdo')),
  );
  time('aggregate all events by place (map marks)', () => aggregateByPlace(index.events, index.placeById));
  console.log(`  (text "idlib" matched ${hits.events.length.toLocaleString('en')} events)`);
}
