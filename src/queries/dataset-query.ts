/**
 * Loading the dataset: fetched once (it is static: staleTime Infinity), validated with the same schema the build
 * wrote it with, checked for cross-record consistency, then indexed. The index lives in the query cache.
 */
import { queryOptions } from '@tanstack/react-query';
import { DatasetSchema, findDatasetInconsistencies } from '../domain/dataset-schema.ts';
import { indexDataset, type DatasetIndex } from '../domain/dataset-index.ts';

export const DATASET_URL = `${import.meta.env.BASE_URL}data/dataset.json`;

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

export async function fetchDatasetIndex(url: string = DATASET_URL): Promise<DatasetIndex> {
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
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new DatasetLoadError(`The file at ${url} is not valid JSON.`, ['Rebuild it with "npm run data".']);
  }
  const parsed = DatasetSchema.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues
      .slice(0, 8)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new DatasetLoadError(`The dataset at ${url} does not match the expected schema.`, details);
  }
  const problems = findDatasetInconsistencies(parsed.data);
  if (problems.length > 0) throw new DatasetLoadError(`The dataset at ${url} is inconsistent.`, problems.slice(0, 8));
  return indexDataset(parsed.data);
}

export const datasetQueryOptions = queryOptions({
  queryKey: ['dataset', DATASET_URL],
  queryFn: () => fetchDatasetIndex(),
  staleTime: Infinity,
  gcTime: Infinity,
  retry: false,
});
