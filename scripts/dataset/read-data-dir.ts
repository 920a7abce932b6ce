/** Reads the curated files of a data/ folder into the compiler's input. */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DATASET_LIMITS } from '../../src/domain/dataset-schema.ts';
import type { DatasetInput, InputFile } from './compile-dataset.ts';
import type { FileContent } from './strict-input.ts';

/** A problem with the folder itself (a missing file), worded for the person running the build. */
export class DataDirError extends Error {}

/**
 * The most bytes read from one file: an article of DATASET_LIMITS.articleChars characters at four UTF-8 bytes
 * each; a curated YAML file gets the same room (tens of thousands of events). Checked before reading, so a
 * gigabyte file is refused at once instead of filling memory.
 */
export const MAX_DATA_FILE_BYTES = DATASET_LIMITS.articleChars * 4;

/**
 * Reads `dataDir` (sources/sources.yaml, sources/*.txt, places.yaml, actors.yaml, events/*.yaml, and
 * stories/*.yaml when there are any); paths in messages are relative to `displayRoot`.
 */
export async function readDataDir(
  dataDir: string,
  displayRoot: string,
): Promise<DatasetInput & { stories: InputFile[] }> {
  const rel = (p: string) => path.relative(displayRoot, p) || '.';
  const listFiles = async (dir: string, pattern: RegExp, optional = false) => {
    const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (optional && error.code === 'ENOENT') return [];
      throw new DataDirError(`${rel(dir)}: cannot read the folder (${error.code ?? error.message})`);
    });
    return names.filter((name) => pattern.test(name)).sort();
  };
  // Bytes, not text: the compiler decodes them strictly, so a malformed byte is reported, never replaced.
  const readBytes = async (file: string): Promise<FileContent> => {
    const cannotRead = (error: NodeJS.ErrnoException) => {
      throw new DataDirError(`${rel(file)}: cannot read the file (${error.code ?? error.message})`);
    };
    // Only regular files (a symbolic link to one is fine): reading a named pipe or a device such as /dev/zero
    // would wait, or read, forever.
    const info = await stat(file).catch(cannotRead);
    if (!info.isFile()) throw new DataDirError(`${rel(file)}: expected a regular file, found ${kindOf(info)}`);
    if (info.size > MAX_DATA_FILE_BYTES)
      throw new DataDirError(
        `${rel(file)}: expected at most ${MAX_DATA_FILE_BYTES.toLocaleString('en-US')} bytes, the file has ${info.size.toLocaleString('en-US')}`,
      );
    const buffer = await readFile(file).catch(cannotRead);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  };
  const readInput = async (file: string): Promise<InputFile> => ({ path: rel(file), content: await readBytes(file) });

  const sourcesDir = path.join(dataDir, 'sources');
  const sourceTexts = new Map<string, FileContent>();
  for (const name of await listFiles(sourcesDir, /\.txt$/))
    sourceTexts.set(name, await readBytes(path.join(sourcesDir, name)));
  const eventsDir = path.join(dataDir, 'events');
  const eventFiles = await listFiles(eventsDir, /\.ya?ml$/);
  if (eventFiles.length === 0) throw new DataDirError(`${rel(eventsDir)}: no event files (*.yaml)`);
  // Stories are optional: a dataset without a stories/ folder has none.
  const storiesDir = path.join(dataDir, 'stories');
  const storyFiles = await listFiles(storiesDir, /\.ya?ml$/, true);
  return {
    stories: await Promise.all(storyFiles.map((name) => readInput(path.join(storiesDir, name)))),
    meta: await readInput(path.join(dataDir, 'dataset.yaml')),
    sources: await readInput(path.join(sourcesDir, 'sources.yaml')),
    sourceTexts,
    places: await readInput(path.join(dataDir, 'places.yaml')),
    actors: await readInput(path.join(dataDir, 'actors.yaml')),
    events: await Promise.all(eventFiles.map((name) => readInput(path.join(eventsDir, name)))),
  };
}

function kindOf(info: Awaited<ReturnType<typeof stat>>): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'something that is not a file';
}
