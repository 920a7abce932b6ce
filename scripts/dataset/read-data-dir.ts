/** Reads the curated files of a data/ folder into the compiler's input. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { DatasetInput, InputFile } from './compile-dataset.ts';
import type { FileContent } from './strict-input.ts';

/** A problem with the folder itself (a missing file), worded for the person running the build. */
export class DataDirError extends Error {}

/**
 * Reads `dataDir` (sources/sources.yaml, sources/*.txt, places.yaml, actors.yaml, events/*.yaml); paths in
 * messages are relative to `displayRoot`.
 */
export async function readDataDir(dataDir: string, displayRoot: string): Promise<DatasetInput> {
  const rel = (p: string) => path.relative(displayRoot, p) || '.';
  const listFiles = async (dir: string, pattern: RegExp) => {
    const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      throw new DataDirError(`${rel(dir)}: cannot read the folder (${error.code ?? error.message})`);
    });
    return names.filter((name) => pattern.test(name)).sort();
  };
  // Bytes, not text: the compiler decodes them strictly, so a malformed byte is reported, never replaced.
  const readBytes = (file: string): Promise<FileContent> =>
    readFile(file).then(
      (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
      (error: NodeJS.ErrnoException) => {
        throw new DataDirError(`${rel(file)}: cannot read the file (${error.code ?? error.message})`);
      },
    );
  const readInput = async (file: string): Promise<InputFile> => ({ path: rel(file), content: await readBytes(file) });

  const sourcesDir = path.join(dataDir, 'sources');
  const sourceTexts = new Map<string, FileContent>();
  for (const name of await listFiles(sourcesDir, /\.txt$/))
    sourceTexts.set(name, await readBytes(path.join(sourcesDir, name)));
  const eventsDir = path.join(dataDir, 'events');
  const eventFiles = await listFiles(eventsDir, /\.ya?ml$/);
  if (eventFiles.length === 0) throw new DataDirError(`${rel(eventsDir)}: no event files (*.yaml)`);
  return {
    meta: await readInput(path.join(dataDir, 'dataset.yaml')),
    sources: await readInput(path.join(sourcesDir, 'sources.yaml')),
    sourceTexts,
    places: await readInput(path.join(dataDir, 'places.yaml')),
    actors: await readInput(path.join(dataDir, 'actors.yaml')),
    events: await Promise.all(eventFiles.map((name) => readInput(path.join(eventsDir, name)))),
  };
}
