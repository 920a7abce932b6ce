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
import { findManifestProblems, type PackManifest } from '../domain/event-pack.ts';
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
  const [events, actors, places, sources] = await Promise.all(
    hot.map(async (entry) => decodeArrow(entry.path, await source.read(entry))),
  );
  try {
    const index = indexDataset(
      decodePack(manifest as PackManifest, { events: events!, actors: actors!, places: places!, sources: sources! }),
    );
    return attachPackSource(index, source);
  } catch (error) {
    if (error instanceof PackError)
      throw new DatasetLoadError('The dataset is inconsistent and cannot be shown.', [error.message, REBUILD]);
    throw error;
  }
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
