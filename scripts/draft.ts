/**
 * `npm run draft -- <article.txt> [--title T] [--url U] [--publisher P] [--published YYYY-MM-DD]` writes
 * data/drafts/<source-id>.yaml, a proposal to review; `npm run draft -- accept data/drafts/<file>.yaml` moves the
 * reviewed proposals into the curated files and runs the build. DATASET_DIR overrides the data folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftArticle } from './draft/draft.ts';
import { readCurated } from './draft/read-curated.ts';
import { acceptDraft } from './draft/draft-yaml.ts';
import { draftToYaml } from './draft/draft-yaml.ts';
import { geocode } from './draft/geocode.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.DATASET_DIR ? path.resolve(process.env.DATASET_DIR) : path.join(root, 'data');

const USAGE = `usage: npm run draft -- <article.txt> [--title T] [--url U] [--publisher P] [--published YYYY-MM-DD]
       npm run draft -- accept data/drafts/<file>.yaml`;

function parseOptions(args: string[]): { file: string; options: Record<string, string> } {
  const options: Record<string, string> = {};
  let file: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const m = /^--(title|url|publisher|published)(?:=(.*))?$/.exec(a);
    if (m) {
      const value = m[2] ?? args[++i];
      if (value === undefined) throw new Error(`${a} needs a value\n${USAGE}`);
      options[m[1]!] = value;
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else if (file) throw new Error(`one article at a time\n${USAGE}`);
    else file = a;
  }
  if (!file) throw new Error(USAGE);
  if (options.published && !/^\d{4}-\d{2}-\d{2}$/.test(options.published))
    throw new Error(`--published expects YYYY-MM-DD, not "${options.published}"`);
  return { file, options };
}

async function draft(args: string[]): Promise<void> {
  const { file, options } = parseOptions(args);
  const text = await readFile(file, 'utf8');
  const data = await readCurated(dataDir);
  const result = draftArticle(
    text,
    data,
    {
      fileName: path.basename(file),
      ...(options.title ? { title: options.title } : {}),
      ...(options.url ? { url: options.url } : {}),
      ...(options.publisher ? { publisher: options.publisher } : {}),
      ...(options.published ? { published: options.published } : {}),
    },
    geocode,
  );
  const draftsDir = path.join(dataDir, 'drafts');
  await mkdir(draftsDir, { recursive: true });
  const out = path.join(draftsDir, `${result.source.record.id}.yaml`);
  await writeFile(out, draftToYaml(result, path.resolve(file)));
  console.log(result.summary.join('\n'));
  console.log(
    `\nwrote ${path.relative(process.cwd(), out)}: review it, then npm run draft -- accept ${path.relative(process.cwd(), out)}`,
  );
}

async function accept(args: string[]): Promise<void> {
  const [draftFile] = args;
  if (!draftFile || args.length > 1) throw new Error(USAGE);
  const eventNames = (await readdir(path.join(dataDir, 'events'))).filter((n) => /\.ya?ml$/.test(n));
  const files = {
    sources: await readFile(path.join(dataDir, 'sources', 'sources.yaml'), 'utf8'),
    places: await readFile(path.join(dataDir, 'places.yaml'), 'utf8'),
    actors: await readFile(path.join(dataDir, 'actors.yaml'), 'utf8'),
    events: new Map(
      await Promise.all(
        eventNames.map(async (n) => [n, await readFile(path.join(dataDir, 'events', n), 'utf8')] as [string, string]),
      ),
    ),
  };
  const result = acceptDraft(await readFile(draftFile, 'utf8'), files);
  let articleText: string | null = null;
  if (result.article) {
    const target = path.join(dataDir, 'sources', result.article.file);
    if (existsSync(target)) articleText = null;
    else if (!result.article.from || !existsSync(result.article.from))
      result.problems.push(`source: the article "${result.article.from}" is gone: put it at ${target} or fix "from"`);
    else {
      const lines = (await readFile(result.article.from, 'utf8')).split('\n');
      articleText = lines.filter((_, i) => !result.article!.removeLines.includes(i + 1)).join('\n');
    }
  }
  if (result.problems.length) {
    for (const p of result.problems) console.error(p);
    throw new Error(`${result.problems.length} problem(s) in ${draftFile}: nothing was written`);
  }
  // Every file as it was, byte for byte (null: it did not exist), so that anything short of a green build — a
  // refused build, a failed write, Ctrl-C — puts the curated data back.
  const before = new Map<string, Buffer | null>();
  const write = async (file: string, content: string) => {
    if (!before.has(file)) before.set(file, existsSync(file) ? await readFile(file) : null);
    await writeFile(file, content);
  };
  const restore = async () => {
    for (const [file, content] of before) {
      if (content === null) await rm(file, { force: true });
      else await writeFile(file, content);
    }
  };
  // Ctrl-C reaches this process too: ignored while the build runs, so that the build stops and the restore happens.
  const ignoreInterrupt = () => undefined;
  let built = false;
  try {
    if (result.article && articleText !== null)
      await write(path.join(dataDir, 'sources', result.article.file), articleText);
    await write(path.join(dataDir, 'sources', 'sources.yaml'), result.files.sources);
    await write(path.join(dataDir, 'places.yaml'), result.files.places);
    await write(path.join(dataDir, 'actors.yaml'), result.files.actors);
    for (const [name, content] of result.files.events)
      if (files.events.get(name) !== content) await write(path.join(dataDir, 'events', name), content);
    console.log(result.report.join('\n'));
    console.log('\nrunning the build (npm run data) …');
    process.on('SIGINT', ignoreInterrupt);
    const build = spawnSync('npm', ['run', 'data'], {
      stdio: 'inherit',
      cwd: root,
      env: { ...process.env, DRAFT_BEING_ACCEPTED: path.basename(draftFile) },
    });
    built = build.status === 0;
  } finally {
    process.off('SIGINT', ignoreInterrupt);
    if (!built) await restore();
  }
  if (!built) {
    console.error(
      `the build refused the accepted draft (its messages are above), or it was stopped: the curated files are back as they were and ${draftFile} is kept. Fix the draft where the build points, then accept it again.`,
    );
    process.exitCode = 1;
  } else {
    await rm(draftFile);
    console.log(`accepted: ${draftFile} is applied and removed`);
  }
}

const [command, ...rest] = process.argv.slice(2);
(command === 'accept' ? accept(rest) : draft(process.argv.slice(2))).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
