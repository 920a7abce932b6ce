/**
 * The bundled dataset itself: what the compiler cannot know. The compiler refuses what is malformed (schema, ids,
 * date bounds, quotes not in the article: see compile-dataset.test.ts and malformed-inputs.test.ts); these tests
 * check what a reader of the bundled data relies on beyond that, with expectations taken from the data, so adding
 * an article keeps them green.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DatasetSchema, findDatasetInconsistencies, type Dataset } from '../../src/domain/dataset-schema.ts';
import { compileDataset, formatProblem } from './compile-dataset.ts';
import { copyDataDir } from './copy-data-dir.ts';
import { readDataDir } from './read-data-dir.ts';
import { loadCountryShapes } from './country-shapes.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

let dataset: Dataset;

beforeAll(async () => {
  const result = compileDataset({
    ...(await readDataDir(path.join(root, 'data'), root)),
    countryShapes: await loadCountryShapes(),
  });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  dataset = result.dataset;
});

describe('the bundled dataset', () => {
  it('is what the app accepts: its schema and every cross-record invariant', () => {
    expect(DatasetSchema.safeParse(dataset).success).toBe(true);
    expect(findDatasetInconsistencies(dataset)).toEqual([]);
  });

  it('quotes the articles that came with the project from unchanged copies of them', async () => {
    // data/sources/*.txt are the project's copies; the originals beside the project (../shared/sources) are what
    // the quotes must be faithful to. An article a user added later names no original there, and is skipped.
    const shared = path.join(root, '..', 'shared', 'sources');
    const records = parse(await readFile(path.join(root, 'data', 'sources', 'sources.yaml'), 'utf8')) as {
      file: string;
      originalFile?: string;
    }[];
    const originals = existsSync(shared) ? (await readdir(shared)).filter((f) => f.endsWith('.txt')) : [];
    for (const original of originals) {
      const record = records.find((r) => r.originalFile === original);
      expect(record, `${original} has no record in data/sources/sources.yaml`).toBeDefined();
      const copy = await readFile(path.join(root, 'data', 'sources', record!.file));
      expect(copy.equals(await readFile(path.join(shared, original))), record!.file).toBe(true);
    }
  });

  it('cites every article it bundles (the build only warns about an uncited one)', () => {
    const cited = new Set(dataset.events.flatMap((e) => e.sourceIds));
    expect(dataset.sources.filter((s) => !cited.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it('dates nothing that happened after the last article that reports it', () => {
    // A relative date read against the wrong anchor ("on Thursday" a week late, "in March" of the next year) would
    // put a reported happening after its own report: planned and hypothetical events may lie ahead, nothing else.
    const published = new Map(dataset.sources.map((s) => [s.id, s.publishedAt]));
    const late = dataset.events.flatMap((e) => {
      if (e.modality === 'planned' || e.modality === 'hypothetical') return [];
      const lastReport = e.sourceIds
        .map((id) => published.get(id)!)
        .sort()
        .at(-1)!;
      return e.date.earliest > lastReport ? [`${e.id}: ${e.date.earliest} > ${lastReport}`] : [];
    });
    expect(late).toEqual([]);
  });

  it('gives every event a place on the map or an actor in the filters', () => {
    // The schema allows an event with neither; in the bundled data such an event could be reached only by
    // scrolling the timeline, which no article's reader would expect.
    expect(dataset.events.filter((e) => e.places.length + e.actors.length === 0).map((e) => e.id)).toEqual([]);
  });

  it('holds what the end-to-end journeys open by id or title (e2e/explorer.spec.ts, e2e/filters.spec.ts)', () => {
    const events = new Map(dataset.events.map((e) => [e.id, e]));
    for (const id of [
      'erdogan-putin-sochi-2021',
      'akar-remarks-idlib-2021',
      'turkish-soldiers-killed-idlib-2021-09-11',
      'tehran-summit-2018',
    ])
      expect(events.has(id), id).toBe(true);
    expect(events.get('erdogan-putin-sochi-2021')?.title).toBe('Erdoğan visits Putin in Sochi');
    expect(dataset.events.map((e) => e.title)).toContain('Two Turkish soldiers killed in an attack in Idlib');
    // The reader journey opens an article that does not report the Tehran summit.
    expect(events.get('tehran-summit-2018')?.sourceIds).not.toContain('2021-09-28-akar-russia-idlib-deal');
    expect(dataset.sources.map((s) => s.id)).toContain('2021-09-28-akar-russia-idlib-deal');
    // The Akar event shows a disagreement between two articles; the actor filter needs more than one Akar event.
    expect(events.get('akar-remarks-idlib-2021')?.disagreements.length).toBeGreaterThan(0);
    expect(dataset.events.filter((e) => e.actors.some((a) => a.actorId === 'hulusi-akar')).length).toBeGreaterThan(1);
    expect(dataset.places.map((p) => p.id)).toContain('idlib-governorate');
    expect(dataset.places.find((p) => p.name === 'Sochi')).toBeDefined();
  });
});

describe('npm run data', () => {
  it('writes nothing when the input is bad, and says where', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'dataset-'));
    try {
      await copyDataDir(path.join(root, 'data'), path.join(work, 'data'));
      const out = path.join(work, 'out');
      const env = { ...process.env, DATASET_DIR: path.join(work, 'data'), DATASET_OUT: out };
      const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
      await run(tsx, [path.join(root, 'scripts', 'build-dataset.ts')], { env });
      const good = await readFile(path.join(out, 'dataset.json'), 'utf8');
      // Same input, same bytes.
      await run(tsx, [path.join(root, 'scripts', 'build-dataset.ts')], { env });
      expect(await readFile(path.join(out, 'dataset.json'), 'utf8')).toBe(good);

      // A draft waiting for review is not read (even a broken one), only counted; an article no event cites is
      // a warning, not a failure.
      await mkdir(path.join(work, 'data', 'drafts'), { recursive: true });
      await writeFile(path.join(work, 'data', 'drafts', 'new-article.yaml'), 'not: [a valid draft\n');
      await writeFile(path.join(work, 'data', 'sources', 'uncited.txt'), 'An article nobody has read yet.\n');
      const sourcesFile = path.join(work, 'data', 'sources', 'sources.yaml');
      await writeFile(
        sourcesFile,
        `${await readFile(sourcesFile, 'utf8')}
- id: uncited-article
  file: uncited.txt
  title: An uncited article
  titleBasis: written
  publisher: unknown
  url: null
  language: en
  publishedAt: 2021-10-01
  publishedAtBasis: inferred
  publishedAtNote: a test
`,
      );
      const warned = await run(tsx, [path.join(root, 'scripts', 'build-dataset.ts')], { env });
      expect(warned.stdout).toMatch(
        /1 draft\(s\) pending review in .*drafts\/ \(not part of the build\): new-article\.yaml/,
      );
      expect(warned.stderr).toMatch(/warning: .*sources\.yaml: source "uncited-article" is cited by no event/);
      const grown = JSON.parse(await readFile(path.join(out, 'dataset.json'), 'utf8')) as Dataset;
      expect(grown.sources.map((s) => s.id)).toContain('uncited-article');

      // A story is checked against the built events: an id it names that no event has stops the build.
      const story = path.join(work, 'data', 'stories', 'broken.yaml');
      await mkdir(path.dirname(story), { recursive: true });
      await writeFile(story, 'id: broken\ntitle: Broken\nsteps:\n  - text: Gone.\n    events: [no-such-event]\n');
      const refused = await run(tsx, [path.join(root, 'scripts', 'build-dataset.ts')], { env }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(refused?.stderr).toMatch(
        /stories\/broken\.yaml:5: story "broken", field steps\[0\]\.events\[0\]: unknown event "no-such-event"/,
      );
      expect(JSON.parse(await readFile(path.join(out, 'dataset.json'), 'utf8'))).toEqual(grown);
      await rm(story);

      const placesFile = path.join(work, 'data', 'places.yaml');
      await writeFile(placesFile, (await readFile(placesFile, 'utf8')).replace(/\blat: [\d.]+/, 'lat: 123.4'));
      const failure = await run(tsx, [path.join(root, 'scripts', 'build-dataset.ts')], { env }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toMatch(
        /places\.yaml:\d+: place "[a-z0-9-]+", field lat: expected a latitude in \[-90, 90\]/,
      );
      expect(failure?.stderr).toMatch(/nothing was written/);
      expect(JSON.parse(await readFile(path.join(out, 'dataset.json'), 'utf8'))).toEqual(grown);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 60_000);
});
