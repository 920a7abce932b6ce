/** The bundled dataset itself: builds data/ and checks the invariants every user relies on. */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { DatasetSchema, findDatasetInconsistencies, type Dataset } from '../../src/domain/dataset-schema.ts';
import { EVENT_TYPES } from '../../src/domain/taxonomy.ts';
import { compileDataset, formatProblem } from './compile-dataset.ts';
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
  it('satisfies the schema the app loads it with, and every cross-record invariant', () => {
    expect(DatasetSchema.safeParse(dataset).success).toBe(true);
    expect(findDatasetInconsistencies(dataset)).toEqual([]);
  });

  it('keeps every article byte for byte, one record per article file', async () => {
    const files = (await readdir(path.join(root, 'data', 'sources'))).filter((f) => f.endsWith('.txt')).sort();
    expect(dataset.sources.map((s) => s.file).sort()).toEqual(files);
    const shared = path.join(root, '..', 'shared', 'sources');
    for (const source of dataset.sources) {
      const copy = await readFile(path.join(root, 'data', 'sources', source.file));
      expect(copy.toString('utf8')).toBe(source.text);
      const records = await readFile(path.join(root, 'data', 'sources', 'sources.yaml'), 'utf8');
      const original = new RegExp(`file: ${source.file}\\s+originalFile: (\\S+)`).exec(records)?.[1];
      // An article that came with the project (in ../shared/sources) must still be its byte-for-byte copy; one a
      // user added (with `npm run draft`, say) names an original file that is not there.
      const originalPath = original ? path.join(shared, original) : null;
      if (originalPath && existsSync(originalPath)) expect(copy.equals(await readFile(originalPath))).toBe(true);
    }
  });

  it('backs every event with verbatim evidence at its offsets', () => {
    const texts = new Map(dataset.sources.map((s) => [s.id, s.text]));
    for (const event of dataset.events) {
      expect(event.evidence.length, event.id).toBeGreaterThan(0);
      for (const span of event.evidence) expect(texts.get(span.sourceId)!.slice(span.start, span.end)).toBe(span.quote);
      expect(event.sourceIds).toEqual(
        [...new Set(event.evidence.map((s) => s.sourceId))].sort(
          (a, b) => dataset.sources.findIndex((s) => s.id === a) - dataset.sources.findIndex((s) => s.id === b),
        ),
      );
    }
  });

  it('draws on every article, and covers the event types the articles report', () => {
    const cited = new Set(dataset.events.flatMap((e) => e.sourceIds));
    expect([...cited].sort()).toEqual(dataset.sources.map((s) => s.id).sort());
    const types = new Set(dataset.events.map((e) => e.type));
    for (const type of [
      'meeting',
      'visit',
      'call',
      'summit',
      'statement',
      'agreement',
      'ceasefire',
      'attack',
      'offensive',
      'deployment',
      'arms_deal',
      'sanction',
      'protest',
    ])
      expect(types, type).toContain(type);
    for (const type of types) expect(Object.keys(EVENT_TYPES)).toContain(type);
  });

  it('has ordered date bounds, an anchor for relative dates and a note for inferred ones', () => {
    for (const { id, date } of dataset.events) {
      expect(date.earliest <= date.latest, id).toBe(true);
      if (date.resolution !== 'inferred') expect(date.expression, id).not.toBeNull();
      else expect(date.note?.length, id).toBeGreaterThan(0);
    }
  });

  it('records where the articles disagree', () => {
    const disagreements = dataset.events.flatMap((e) => e.disagreements);
    expect(disagreements.length).toBeGreaterThan(0);
    for (const d of disagreements) expect(new Set(d.versions.map((v) => v.sourceId)).size).toBeGreaterThan(1);
  });

  it('uses stable slugs as ids and cites only known actors and places', () => {
    for (const e of dataset.events) expect(e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
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
      // Not the developer's own pending drafts (data/drafts is untracked): the test sets up the one it needs.
      const drafts = path.join(root, 'data', 'drafts');
      await cp(path.join(root, 'data'), path.join(work, 'data'), {
        recursive: true,
        filter: (source) => source !== drafts && !source.startsWith(`${drafts}${path.sep}`),
      });
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
