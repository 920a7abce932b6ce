/**
 * Loading the dataset pack (src/domain/event-pack.ts): the manifest, then the four hot tables in parallel, each
 * checked against the byte length the manifest declares before it is decoded, then the cheap structural checks of
 * decodePack. The build validated every record with the full schema; the app does not repeat that work at load
 * (at 100,000 events it cost seconds), but a malformed, truncated or mismatched pack still gets the error screen.
 * The index is the query's data (staleTime Infinity: the dataset is static); the cold parts (details, texts) are
 * fetched by pack-chunks.ts when a view needs them.
 */
import { queryOptions } from '@tanstack/react-query';
import { tableFromIPC, type Table } from '@uwdata/flechette';
import { PackError } from '../domain/arrow-columns.ts';
import { SCHEMA_VERSION } from '../domain/dataset-version.ts';
import { indexDataset, type DatasetIndex } from '../domain/dataset-index.ts';
import { findManifestProblems, type PackFileEntry, type PackManifest } from '../domain/event-pack.ts';
import { decodePack } from '../domain/event-table.ts';

export const PACK_URL = `${import.meta.env.BASE_URL}data/pack/`;

/** A dataset that cannot be shown, with words for the person looking at the screen. */
export class DatasetLoadError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'DatasetLoadError';
  }
}

const REBUILD = 'Rebuild it with "npm run data", then reload.';

async function fetchOrFail(url: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new DatasetLoadError(`The dataset could not be fetched from ${url}.`, [String(error)]);
  }
  if (!response.ok)
    throw new DatasetLoadError(`The dataset could not be loaded from ${url} (HTTP ${response.status}).`, [
      'Run "npm run data" to build it, then reload.',
    ]);
  return response;
}

/** One file of the pack, refused unless it has exactly the length the manifest declares. */
export async function fetchPackBytes(packUrl: string, entry: PackFileEntry): Promise<Uint8Array> {
  const url = new URL(entry.path, new URL(packUrl, window.location.href)).href;
  const bytes = new Uint8Array(await (await fetchOrFail(url)).arrayBuffer());
  if (bytes.byteLength !== entry.bytes)
    throw new DatasetLoadError(`The dataset file ${entry.path} is damaged or incomplete.`, [
      `It has ${bytes.byteLength} bytes; the manifest declares ${entry.bytes}.`,
      REBUILD,
    ]);
  return bytes;
}

export function decodeArrow(path: string, bytes: Uint8Array): Table {
  try {
    return tableFromIPC(bytes);
  } catch (error) {
    throw new DatasetLoadError(`The dataset file ${path} is not a readable Arrow file.`, [String(error), REBUILD]);
  }
}

export async function fetchDatasetIndex(packUrl: string = PACK_URL): Promise<DatasetIndex> {
  const manifestUrl = new URL('manifest.json', new URL(packUrl, window.location.href)).href;
  let manifest: unknown;
  try {
    manifest = await (await fetchOrFail(manifestUrl)).json();
  } catch (error) {
    if (error instanceof DatasetLoadError) throw error;
    throw new DatasetLoadError(`The file at ${manifestUrl} is not valid JSON.`, [REBUILD]);
  }
  const problems = findManifestProblems(manifest, SCHEMA_VERSION);
  if (problems.length > 0)
    throw new DatasetLoadError(
      `The dataset at ${manifestUrl} does not match the expected format.`,
      problems.slice(0, 8),
    );
  const { files } = manifest as PackManifest;
  const hot = [files.events, files.actors, files.places, files.sources] as const;
  const [events, actors, places, sources] = await Promise.all(
    hot.map(async (entry) => decodeArrow(entry.path, await fetchPackBytes(packUrl, entry))),
  );
  try {
    return indexDataset(
      decodePack(manifest as PackManifest, { events: events!, actors: actors!, places: places!, sources: sources! }),
    );
  } catch (error) {
    if (error instanceof PackError)
      throw new DatasetLoadError('The dataset is inconsistent and cannot be shown.', [error.message, REBUILD]);
    throw error;
  }
}

export const datasetQueryOptions = queryOptions({
  queryKey: ['dataset', PACK_URL],
  queryFn: () => fetchDatasetIndex(),
  staleTime: Infinity,
  gcTime: Infinity,
  retry: false,
});
