/** For tests that change a data/ folder: a scratch copy of the project's own. */
import { cp } from 'node:fs/promises';
import path from 'node:path';

/**
 * Copies `dataDir` to `target`, without data/drafts: those are the developer's own pending drafts (untracked, not
 * part of the build), and a test sets up the drafts it needs.
 */
export async function copyDataDir(dataDir: string, target: string): Promise<void> {
  const drafts = path.join(dataDir, 'drafts');
  await cp(dataDir, target, {
    recursive: true,
    filter: (source) => source !== drafts && !source.startsWith(`${drafts}${path.sep}`),
  });
}
