/**
 * `npm run bench:browser`: the built app in headless Chromium on the bundled dataset and on synthetic datasets of
 * 10,000 and 100,000 events. Prints, per size: time to first usable screen (list rows and timeline drawn), to
 * select an event from the list, to apply a type filter, and to apply a text search. Figures include Playwright's
 * own round trips (tens of ms); they are for reading, not for gating.
 *
 * Needs `npm run build` first (it serves a copy of dist/ with each dataset swapped in). BENCH_SIZES=1000,10000
 * overrides the sizes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { DatasetSchema, type Dataset } from '../../src/domain/dataset-schema.ts';
import { syntheticDataset } from './synthetic-dataset.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PORT = 4399;
const sizes = (process.env.BENCH_SIZES ?? '0,10000,100000').split(',').map(Number);

async function serve(dir: string): Promise<ChildProcess> {
  const server = spawn(
    path.join(root, 'node_modules/.bin/vite'),
    ['preview', '--outDir', dir, '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
    { cwd: root, stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`http://127.0.0.1:${PORT}/`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error('vite preview did not start');
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await action();
  return performance.now() - t0;
}

async function measure(page: Page, total: number) {
  const list = page.getByRole('listbox', { name: /^Events,/ });
  const load = await timed(async () => {
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await list.getByRole('option').first().waitFor({ timeout: 300_000 });
    await page.locator('.vis-timeline .vis-item').first().waitFor({ timeout: 300_000 });
  });
  const select = await timed(async () => {
    await list.getByRole('option').nth(3).click();
    await page.getByRole('region', { name: 'Event details' }).locator('h2#event-details-title').waitFor();
  });
  const header = page.getByText(/ of [\d,]+ events$/);
  const typeFilter = await timed(async () => {
    await page.getByRole('button', { name: 'Types' }).click();
    await page.getByRole('checkbox', { name: /Attack/ }).check();
    await header.waitFor({ timeout: 300_000 });
  });
  await page.keyboard.press('Escape');
  const search = await timed(async () => {
    await page.getByRole('searchbox', { name: 'Search events' }).fill('idlib');
    await page.waitForURL(/q=idlib/, { timeout: 300_000 });
    // Until the search index is built the header says "searching"; the time to results includes that wait.
    await header.waitFor({ timeout: 300_000 });
  });
  const shown = (await header.textContent()) ?? '';
  return { total, load, select, typeFilter, search, shown };
}

async function main(): Promise<void> {
  const dist = path.join(root, 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error('no dist/: run "npm run build" first');
  const base: Dataset = DatasetSchema.parse(JSON.parse(await readFile(path.join(dist, 'data/dataset.json'), 'utf8')));
  const work = await mkdtemp(path.join(tmpdir(), 'bench-browser-'));
  const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium'].find(existsSync);
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  let server: ChildProcess | null = null;
  try {
    await cp(dist, work, { recursive: true });
    server = await serve(work);
    console.log('events    load(ms)  select(ms)  type filter(ms)  search(ms)  shown after search');
    for (const size of sizes) {
      const dataset = size === 0 ? base : syntheticDataset(base, size);
      await writeFile(path.join(work, 'data/dataset.json'), JSON.stringify(dataset));
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
      const r = await measure(page, dataset.events.length);
      await page.close();
      console.log(
        `${String(r.total).padStart(6)}  ${r.load.toFixed(0).padStart(10)}  ${r.select.toFixed(0).padStart(10)}  ${r.typeFilter.toFixed(0).padStart(15)}  ${r.search.toFixed(0).padStart(10)}  ${r.shown}`,
      );
    }
  } finally {
    server?.kill();
    await browser.close();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
