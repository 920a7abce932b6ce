/**
 * Writes a dataset pack into the data folder and lists it in the registry (public/data/datasets.json), for
 * `npm run import` (entry `datasets/<id>/`) and `npm run data` (entry "bundled", `pack/`).
 *
 * Atomic per step: the pack is written into a temporary folder beside its target, the previous pack (if any) is
 * renamed away, the new one renamed into place and the old one removed; then the registry is written to a
 * temporary file and renamed over datasets.json. A reader never sees half a pack or half a registry.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  BUNDLED_DATASET_ID,
  REGISTRY_FILE,
  entryFromManifest,
  findRegistryProblems,
  isDatasetId,
  packPathOf,
  upsertDataset,
  type DatasetEntry,
  type DatasetRegistry,
} from '../../src/domain/dataset-registry.ts';
import type { PackManifest } from '../../src/domain/event-pack.ts';
import type { PackFile } from '../../src/domain/pack-encoder.ts';

/** The registry in `dataRoot`, or null when there is none; throws when the file is there but unreadable. */
export async function readRegistry(dataRoot: string): Promise<DatasetRegistry | null> {
  const file = path.join(dataRoot, REGISTRY_FILE);
  if (!existsSync(file)) return null;
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `${file} is not JSON (${error instanceof Error ? error.message : String(error)}); fix or remove it`,
    );
  }
  const problems = findRegistryProblems(value);
  if (problems.length > 0) throw new Error(`${file} is not a dataset list: ${problems.join('; ')}; fix or remove it`);
  return value as DatasetRegistry;
}

/** The bundled pack's entry, read from its manifest, when a registry is created before `npm run data` wrote one. */
async function bundledEntryFromPack(dataRoot: string): Promise<DatasetEntry | null> {
  const manifestFile = path.join(dataRoot, packPathOf(BUNDLED_DATASET_ID), 'manifest.json');
  if (!existsSync(manifestFile)) return null;
  try {
    return entryFromManifest(JSON.parse(await readFile(manifestFile, 'utf8')) as PackManifest, BUNDLED_DATASET_ID);
  } catch {
    return null;
  }
}

/** The registry entry of freshly encoded pack files: what their manifest says. */
export function entryOfPack(
  files: readonly PackFile[],
  id: string,
  importedFrom: DatasetEntry['importedFrom'] = null,
): DatasetEntry {
  const manifest = files.find((f) => f.path === 'manifest.json');
  if (!manifest) throw new Error('internal error: the pack has no manifest.json');
  return entryFromManifest(JSON.parse(new TextDecoder().decode(manifest.bytes)) as PackManifest, id, importedFrom);
}

async function writeAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * Writes `files` as the pack `entry.path` under `dataRoot` (replacing any previous one) and upserts `entry` in
 * `dataRoot/datasets.json`, creating it if needed (with the bundled pack listed first when it exists, so that it
 * stays the default).
 */
export async function writeDatasetPack(
  dataRoot: string,
  entry: DatasetEntry,
  files: readonly PackFile[],
): Promise<{ folder: string; registry: DatasetRegistry }> {
  if (!isDatasetId(entry.id)) throw new Error(`"${entry.id}" is not a dataset id (a slug such as "acled-syria")`);
  if (!/^([A-Za-z0-9][A-Za-z0-9._-]*\/)+$/.test(entry.path) || entry.path.includes('..'))
    throw new Error(`"${entry.path}" is not a pack folder inside the data folder`);
  const existing = await readRegistry(dataRoot); // fail before touching anything if the registry is damaged
  const folder = path.join(dataRoot, entry.path);
  const target = folder.replace(/[/\\]+$/, '');
  const temporary = `${target}.tmp-${process.pid}`;
  const previous = `${target}.old-${process.pid}`;
  await mkdir(path.dirname(target), { recursive: true });
  try {
    await rm(temporary, { force: true, recursive: true });
    await mkdir(temporary, { recursive: true });
    for (const file of files) {
      const destination = path.join(temporary, file.path);
      if (path.relative(temporary, destination).startsWith('..'))
        throw new Error(`pack file "${file.path}" is outside its folder`);
      await mkdir(path.dirname(destination), { recursive: true });
      await writeFile(destination, file.bytes);
    }
    if (existsSync(target)) await rename(target, previous);
    await rename(temporary, target);
  } finally {
    await Promise.all([temporary, previous].map((t) => rm(t, { force: true, recursive: true })));
  }

  let base = existing;
  if (!base && entry.id !== BUNDLED_DATASET_ID) {
    const bundled = await bundledEntryFromPack(dataRoot);
    if (bundled) base = upsertDataset(null, bundled);
  }
  const registry = upsertDataset(base, entry);
  await writeAtomically(path.join(dataRoot, REGISTRY_FILE), `${JSON.stringify(registry, null, 1)}\n`);
  return { folder: target, registry };
}
