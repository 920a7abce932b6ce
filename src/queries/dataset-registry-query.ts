/**
 * The datasets this deployment serves (public/data/datasets.json, the contract in domain/dataset-registry.ts).
 * Without that file (HTTP 404, or an HTML page in its place: a deployment of the bundled dataset alone) the bundled pack is the one dataset; a
 * list that cannot be read is reported in a notice and the bundled pack is shown, so a broken list never hides
 * the data that is there.
 */
import { queryOptions } from '@tanstack/react-query';
import {
  BUNDLED_DATASET_ID,
  findRegistryProblems,
  REGISTRY_FILE,
  type DatasetRegistry,
} from '../domain/dataset-registry.ts';
import { BUNDLED_PACK_URL, DATA_URL, DatasetLoadError } from './pack-source.ts';

/** One dataset the switcher offers. */
export interface DatasetChoice {
  id: string;
  title: string;
  description: string;
  /** Null when not known before the dataset is loaded (no list of datasets). */
  events: number | null;
  extent: { earliest: string; latest: string } | null;
  /** Opened from the user's files in this page. */
  local: boolean;
  /** The served pack folder; null for a local dataset. */
  packUrl: string | null;
  /** What to tell the user each time it is opened (an opened file's skipped rows and warnings). */
  notices?: string[];
}

export interface DatasetCatalog {
  defaultId: string;
  served: DatasetChoice[];
  /** Why the list of datasets was not used, for a notice (empty when it was, or when there is none). */
  problems: string[];
}

const bundledOnly = (problems: string[]): DatasetCatalog => ({
  defaultId: BUNDLED_DATASET_ID,
  served: [
    {
      id: BUNDLED_DATASET_ID,
      title: 'Bundled dataset',
      description: '',
      events: null,
      extent: null,
      local: false,
      packUrl: BUNDLED_PACK_URL,
    },
  ],
  problems,
});

export async function fetchDatasetCatalog(): Promise<DatasetCatalog> {
  const url = new URL(REGISTRY_FILE, new URL(DATA_URL, window.location.href)).href;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new DatasetLoadError(`The list of datasets could not be fetched from ${url}.`, [String(error)]);
  }
  // No list: a 404, or the page itself where a host answers every unknown path with it (vite preview does).
  if (response.status === 404 || (response.headers.get('content-type') ?? '').includes('text/html'))
    return bundledOnly([]);
  const unusable = (why: string) =>
    bundledOnly([
      `The list of datasets (${REGISTRY_FILE}) could not be used: ${why}. Only the bundled dataset is shown.`,
    ]);
  if (!response.ok) return unusable(`HTTP ${response.status}`);
  let registry: unknown;
  try {
    registry = await response.json();
  } catch {
    return unusable('it is not valid JSON');
  }
  const problems = findRegistryProblems(registry);
  if (problems.length > 0) return unusable(problems.slice(0, 3).join('; '));
  const { defaultId, datasets } = registry as DatasetRegistry;
  const folder = new URL(DATA_URL, window.location.href);
  return {
    defaultId,
    served: datasets.map((d) => ({
      id: d.id,
      title: d.title,
      description: d.description,
      events: d.events,
      extent: d.extent,
      local: false,
      packUrl: new URL(d.path, folder).href,
    })),
    problems: [],
  };
}

export const datasetCatalogQueryOptions = queryOptions({
  queryKey: ['dataset-registry'],
  queryFn: fetchDatasetCatalog,
  staleTime: Infinity,
  gcTime: Infinity,
  retry: false,
});
