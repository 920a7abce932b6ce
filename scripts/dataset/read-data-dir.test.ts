import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyDataDir } from './copy-data-dir.ts';
import { MAX_DATA_FILE_BYTES, readDataDir } from './read-data-dir.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let work: string;

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'data-dir-'));
  await copyDataDir(path.join(root, 'data'), path.join(work, 'data'));
});
afterEach(() => rm(work, { recursive: true, force: true }));

const read = () => readDataDir(path.join(work, 'data'), work);

describe('readDataDir', () => {
  it('reads the bundled folder', async () => {
    const input = await read();
    expect(input.sourceTexts.size).toBeGreaterThan(0);
    expect(input.events.length).toBeGreaterThan(0);
  });

  // A named pipe or a device would make the build wait (or read) forever: it is refused at once instead.
  it.skipIf(process.platform === 'win32')('refuses a named pipe among the articles, without reading it', async () => {
    execFileSync('mkfifo', [path.join(work, 'data', 'sources', 'pipe.txt')]);
    await expect(read()).rejects.toThrow('data/sources/pipe.txt: expected a regular file, found a named pipe');
  });

  it.skipIf(process.platform === 'win32')('refuses a link to a device', async () => {
    await symlink('/dev/zero', path.join(work, 'data', 'events', 'zero.yaml'));
    await expect(read()).rejects.toThrow('data/events/zero.yaml: expected a regular file, found a device');
  });

  it('refuses a file too large to be an article before reading it', async () => {
    // A sparse file: the size is there, the bytes are not written.
    await truncate(path.join(work, 'data', 'places.yaml'), MAX_DATA_FILE_BYTES + 1);
    await expect(read()).rejects.toThrow(
      `data/places.yaml: expected at most ${MAX_DATA_FILE_BYTES.toLocaleString('en-US')} bytes, the file has ${(MAX_DATA_FILE_BYTES + 1).toLocaleString('en-US')}`,
    );
  });
});
