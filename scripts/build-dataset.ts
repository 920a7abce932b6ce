/**
 * `npm run data`: validates data/ and writes public/data/dataset.json + dataset.schema.json (the one-file contract
 * for other tools, diffs and export) and public/data/pack/ (the columnar pack the app loads: see
 * src/domain/event-pack.ts), listed as the default dataset in public/data/datasets.json (imported datasets stay
 * listed beside it). All or nothing: on any problem it prints each one (file:line, record, field, what was
 * expected), exits 1 and leaves the previous output untouched; on success everything is written under temporary
 * names and renamed into place.
 * The stories (data/stories/*.yaml) are checked against the compiled events and written into the pack.
 * Drafts waiting for review (data/drafts/*.yaml, written by `npm run draft`) are not read: the build only says how
 * many there are. Warnings (an article no event cites) are printed and do not stop the build.
 * `npm run data -- locate <source-id> "<quote>"` instead prints where a quote occurs in a source and the prefix that
 * picks each occurrence (scripts/dataset/locate-cli.ts).
 * DATASET_DIR and DATASET_OUT override the folders (used by tests and for building other datasets).
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DatasetSchema, findDatasetInconsistencies } from '../src/domain/dataset-schema.ts';
import { BUNDLED_DATASET_ID, packPathOf } from '../src/domain/dataset-registry.ts';
import { entryOfPack, writeDatasetPack } from './dataset/write-pack.ts';
import { compileDataset, formatProblem } from './dataset/compile-dataset.ts';
import { compileStories } from './dataset/compile-stories.ts';
import { DataDirError, readDataDir } from './dataset/read-data-dir.ts';
import { loadCountryShapes } from './dataset/country-shapes.ts';
import { encodePack } from '../src/domain/pack-encoder.ts';
import { runLocate } from './dataset/locate-cli.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The drafts in data/drafts/ waiting for review (none when the folder does not exist). */
async function pendingDrafts(dataDir: string): Promise<string[]> {
  const names = await readdir(path.join(dataDir, 'drafts')).catch(() => [] as string[]);
  return names.filter((name) => /\.ya?ml$/.test(name)).sort();
}

async function main(): Promise<void> {
  const dataDir = process.env.DATASET_DIR ? path.resolve(process.env.DATASET_DIR) : path.join(root, 'data');
  const outDir = process.env.DATASET_OUT ? path.resolve(process.env.DATASET_OUT) : path.join(root, 'public', 'data');
  const rel = (p: string) => path.relative(root, p) || '.';

  const [command, ...args] = process.argv.slice(2);
  if (command === 'locate') {
    const { code, out } = await runLocate(dataDir, args);
    (code === 0 ? console.log : console.error)(out);
    process.exitCode = code;
    return;
  }
  if (command !== undefined)
    throw new DataDirError(`unknown command "${command}": expected none, or locate <source-id> "<quote>"`);

  // `npm run draft -- accept` runs this build on the draft it is applying: that one is no longer pending.
  const accepting = process.env.DRAFT_BEING_ACCEPTED;
  const drafts = (await pendingDrafts(dataDir)).filter((name) => name !== accepting);
  if (drafts.length > 0)
    console.log(
      `${drafts.length} draft(s) pending review in ${rel(path.join(dataDir, 'drafts'))}/ (not part of the build): ${drafts.join(', ')}`,
    );

  const input = await readDataDir(dataDir, root);
  const result = compileDataset({ ...input, countryShapes: await loadCountryShapes() });
  // Stories are checked against the compiled dataset, so only when it compiled.
  const storyResult = result.ok ? compileStories(input.stories, result.dataset) : null;
  const problems = result.ok ? (storyResult?.ok === false ? storyResult.problems : []) : result.problems;
  if (!result.ok || !storyResult?.ok) {
    for (const problem of problems) console.error(formatProblem(problem));
    throw new DataDirError(`${problems.length} problem(s) in ${rel(dataDir)}/; nothing was written`);
  }
  // Belt and braces: the output must satisfy the very schema the app validates it with.
  const checked = DatasetSchema.safeParse(result.dataset);
  const inconsistencies = findDatasetInconsistencies(result.dataset);
  if (!checked.success || inconsistencies.length > 0) {
    const issues = checked.success ? [] : checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`the compiled dataset fails its own schema:\n${[...issues, ...inconsistencies].join('\n')}`);
  }

  const datasetJson = `${JSON.stringify(result.dataset)}\n`;
  const schemaJson = `${JSON.stringify(z.toJSONSchema(DatasetSchema, { target: 'draft-2020-12' }), null, 2)}\n`;
  await mkdir(outDir, { recursive: true });
  const outputs: [string, string][] = [
    [path.join(outDir, 'dataset.json'), datasetJson],
    [path.join(outDir, 'dataset.schema.json'), schemaJson],
  ];
  const pack = encodePack(result.dataset, storyResult.stories);
  const packDir = path.join(outDir, packPathOf(BUNDLED_DATASET_ID));
  const temporary = outputs.map(([target]) => `${target}.tmp-${process.pid}`);
  try {
    await Promise.all(outputs.map(([, content], i) => writeFile(temporary[i]!, content)));
    // The pack and its entry in datasets.json (beside any imported datasets, which stay listed).
    await writeDatasetPack(outDir, entryOfPack(pack, BUNDLED_DATASET_ID), pack);
    for (const [i, [target]] of outputs.entries()) await rename(temporary[i]!, target);
  } finally {
    await Promise.all(temporary.map((t) => rm(t, { force: true })));
  }
  const packBytes = pack.reduce((sum, file) => sum + file.bytes.byteLength, 0);

  const { events, sources, places, actors } = result.dataset;
  const stories = storyResult.stories;
  const byType = new Map<string, number>();
  for (const e of events) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
  console.log(
    `dataset: ${events.length} events, ${sources.length} sources, ${places.length} places, ${actors.length} actors, ${stories.length} stories → ${rel(outDir)}/dataset.json (${Buffer.byteLength(datasetJson)} bytes), ${rel(packDir)}/ (${pack.length} files, ${packBytes} bytes)`,
  );
  console.log(
    `  by type: ${[...byType]
      .sort()
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}`,
  );
  for (const warning of result.report.warnings) console.warn(`warning: ${warning}`);
  if (result.report.uncheckedExpressions.length > 0)
    console.log(
      `  dates taken as stated (no rule reads their words): ${result.report.uncheckedExpressions.join('; ')}`,
    );
}

main().catch((error: unknown) => {
  // Never a stack trace for the person running the build: a bad input is a DataDirError or a listed problem; any
  // other error is a bug, said as one (DATASET_DEBUG=1 prints its stack for whoever fixes it).
  if (error instanceof DataDirError) console.error(`npm run data: ${error.message}`);
  else {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`npm run data: internal error (a bug in the build, not in data/): ${message}; nothing was written`);
    if (process.env.DATASET_DEBUG === '1' && error instanceof Error) console.error(error.stack);
  }
  process.exitCode = 1;
});
