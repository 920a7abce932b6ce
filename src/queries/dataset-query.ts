/**
 * Loading a dataset pack (src/domain/event-pack.ts) through its source (pack-source.ts: a served folder or files
 * opened in this page): the manifest, then the four hot tables in parallel, each checked against the byte length
 * the manifest declares before it is decoded, then the cheap structural checks of decodePack. The build validated
 * every record with the full schema; the app does not repeat that work at load (at 100,000 events it cost
 * seconds), but a malformed, truncated or mismatched pack still gets the error screen. The index is the query's
 * data, keyed by the dataset's id (staleTime Infinity: a dataset is static); the cold parts (details, texts) are
 * read by pack-chunks.ts when a view needs them.
 */
import { queryOptions } from '@tanstack/react-query';
import { tableFromIPC, type Table } from '@uwdata/flechette';
import { PackError } from '../domain/arrow-columns.ts';
import { SCHEMA_VERSION } from '../domain/dataset-version.ts';
import { indexDataset, type DatasetIndex } from '../domain/dataset-index.ts';
import { findManifestProblems, type PackFileEntry, type PackManifest } from '../domain/event-pack.ts';
import type { Story } from '../domain/story.ts';
import { decodePack } from '../domain/event-table.ts';
import { attachPackSource, DatasetLoadError, remotePackSource, type PackSource } from './pack-source.ts';
import type { DatasetChoice } from './dataset-registry-query.ts';

export { DatasetLoadError } from './pack-source.ts';

const REBUILD = 'Rebuild it with "npm run data", then reload.';

export function decodeArrow(path: string, bytes: Uint8Array): Table {
  try {
    return tableFromIPC(bytes);
  } catch (error) {
    throw new DatasetLoadError(`The dataset file ${path} is not a readable Arrow file.`, [String(error), REBUILD]);
  }
}

/** Reads, checks and indexes the pack `source` holds; the index remembers its source (packSourceOf). */
export async function loadDatasetIndex(source: PackSource): Promise<DatasetIndex> {
  const manifest = await source.readManifest();
  const problems = findManifestProblems(manifest, SCHEMA_VERSION);
  if (problems.length > 0)
    throw new DatasetLoadError(
      `The dataset at ${source.manifestWhere} does not match the expected format.`,
      problems.slice(0, 8),
    );
  const { files } = manifest as PackManifest;
  const hot = [files.events, files.actors, files.places, files.sources] as const;
  const [[events, actors, places, sources], stories] = await Promise.all([
    Promise.all(hot.map(async (entry) => decodeArrow(entry.path, await source.read(entry)))),
    files.stories ? readStories(files.stories, source) : [],
  ]);
  try {
    const index = indexDataset(
      decodePack(manifest as PackManifest, { events: events!, actors: actors!, places: places!, sources: sources! }),
      stories,
    );
    const unknown = index.stories.flatMap((story) =>
      story.steps.flatMap((step) => step.events.filter((id) => index.rowOf(id) === undefined)),
    );
    if (unknown.length > 0)
      throw new DatasetLoadError("The dataset's stories name events it does not have.", [
        `unknown event ids: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}`,
        REBUILD,
      ]);
    return attachPackSource(index, source);
  } catch (error) {
    if (error instanceof PackError)
      throw new DatasetLoadError('The dataset is inconsistent and cannot be shown.', [error.message, REBUILD]);
    throw error;
  }
}

/** The pack's stories.json, checked with the schema the build wrote it with (a few kB: the full check is cheap). */
async function readStories(entry: PackFileEntry, source: PackSource): Promise<Story[]> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(await source.read(entry)));
  } catch (error) {
    if (error instanceof DatasetLoadError) throw error;
    throw new DatasetLoadError(`The dataset file ${entry.path} is not JSON.`, [String(error), REBUILD]);
  }
  // The schema library is loaded only for a dataset that has stories, beside its hot tables.
  const { StoryCollectionSchema } = await import('../domain/story.ts');
  const checked = StoryCollectionSchema.safeParse(value);
  if (!checked.success)
    throw new DatasetLoadError(
      `The dataset file ${entry.path} does not hold stories in the expected format.`,
      checked.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  return checked.data.stories;
}

export const datasetQueryKey = (id: string) => ['dataset', id] as const;

/**
 * The query of one dataset, by id. A served dataset is fetched from its folder; a local one exists only in the
 * cache (put there when its file was opened: see open-file.tsx), so its query function only says it is gone.
 */
export const datasetQueryOptions = (choice: DatasetChoice) =>
  queryOptions({
    queryKey: datasetQueryKey(choice.id),
    queryFn: () => {
      if (choice.packUrl === null)
        throw new DatasetLoadError(`The file opened as "${choice.title}" is no longer open.`, [
          'Open it again with "Open a file…".',
        ]);
      return loadDatasetIndex(remotePackSource(choice.id, choice.title, choice.packUrl));
    },
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
