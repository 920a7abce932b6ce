/**
 * Where a loaded dataset's pack files come from: a folder the deployment serves (public/data/<path>), or files the
 * user opened in this page (a pack folder, or a CSV/GeoJSON imported in the browser). The loader, the cold
 * chunks and the search index all read through it, so a dataset opened from a file works exactly like a served one
 * and nothing is ever uploaded. Every file is refused unless it has exactly the length the manifest declares.
 */
import type { DatasetIndex } from '../domain/dataset-index.ts';
import type { PackFileEntry } from '../domain/event-pack.ts';

export const DATA_URL = `${import.meta.env.BASE_URL}data/`;
/** The bundled pack, used alone when the deployment has no list of datasets. */
export const BUNDLED_PACK_URL = `${DATA_URL}pack/`;

const REBUILD = 'Rebuild it with "npm run data", then reload.';
const REOPEN = 'Open the file again.';

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

export interface PackSource {
  /** The dataset's id (a registry id, or local-<n> for a file opened in this page): keys its queries. */
  readonly id: string;
  readonly title: string;
  /** Opened from the user's files: exists only in this page, its links cannot be shared. */
  readonly local: boolean;
  /** The manifest, parsed (not yet checked). */
  readManifest(): Promise<unknown>;
  /** One file of the pack, refused unless it has exactly the length the manifest declares. */
  read(entry: PackFileEntry): Promise<Uint8Array>;
  /** A URL a worker can fetch the file from, or null when the bytes exist only in this page. */
  urlOf(entry: PackFileEntry): string | null;
  /** Where the manifest is, for error messages (its URL, or "the opened manifest.json"). */
  readonly manifestWhere: string;
}

function checkedLength(entry: PackFileEntry, bytes: Uint8Array, advice: string): Uint8Array {
  if (bytes.byteLength !== entry.bytes)
    throw new DatasetLoadError(`The dataset file ${entry.path} is damaged or incomplete.`, [
      `It has ${bytes.byteLength} bytes; the manifest declares ${entry.bytes}.`,
      advice,
    ]);
  return bytes;
}

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

/** A pack folder the deployment serves; `packUrl` ends in "/" (relative URLs resolve against the page). */
export function remotePackSource(id: string, title: string, packUrl: string): PackSource {
  const base = new URL(packUrl, window.location.href);
  const urlOf = (entry: PackFileEntry) => new URL(entry.path, base).href;
  return {
    id,
    title,
    local: false,
    manifestWhere: new URL('manifest.json', base).href,
    readManifest: async () => {
      const url = new URL('manifest.json', base).href;
      const response = await fetchOrFail(url);
      try {
        return await response.json();
      } catch {
        throw new DatasetLoadError(`The file at ${url} is not valid JSON.`, [REBUILD]);
      }
    },
    read: async (entry) =>
      checkedLength(entry, new Uint8Array(await (await fetchOrFail(urlOf(entry))).arrayBuffer()), REBUILD),
    urlOf,
  };
}

/**
 * Pack files held in this page: the files of a pack folder the user opened, or the pack the import worker wrote
 * for a CSV or GeoJSON file. Reads return the stored bytes themselves (callers must not transfer them).
 */
export function localPackSource(id: string, title: string, files: ReadonlyMap<string, Uint8Array>): PackSource {
  const fileOf = (path: string) => {
    const bytes = files.get(path);
    if (!bytes)
      throw new DatasetLoadError(`The opened files have no ${path}.`, [
        'A dataset pack is a folder: open manifest.json together with every .arrow file and search-index.json.',
      ]);
    return bytes;
  };
  return {
    id,
    title,
    local: true,
    manifestWhere: 'the opened manifest.json',
    readManifest: async () => {
      try {
        return JSON.parse(new TextDecoder().decode(fileOf('manifest.json'))) as unknown;
      } catch (error) {
        if (error instanceof DatasetLoadError) throw error;
        throw new DatasetLoadError('The opened manifest.json is not valid JSON.', [REOPEN]);
      }
    },
    read: async (entry) => checkedLength(entry, fileOf(entry.path), REOPEN),
    urlOf: () => null,
  };
}

const sources = new WeakMap<DatasetIndex, PackSource>();

/** Records where a loaded index's pack is, for its chunks and its search index. */
export function attachPackSource(index: DatasetIndex, source: PackSource): DatasetIndex {
  sources.set(index, source);
  return index;
}

export function packSourceOf(index: DatasetIndex): PackSource {
  const source = sources.get(index);
  if (!source) throw new Error('this dataset index was not loaded through a pack source');
  return source;
}
