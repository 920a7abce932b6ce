/**
 * The datasets one deployment serves: public/data/datasets.json lists each pack folder (the bundled dataset and
 * every `npm run import`), so the app can offer a switcher and resolve `?dataset=<id>` in a link. Written by
 * `npm run data` and `npm run import` (scripts/dataset/write-pack.ts), read by the app; this module is the
 * contract both share and the checks the app runs on it. Pure: no I/O.
 */
import type { PackManifest } from './event-pack.ts';

export const REGISTRY_FORMAT = 'news-event-datasets';
export const REGISTRY_VERSION = 1;
export const REGISTRY_FILE = 'datasets.json';

/** The bundled dataset's id: the default, so its links carry no `dataset` parameter. */
export const BUNDLED_DATASET_ID = 'bundled';

/** Dataset ids are slugs: safe in a URL, a folder name and a query key. */
export const DATASET_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_DATASET_ID_LENGTH = 64;

export function isDatasetId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_DATASET_ID_LENGTH && DATASET_ID_PATTERN.test(value);
}

export interface DatasetEntry {
  id: string;
  title: string;
  description: string;
  /** The pack folder, relative to the registry's folder, ending in "/" ("pack/", "datasets/acled-syria/"). */
  path: string;
  events: number;
  extent: { earliest: string; latest: string } | null;
  origin: 'bundled' | 'imported';
  /** For an imported dataset: the format and file it was imported from, and when (ISO instant). */
  importedFrom: { format: string; file: string; at: string } | null;
}

export interface DatasetRegistry {
  format: typeof REGISTRY_FORMAT;
  version: typeof REGISTRY_VERSION;
  defaultId: string;
  datasets: DatasetEntry[];
}

export const packPathOf = (id: string) => (id === BUNDLED_DATASET_ID ? 'pack/' : `datasets/${id}/`);

/** A pack's entry in the registry: its title, size and extent are the manifest's, never computed again. */
export function entryFromManifest(
  manifest: Pick<PackManifest, 'title' | 'description' | 'counts' | 'extent'>,
  id: string,
  importedFrom: DatasetEntry['importedFrom'] = null,
): DatasetEntry {
  return {
    id,
    title: manifest.title,
    description: manifest.description,
    path: packPathOf(id),
    events: manifest.counts.events,
    extent: manifest.extent,
    origin: id === BUNDLED_DATASET_ID ? 'bundled' : 'imported',
    importedFrom,
  };
}

/** The registry with `entry` added or replaced (by id), the bundled dataset first, the rest by title. */
export function upsertDataset(registry: DatasetRegistry | null, entry: DatasetEntry): DatasetRegistry {
  const others = (registry?.datasets ?? []).filter((d) => d.id !== entry.id);
  const datasets = [...others, entry].sort(
    (a, b) =>
      Number(b.id === BUNDLED_DATASET_ID) - Number(a.id === BUNDLED_DATASET_ID) || a.title.localeCompare(b.title),
  );
  // The bundled dataset is the default once it is there: an import run before the first `npm run data` made its
  // own dataset the default only for want of another.
  const bundledArrives =
    entry.id === BUNDLED_DATASET_ID && !(registry?.datasets ?? []).some((d) => d.id === BUNDLED_DATASET_ID);
  const defaultId =
    registry && !bundledArrives && datasets.some((d) => d.id === registry.defaultId)
      ? registry.defaultId
      : (datasets.find((d) => d.id === BUNDLED_DATASET_ID) ?? datasets[0]!).id;
  return { format: REGISTRY_FORMAT, version: REGISTRY_VERSION, defaultId, datasets };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isDay = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
/** A folder inside the data folder: never a path out of it, never another origin. */
const isPackFolder = (value: unknown) =>
  typeof value === 'string' && /^([A-Za-z0-9][A-Za-z0-9._-]*\/)+$/.test(value) && !value.includes('..');

/** Checks a registry read from disk or the network; returns the problems in words (empty when sound). */
export function findRegistryProblems(value: unknown): string[] {
  if (!isObject(value)) return ['the dataset list is not a JSON object'];
  const problems: string[] = [];
  if (value.format !== REGISTRY_FORMAT) problems.push(`format: expected "${REGISTRY_FORMAT}"`);
  if (value.version !== REGISTRY_VERSION)
    problems.push(`version: this app reads version ${REGISTRY_VERSION}, the list is ${JSON.stringify(value.version)}`);
  if (!Array.isArray(value.datasets) || value.datasets.length === 0)
    return [...problems, 'datasets: expected a non-empty list'];
  const seen = new Set<string>();
  value.datasets.forEach((d: unknown, i) => {
    const where = `datasets[${i}]`;
    if (!isObject(d)) return void problems.push(`${where}: expected an object`);
    if (!isDatasetId(d.id)) problems.push(`${where}.id: expected a slug such as "acled-syria"`);
    else if (seen.has(d.id)) problems.push(`${where}.id: "${d.id}" is listed twice`);
    else seen.add(d.id);
    if (typeof d.title !== 'string' || d.title === '') problems.push(`${where}.title: expected text`);
    if (typeof d.description !== 'string') problems.push(`${where}.description: expected text`);
    if (!isPackFolder(d.path)) problems.push(`${where}.path: expected a folder inside the data folder`);
    if (!Number.isInteger(d.events) || (d.events as number) < 0) problems.push(`${where}.events: expected a count`);
    const extent = d.extent;
    if (extent !== null && !(isObject(extent) && isDay(extent.earliest) && isDay(extent.latest)))
      problems.push(`${where}.extent: expected { earliest, latest } ISO days, or null`);
    if (d.origin !== 'bundled' && d.origin !== 'imported')
      problems.push(`${where}.origin: expected "bundled" or "imported"`);
  });
  if (typeof value.defaultId !== 'string' || !seen.has(value.defaultId))
    problems.push('defaultId: expected the id of a listed dataset');
  return problems;
}
