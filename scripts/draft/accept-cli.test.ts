/**
 * `npm run draft` then `npm run draft -- accept` on a copy of the curated data, as a user runs them: a draft the
 * build refuses leaves the curated files exactly as they were and keeps the draft; a good one lands and is removed.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

const ARTICLE = `Erdogan and Putin meet in Kazan
Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Kazan on Monday, March 2, 2020.
`;

/** Every file under `dir`, relative path → content. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, file), await readFile(file, 'utf8'));
  }
  return out;
}

describe('npm run draft -- accept', () => {
  it('puts the curated files back when the build refuses the draft, and lands it once fixed', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'draft-accept-'));
    try {
      const data = path.join(work, 'data');
      const drafts = path.join(root, 'data', 'drafts');
      await cp(path.join(root, 'data'), data, {
        recursive: true,
        filter: (source) => source !== drafts && !source.startsWith(`${drafts}${path.sep}`),
      });
      const env = { ...process.env, DATASET_DIR: data, DATASET_OUT: path.join(work, 'out') };
      const article = path.join(work, 'kazan.txt');
      await writeFile(article, ARTICLE);
      await run(tsx, [path.join(root, 'scripts', 'draft.ts'), article, '--published', '2020-03-02'], { env });
      const [draftName] = await readdir(path.join(data, 'drafts'));
      const draftFile = path.join(data, 'drafts', draftName!);
      const good = await readFile(draftFile, 'utf8');
      expect(good).toContain('quote: Turkish President Recep Tayyip Erdogan met');

      // A reviewer's slip: a quote the article does not contain.
      await writeFile(draftFile, good.replace('quote: Turkish President', 'quote: Turkish Prime Minister'));
      const before = await snapshot(data);
      const refused = await run(tsx, [path.join(root, 'scripts', 'draft.ts'), 'accept', draftFile], { env }).then(
        () => null,
        (error: { stderr: string; code: number }) => error,
      );
      expect(refused?.code).toBe(1);
      expect(refused?.stderr).toMatch(/curated files are back as they were/);
      expect(await snapshot(data)).toEqual(before);

      await writeFile(draftFile, good);
      const { stdout } = await run(tsx, [path.join(root, 'scripts', 'draft.ts'), 'accept', draftFile], { env });
      expect(stdout).toMatch(/is applied and removed/);
      expect(stdout).not.toMatch(/pending review/);
      expect(existsSync(draftFile)).toBe(false);
      expect(await readFile(path.join(data, 'sources', 'sources.yaml'), 'utf8')).toContain(
        draftName!.replace(/\.yaml$/, ''),
      );
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 60_000);
});
