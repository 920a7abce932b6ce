/**
 * `npm run bench`: the built app in headless Chromium at several dataset sizes, measured in the page with the
 * Performance entries the app itself emits (src/state/interaction-timing.ts), side by side with a naive page that
 * puts every event on the same two libraries (scripts/bench/naive/).
 *
 * One command from a fresh clone: builds the dataset and the app when they are missing or older than their
 * sources, then for each size writes the pack (and, where the naive page runs, dataset.json) into a temporary
 * copy of dist/, serves it with `vite preview`, and drives a fresh page per run as a user would (clicks, typing),
 * waiting on the count of entries, never on fixed sleeps. A missing entry is recorded as null and printed "—";
 * the exit code is non-zero only for real errors (a page error, a failed build, a page that never shows its list).
 *
 * Environment:
 *   BENCH_SIZES          comma-separated event counts, or "bundled" for the bundled dataset as it is (default
 *                        bundled,10000,100000,1000000; every count is a synthetic dataset of that size)
 *   BENCH_RUNS           runs per size (default 3; always 1 from 1,000,000 events)
 *   BENCH_NAIVE_MAX      largest size the naive page is tried at (default 10000)
 *   BENCH_NAIVE_TIMEOUT  seconds the naive page gets to become ready, and then for each step (default 120)
 *   CHROMIUM_PATH        the browser (default /usr/bin/chromium when present, else Playwright's own)
 *
 * `npm run bench -- --dataset <id>` measures an imported dataset (one listed in public/data/datasets.json by
 * `npm run import`) instead of the sizes: its pack is served as the default dataset; the naive page, which needs
 * a dataset.json, is not run; the date range and the search word come from the dataset itself.
 *
 * Writes bench/results/latest.json: the machine, every run's raw figures and the medians. Figures are for
 * reading, not gating: shared machines are noisy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, open, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { gzipSync } from 'node:zlib';
import { chromium, errors, type Browser, type Page } from '@playwright/test';
import ts from 'typescript';
import { DatasetSchema, type Dataset } from '../../src/domain/dataset-schema.ts';
import { encodePack } from '../dataset/encode-pack.ts';
import { syntheticDataset } from './synthetic-dataset.ts';
import {
  findRegistryProblems,
  isDatasetId,
  REGISTRY_FILE,
  type DatasetRegistry,
} from '../../src/domain/dataset-registry.ts';
import type { PackManifest } from '../../src/domain/event-pack.ts';
import { tableFromIPC } from '@uwdata/flechette';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const naiveSource = path.join(root, 'scripts/bench/naive');
const resultsFile = path.join(root, 'bench/results/latest.json');

/* ------------------------------------------------------------------ configuration */

function positiveIntegers(value: string | undefined, fallback: string, name: string): number[] {
  const numbers = (value?.trim() || fallback).split(',').map((part) => Number(part.trim()));
  const bad = numbers.find((n) => !Number.isInteger(n) || n <= 0);
  if (bad !== undefined) throw new Error(`${name}: expected positive whole numbers separated by commas`);
  return numbers;
}

/** Stands for the bundled dataset as it is, whatever its size, among BENCH_SIZES ("bundled"). */
const BUNDLED_SIZE = 0;
const SIZES = (process.env.BENCH_SIZES?.trim() || 'bundled,10000,100000,1000000')
  .split(',')
  .map((part) => (part.trim() === 'bundled' ? String(BUNDLED_SIZE) : part))
  .flatMap((part) => (part === String(BUNDLED_SIZE) ? [BUNDLED_SIZE] : positiveIntegers(part, '', 'BENCH_SIZES')));
/** `--dataset <id>`: an imported dataset to measure instead of the sizes. */
const DATASET_ID = (() => {
  const at = process.argv.indexOf('--dataset');
  if (at < 0) return null;
  const id = process.argv[at + 1];
  if (!id || !isDatasetId(id)) throw new Error('--dataset: expected the id of an imported dataset, e.g. acled-syria');
  return id;
})();
const RUNS = positiveIntegers(process.env.BENCH_RUNS, '3', 'BENCH_RUNS')[0]!;
const NAIVE_MAX = positiveIntegers(process.env.BENCH_NAIVE_MAX, '10000', 'BENCH_NAIVE_MAX')[0]!;
const NAIVE_TIMEOUT_MS = positiveIntegers(process.env.BENCH_NAIVE_TIMEOUT, '120', 'BENCH_NAIVE_TIMEOUT')[0]! * 1000;

const runsAt = (size: number) => (size >= 1_000_000 ? 1 : RUNS);

/** How long an entry may take to appear: generous, and longer for more events (a million may take minutes). */
function patienceMs(size: number): number {
  if (size >= 1_000_000) return 120_000;
  if (size >= 100_000) return 60_000;
  return 10_000;
}

/** An entry this build has never emitted, and that already timed out once, gets this long afterwards. */
const NEVER_SEEN_PATIENCE_MS = 3_000;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // performance.memory otherwise reports a coarse, quantised heap size.
  '--enable-precise-memory-info',
];

/* ------------------------------------------------------------------ building what is needed */

async function newestMtime(entry: string): Promise<number> {
  if (!existsSync(entry)) return 0;
  const info = await stat(entry);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const name of await readdir(entry)) newest = Math.max(newest, await newestMtime(path.join(entry, name)));
  return newest;
}

function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

/** `npm run data` when public/data is older than its inputs, then `vite build` when dist/ is older than its own. */
async function ensureBuilt(): Promise<void> {
  const publicData = path.join(root, 'public/data');
  const builtData = await newestMtime(path.join(publicData, 'pack/manifest.json'));
  const dataInputs = Math.max(
    ...(await Promise.all(
      ['data', 'scripts/dataset', 'scripts/build-dataset.ts', 'src/domain'].map((p) => newestMtime(path.join(root, p))),
    )),
  );
  if (builtData === 0 || builtData < dataInputs) {
    console.log('bench: public/data/ is missing or older than data/ and its build: npm run data');
    await run('npm', ['run', 'data']);
  }
  const built = await newestMtime(path.join(root, 'dist/index.html'));
  const appInputs = Math.max(
    ...(await Promise.all(
      ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => newestMtime(path.join(root, p))),
    )),
  );
  if (built === 0 || built < appInputs) {
    console.log('bench: dist/ is missing or older than src/: vite build');
    await run(path.join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn']);
  }
}

/* ------------------------------------------------------------------ the served folder */

/** Copies the naive page and the libraries' standalone builds into `<dir>/naive/`, as plain JavaScript. */
async function writeNaivePage(dir: string): Promise<void> {
  const target = path.join(dir, 'naive');
  await mkdir(target, { recursive: true });
  const source = await readFile(path.join(naiveSource, 'naive-page.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: 'naive-page.ts',
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  await writeFile(path.join(target, 'naive-page.js'), outputText);
  await cp(path.join(naiveSource, 'index.html'), path.join(target, 'index.html'));
  const libraries: [string, string][] = [
    ['node_modules/leaflet/dist/leaflet.js', 'leaflet.js'],
    ['node_modules/leaflet/dist/leaflet.css', 'leaflet.css'],
    ['node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js', 'vis-timeline-graph2d.min.js'],
    ['node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css', 'vis-timeline-graph2d.min.css'],
  ];
  for (const [from, to] of libraries) await cp(path.join(root, from), path.join(target, to));
}

/**
 * dataset.json written piece by piece: the same bytes as JSON.stringify, without ever holding the whole file in
 * one string (at 100k events it would pass V8's string limit). Returns the bytes written.
 */
async function writeDatasetJson(dataset: Dataset, file: string): Promise<number> {
  const handle = await open(file, 'w');
  let pending: string[] = [];
  let pendingLength = 0;
  let written = 0;
  const flush = async () => {
    const chunk = Buffer.from(pending.join(''));
    pending = [];
    pendingLength = 0;
    written += chunk.byteLength;
    await handle.write(chunk);
  };
  const put = async (text: string) => {
    pending.push(text);
    pendingLength += text.length;
    if (pendingLength > 4 << 20) await flush();
  };
  try {
    let separator = '{';
    for (const [key, value] of Object.entries(dataset)) {
      await put(`${separator}${JSON.stringify(key)}:`);
      separator = ',';
      if (!Array.isArray(value)) {
        await put(JSON.stringify(value));
        continue;
      }
      await put('[');
      for (let i = 0; i < value.length; i++) await put((i === 0 ? '' : ',') + JSON.stringify(value[i]));
      await put(']');
    }
    await put('}');
    await flush();
  } finally {
    await handle.close();
  }
  return written;
}

/** Writes the dataset's pack into `<dir>/data/pack/` (replacing the previous one); returns its files and bytes. */
async function writePack(dataset: Dataset, dir: string): Promise<{ files: number; bytes: number; gzipBytes: number }> {
  const packDir = path.join(dir, 'data/pack');
  await rm(packDir, { recursive: true, force: true });
  const files = await encodePack(dataset);
  for (const file of files) {
    const target = path.join(packDir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.bytes);
  }
  return { files: files.length, ...weigh(files.map((f) => f.bytes)) };
}

/** What the pack's files weigh on disk, and on the wire with ordinary gzip (the page fetches only what it needs). */
function weigh(contents: readonly Uint8Array[]): { bytes: number; gzipBytes: number } {
  let bytes = 0;
  let gzipBytes = 0;
  for (const content of contents) {
    bytes += content.byteLength;
    gzipBytes += gzipSync(content).byteLength;
  }
  return { bytes, gzipBytes };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface Server {
  url: string;
  process: ChildProcess;
}

/** `vite preview` over `dir`. Started per size: preview lists the folder's files once, at start-up. */
async function serve(dir: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(
    path.join(root, 'node_modules/.bin/vite'),
    ['preview', '--outDir', dir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}/`;
  for (let attempt = 0; attempt < 200 && child.exitCode === null; attempt++) {
    const up = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return { url, process: child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`vite preview did not start on port ${port}: ${stderr.trim()}`);
}

/* ------------------------------------------------------------------ measuring in the page */

/** Every page gets this before its own scripts, so that long tasks are observed from the very start. */
const INIT_SCRIPT = `
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__benchLongTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
`;

interface Entry {
  startTime: number;
  duration: number;
  detail: unknown;
}

/** Names of entries seen at least once in this bench: only those deserve full patience after a timeout. */
const seenEntries = new Set<string>();
const timedOutEntries = new Set<string>();

function countEntries(page: Page, name: string): Promise<number> {
  return page.evaluate((n) => performance.getEntriesByName(n).length, name);
}

/** The entry `name` number `index` (0-based, in the order emitted), waiting for it; null if it never comes. */
async function entryAt(page: Page, name: string, index: number, timeoutMs: number): Promise<Entry | null> {
  // Only the app's entries may be absent from a build; the naive page is ours and emits all of its own.
  const mayBeAbsent = !name.startsWith('naive:') && !seenEntries.has(name) && timedOutEntries.has(name);
  const timeout = mayBeAbsent ? NEVER_SEEN_PATIENCE_MS : timeoutMs;
  try {
    await page.waitForFunction(
      ({ n, i }) => performance.getEntriesByName(n).length > i,
      { n: name, i: index },
      { timeout, polling: 100 },
    );
  } catch (error) {
    if (!(error instanceof errors.TimeoutError)) throw error;
    timedOutEntries.add(name);
    return null;
  }
  seenEntries.add(name);
  return page.evaluate(
    ({ n, i }) => {
      const entry = performance.getEntriesByName(n)[i];
      if (!entry) return null;
      const detail = 'detail' in entry ? (entry as PerformanceMeasure).detail : null;
      return { startTime: entry.startTime, duration: entry.duration, detail: detail ?? null };
    },
    { n: name, i: index },
  );
}

/** Runs `action` and returns the first new entry of each name (waiting on the last name), null where none came. */
async function afterAction(
  page: Page,
  names: readonly string[],
  action: () => Promise<unknown>,
  timeoutMs: number,
): Promise<(Entry | null)[]> {
  const before = await Promise.all(names.map((name) => countEntries(page, name)));
  await action();
  const last = names.length - 1;
  const waited = await entryAt(page, names[last]!, before[last]!, timeoutMs);
  const others = await Promise.all(
    names.slice(0, last).map((name, i) => (waited ? entryAt(page, name, before[i]!, 1_000) : null)),
  );
  return [...others, waited];
}

/** What crossed the wire (compressed bodies plus headers), counted from Playwright's events: they include the
 * requests of workers, which the page's own resource timing does not see. */
class TransferTally {
  bytes = 0;
  dataBytes = 0;
  requests = 0;
  private readonly pending: Promise<void>[] = [];
  constructor(page: Page) {
    page.on('requestfinished', (request) => {
      this.pending.push(
        request.sizes().then(
          (sizes) => {
            const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
            this.bytes += bytes;
            this.requests += 1;
            if (new URL(request.url()).pathname.includes('/data/')) this.dataBytes += bytes;
          },
          () => undefined,
        ),
      );
    });
  }
  async settled(): Promise<this> {
    await Promise.all(this.pending);
    return this;
  }
}

async function pageFacts(page: Page, transfers: TransferTally) {
  // A full collection first, so the heap figure is what the page keeps, not what it has yet to collect.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const inPage = await page.evaluate(() => {
    const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    const longTasks = (window as Window & { __benchLongTasks?: number[] }).__benchLongTasks ?? [];
    return {
      heapBytes: memory?.usedJSHeapSize ?? null,
      longestTaskMs: longTasks.length > 0 ? Math.max(...longTasks) : 0,
      longTasksTotalMs: longTasks.reduce((sum, d) => sum + d, 0),
    };
  });
  const { bytes, dataBytes, requests } = await transfers.settled();
  const facts = { ...inPage, fetchedBytes: bytes, fetchedDataBytes: dataBytes, requests };
  if (facts.heapBytes === null) {
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    facts.heapBytes = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
  }
  await cdp.detach();
  return facts;
}

/** A fresh page on its own context (no cache), offline except for the loopback server. */
async function freshPage(browser: Browser, problems: string[], where: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });
  const page = await context.newPage();
  const blocked: string[] = [];
  await page.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost' && url.protocol.startsWith('http'),
    (route) => {
      blocked.push(route.request().url());
      return route.abort();
    },
  );
  await page.addInitScript(INIT_SCRIPT);
  page.on('pageerror', (error) => problems.push(`${where}: page error: ${error.message}`));
  return { context, page, blocked, transfers: new TransferTally(page) };
}

type Figure = number | null;
const duration = (entry: Entry | null | undefined): Figure => entry?.duration ?? null;

interface AppRun {
  readyMs: Figure;
  shownEvents: number | null;
  selectPaintedMs: Figure;
  timelineZoomInMs: Figure;
  timelineZoomOutMs: Figure;
  mapZoomMs: Figure;
  typeComputeMs: Figure;
  typePaintedMs: Figure;
  actorComputeMs: Figure;
  actorPaintedMs: Figure;
  placeComputeMs: Figure;
  placePaintedMs: Figure;
  dateComputeMs: Figure;
  datePaintedMs: Figure;
  searchResultsMs: Figure;
  clearPaintedMs: Figure[];
  /** Playback (Play pressed, 3 s measured after 0.5 s): frames the page painted per second. */
  playbackFps: Figure;
  /** The longest time between two painted frames while it played. */
  playbackWorstGapMs: Figure;
  /** Median work of one window move (the store, the map's canvas, the timeline's band): `playback:frame`. */
  playbackFrameMs: Figure;
  /** Pause → the window as the date filter, painted in every view. */
  pausePaintedMs: Figure;
  longestTaskMs: Figure;
  longTasksTotalMs: Figure;
  heapMB: Figure;
  fetchedBytes: Figure;
  fetchedDataBytes: Figure;
  requests: Figure;
  blockedRequests: string[];
  /** The `detail` of each measure, for reading (e.g. how many events a filter matched). */
  details: Record<string, unknown>;
}

/** One run of the app: load, select, zoom both views, each filter then clear, search then clear. */
/** What the measured run types: a date range and a search word that mean something in the dataset. */
interface Probes {
  from: string;
  to: string;
  word: string;
}
const SYNTHETIC_PROBES: Probes = { from: '2016-01-01', to: '2016-12-31', word: 'idlib' };

async function measureApp(
  browser: Browser,
  url: string,
  size: number,
  problems: string[],
  probes: Probes = SYNTHETIC_PROBES,
): Promise<AppRun | null> {
  const where = `app at ${size} events`;
  const patience = patienceMs(size);
  const { context, page, blocked, transfers } = await freshPage(browser, problems, where);
  page.setDefaultTimeout(patience);
  const details: Record<string, unknown> = {};
  const keep = (key: string, entry: Entry | null | undefined) => {
    if (entry?.detail) details[key] = entry.detail;
    return duration(entry);
  };
  try {
    await page.goto(url);
    const list = page.getByRole('listbox', { name: /^Events,/ });
    try {
      await list
        .getByRole('option')
        .first()
        .waitFor({ timeout: 2 * patience + 60_000 });
    } catch (error) {
      if (!(error instanceof errors.TimeoutError)) throw error;
      problems.push(`${where}: the list of events never showed`);
      return null;
    }
    const ready = await entryAt(page, 'explorer:ready', 0, patience);
    const label = (await list.getAttribute('aria-label')) ?? '';
    const shownEvents = Number(/^Events, ([\d,]+)/.exec(label)?.[1]?.replace(/,/g, '') ?? NaN);
    // Let the loading settle (workers, chunks) before interacting, as a user reading the first screen would.
    await page.waitForLoadState('networkidle', { timeout: patience }).catch(() => undefined);

    // The fourth row (or the last of a tiny list): not the first, which a reader's eye lands on anyway.
    const rows = list.getByRole('option');
    const row = rows.nth(Math.min(3, (await rows.count()) - 1));
    const [select] = await afterAction(page, ['select:painted'], () => row.click(), patience);
    const [zoomIn] = await afterAction(
      page,
      ['timeline:redraw'],
      () => page.locator('button[aria-label="Zoom in"]').click(),
      patience,
    );
    const [zoomOut] = await afterAction(
      page,
      ['timeline:redraw'],
      () => page.locator('button[aria-label="Zoom out"]').click(),
      patience,
    );
    const [mapZoom] = await afterAction(
      page,
      ['map:redraw'],
      () => page.locator('a.leaflet-control-zoom-in').click(),
      patience,
    );

    const clears: Figure[] = [];
    const clearAll = async () => {
      const button = page.getByRole('button', { name: /^Clear all/ });
      if ((await button.count()) === 0) return;
      const [painted] = await afterAction(page, ['filter:painted'], () => button.click(), patience);
      clears.push(duration(painted));
    };
    /** Opens a facet's popover and ticks its first unticked value (the most frequent: facets sort by count). */
    const facet = async (label: string) => {
      await page.getByRole('button', { name: label, exact: true }).click();
      const box = page.getByRole('group', { name: `Filter by ${label.toLowerCase()}` }).getByRole('checkbox');
      const [compute, painted] = await afterAction(
        page,
        ['filter:compute', 'filter:painted'],
        () => box.and(page.locator(':not(:checked)')).first().click(),
        patience,
      );
      await page.keyboard.press('Escape');
      await clearAll();
      return [compute, painted] as const;
    };
    const [typeCompute, typePainted] = await facet('Types');
    const [actorCompute, actorPainted] = await facet('Actors');
    const [placeCompute, placePainted] = await facet('Places');

    // A range in two steps, as typed: From narrows once, To narrows again; the second is the one measured.
    await afterAction(
      page,
      ['filter:painted'],
      () => page.getByLabel('From', { exact: true }).fill(probes.from),
      patience,
    );
    const [dateCompute, datePainted] = await afterAction(
      page,
      ['filter:compute', 'filter:painted'],
      () => page.getByLabel('To', { exact: true }).fill(probes.to),
      patience,
    );
    await clearAll();

    const [search] = await afterAction(
      page,
      ['search:results'],
      () => page.getByRole('searchbox', { name: 'Search events' }).fill(probes.word),
      patience,
    );
    await clearAll();

    const playback = await measurePlayback(page, patience);

    const facts = await pageFacts(page, transfers);
    return {
      readyMs: ready?.startTime ?? null,
      shownEvents: Number.isFinite(shownEvents) ? shownEvents : null,
      selectPaintedMs: keep('select', select),
      timelineZoomInMs: keep('timelineZoomIn', zoomIn),
      timelineZoomOutMs: keep('timelineZoomOut', zoomOut),
      mapZoomMs: keep('mapZoom', mapZoom),
      typeComputeMs: keep('typeCompute', typeCompute),
      typePaintedMs: keep('typePainted', typePainted),
      actorComputeMs: keep('actorCompute', actorCompute),
      actorPaintedMs: keep('actorPainted', actorPainted),
      placeComputeMs: keep('placeCompute', placeCompute),
      placePaintedMs: keep('placePainted', placePainted),
      dateComputeMs: keep('dateCompute', dateCompute),
      datePaintedMs: keep('datePainted', datePainted),
      searchResultsMs: keep('search', search),
      clearPaintedMs: clears,
      playbackFps: playback.fps,
      playbackWorstGapMs: playback.worstGapMs,
      playbackFrameMs: keep('playbackFrame', playback.frameWork),
      pausePaintedMs: keep('pause', playback.pause),
      longestTaskMs: facts.longestTaskMs,
      longTasksTotalMs: facts.longTasksTotalMs,
      heapMB: facts.heapBytes === null ? null : facts.heapBytes / 2 ** 20,
      fetchedBytes: facts.fetchedBytes,
      fetchedDataBytes: facts.fetchedDataBytes,
      requests: facts.requests,
      blockedRequests: blocked,
      details,
    };
  } finally {
    await context.close();
  }
}

/**
 * Plays the filtered events as a user would (the Play button, default width and speed), counts the frames the page
 * paints in 3 s once the first half second has passed, then pauses and waits for the window to be painted as the
 * date filter. Counted in the page with requestAnimationFrame, which runs once per painted frame: a frame whose
 * work overruns shows as a lower rate and a longer gap.
 */
async function measurePlayback(
  page: Page,
  patience: number,
): Promise<{ fps: Figure; worstGapMs: Figure; frameWork: Entry | null; pause: Entry | null }> {
  const play = page.getByRole('button', { name: 'Play', exact: true });
  const before = await countEntries(page, 'playback:frame');
  await play.click();
  const moved = await entryAt(page, 'playback:frame', before, patience);
  if (!moved) return { fps: null, worstGapMs: null, frameWork: null, pause: null };
  // A string, not a function: tsx compiles named functions with a `__name` helper that the page does not have.
  const counted = (await page.evaluate(`new Promise((resolve) => {
    const warmMs = 500, spanMs = 3000, t0 = performance.now();
    let frames = 0, worst = 0, last = 0;
    requestAnimationFrame(function tick(now) {
      if (now - t0 >= warmMs) {
        if (last) worst = Math.max(worst, now - last);
        frames++;
      }
      last = now;
      if (now - t0 < warmMs + spanMs) return void requestAnimationFrame(tick);
      const works = performance.getEntriesByName('playback:frame')
        .filter((e) => e.startTime >= t0 + warmMs).map((e) => e.duration).sort((a, b) => a - b);
      const median = works[Math.floor(works.length / 2)];
      resolve({
        fps: frames / ((now - t0 - warmMs) / 1000),
        worstGapMs: worst,
        frameWork: median === undefined ? null
          : { duration: median, detail: { moves: works.length, p95: works[Math.floor(works.length * 0.95)] } },
      });
    });
  })`)) as { fps: number; worstGapMs: number; frameWork: { duration: number; detail: unknown } | null };
  const pauseButton = page.getByRole('button', { name: 'Pause', exact: true });
  const [pause] = await afterAction(page, ['filter:painted'], () => pauseButton.click(), patience);
  const frameWork = counted.frameWork
    ? { startTime: 0, duration: counted.frameWork.duration, detail: counted.frameWork.detail }
    : null;
  return { fps: counted.fps, worstGapMs: counted.worstGapMs, frameWork, pause: pause ?? null };
}

interface NaiveRun {
  finished: boolean;
  readyMs: Figure;
  filterPaintedMs: Figure;
  unfilterPaintedMs: Figure;
  selectPaintedMs: Figure;
  longestTaskMs: Figure;
  longTasksTotalMs: Figure;
  heapMB: Figure;
  fetchedBytes: Figure;
  /** The step that did not finish within the cap (the page was still busy with it, so later steps were skipped). */
  unfinished: NaiveMetric | null;
  /** True when `unfinished` was not tried again in this run, because an earlier run at this size timed out on it. */
  notRetried: boolean;
  /** Heap and long tasks are read at the end, or just before the step that did not finish. */
  factsBefore: NaiveMetric | null;
  /** The `detail` of each entry: rows shown, and the synchronous milliseconds spent in each library. */
  details: Record<string, unknown>;
}

/**
 * Changes the naive page's type filter from a timer in the page, so that the harness is not held by a change
 * handler that runs for minutes (Playwright's selectOption waits for it); the page measures the handler to paint.
 */
function dispatchTypeChange(page: Page, optionIndex: number): Promise<void> {
  return page.evaluate((index) => {
    setTimeout(() => {
      const select = document.getElementById('type-filter') as HTMLSelectElement;
      select.selectedIndex = index;
      select.dispatchEvent(new Event('change'));
    });
  }, optionIndex);
}

/**
 * One run of the naive page: load everything, select one event, filter to the most frequent type, back to all.
 * A step that does not finish within the cap ends the run (the page is still busy with it); `skipFrom` names the
 * step a previous run at this size did not finish, so that this run stops before it instead of waiting again.
 */
async function measureNaive(
  browser: Browser,
  url: string,
  size: number,
  problems: string[],
  skipFrom: NaiveMetric | null,
): Promise<NaiveRun> {
  const where = `naive page at ${size} events`;
  const { context, page, transfers } = await freshPage(browser, problems, where);
  page.setDefaultTimeout(NAIVE_TIMEOUT_MS);
  const run: NaiveRun = {
    finished: false,
    readyMs: null,
    filterPaintedMs: null,
    unfilterPaintedMs: null,
    selectPaintedMs: null,
    longestTaskMs: null,
    longTasksTotalMs: null,
    heapMB: null,
    fetchedBytes: null,
    unfinished: null,
    notRetried: false,
    factsBefore: null,
    details: {},
  };
  const readFacts = async (before: NaiveMetric | null) => {
    const facts = await pageFacts(page, transfers);
    run.longestTaskMs = facts.longestTaskMs;
    run.longTasksTotalMs = facts.longTasksTotalMs;
    run.heapMB = facts.heapBytes === null ? null : facts.heapBytes / 2 ** 20;
    run.fetchedBytes = facts.fetchedBytes;
    run.factsBefore = before;
  };
  const steps: [NaiveMetric, string, () => Promise<unknown>][] = [
    ['selectPaintedMs', 'naive:select', () => page.evaluate(() => setTimeout(() => window.naiveSelect?.()))],
    ['filterPaintedMs', 'naive:filter', () => dispatchTypeChange(page, 1)],
    ['unfilterPaintedMs', 'naive:unfilter', () => dispatchTypeChange(page, 0)],
  ];
  try {
    await page.goto(new URL('naive/index.html', url).href);
    const ready = await entryAt(page, 'naive:ready', 0, NAIVE_TIMEOUT_MS);
    if (!ready) {
      run.unfinished = 'readyMs';
      return run;
    }
    run.finished = true;
    run.readyMs = ready.startTime;
    run.details.ready = ready.detail;
    for (const [metric, name, action] of steps) {
      // Going back to all events may outlast the cap: read the page's figures while it still answers.
      if (metric === 'unfilterPaintedMs') await readFacts(metric);
      if (metric === skipFrom) {
        run.unfinished = metric;
        run.notRetried = true;
        return run;
      }
      const [entry] = await afterAction(page, [name], action, NAIVE_TIMEOUT_MS);
      if (!entry) {
        run.unfinished = metric;
        return run;
      }
      run[metric] = entry.duration;
      run.details[name] = entry.detail;
    }
    await readFacts(null);
    return run;
  } finally {
    // Closing the context also ends a renderer still busy with a step that did not finish.
    await context.close();
  }
}

/** Runs one measurement; an exception (a crashed page, a missing control) is a problem of that run, not the end. */
async function attempt<T>(where: string, problems: string[], measure: () => Promise<T>): Promise<T | null> {
  try {
    return await measure();
  } catch (error) {
    problems.push(`${where}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return null;
  }
}

/* ------------------------------------------------------------------ summaries and the table */

interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

function summarise(values: readonly Figure[]): Summary | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (present.length === 0) return null;
  const middle = Math.floor(present.length / 2);
  const median = present.length % 2 ? present[middle]! : (present[middle - 1]! + present[middle]!) / 2;
  return { median, min: present[0]!, max: present[present.length - 1]!, n: present.length };
}

function formatNumber(value: number, unit: 'ms' | 'MB' | 'bytes'): string {
  if (unit === 'bytes') {
    if (value >= 2 ** 20) return `${(value / 2 ** 20).toFixed(1)} MB`;
    return `${(value / 1024).toFixed(0)} kB`;
  }
  if (unit === 'MB') return value.toFixed(1);
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

function formatSummary(summary: Summary | null, unit: 'ms' | 'MB' | 'bytes'): string {
  if (!summary) return '—';
  const median = formatNumber(summary.median, unit);
  if (summary.n === 1 || summary.min === summary.max) return median;
  return `${median} (${formatNumber(summary.min, unit)}–${formatNumber(summary.max, unit)})`;
}

type AppMetric = Exclude<keyof AppRun, 'blockedRequests' | 'details' | 'shownEvents' | 'clearPaintedMs'>;

const APP_ROWS: readonly [AppMetric | 'clearPaintedMs', string, 'ms' | 'MB' | 'bytes'][] = [
  ['readyMs', 'ready (navigation → rows + timeline), ms', 'ms'],
  ['selectPaintedMs', 'select a row → painted, ms', 'ms'],
  ['timelineZoomInMs', 'timeline zoom in → redrawn, ms', 'ms'],
  ['timelineZoomOutMs', 'timeline zoom out → redrawn, ms', 'ms'],
  ['mapZoomMs', 'map zoom in → redrawn, ms', 'ms'],
  ['typeComputeMs', 'type filter: engine pass, ms', 'ms'],
  ['typePaintedMs', 'type filter → painted, ms', 'ms'],
  ['actorComputeMs', 'actor filter: engine pass, ms', 'ms'],
  ['actorPaintedMs', 'actor filter → painted, ms', 'ms'],
  ['placeComputeMs', 'place filter: engine pass, ms', 'ms'],
  ['placePaintedMs', 'place filter → painted, ms', 'ms'],
  ['dateComputeMs', 'date range: engine pass, ms', 'ms'],
  ['datePaintedMs', 'date range → painted, ms', 'ms'],
  ['searchResultsMs', 'search a word ("idlib"; --dataset: a place name) → results, ms', 'ms'],
  ['clearPaintedMs', 'clear all filters → painted, ms', 'ms'],
  ['playbackFps', 'playback: frames painted per second', 'ms'],
  ['playbackWorstGapMs', 'playback: longest gap between frames, ms', 'ms'],
  ['playbackFrameMs', 'playback: one window move (store, map canvas, timeline band), ms', 'ms'],
  ['pausePaintedMs', 'pause → the window as the date filter, painted, ms', 'ms'],
  ['longestTaskMs', 'longest main-thread task, ms', 'ms'],
  ['longTasksTotalMs', 'all long tasks together, ms', 'ms'],
  ['heapMB', 'JS heap after GC (main thread), MB', 'MB'],
  ['fetchedDataBytes', 'data fetched by the page', 'bytes'],
  ['fetchedBytes', 'everything fetched by the page', 'bytes'],
];

type NaiveMetric = Exclude<keyof NaiveRun, 'finished' | 'unfinished' | 'notRetried' | 'factsBefore' | 'details'>;

const NAIVE_ROWS: readonly [NaiveMetric, string, 'ms' | 'MB' | 'bytes'][] = [
  ['readyMs', 'naive: ready (everything created and painted), ms', 'ms'],
  ['filterPaintedMs', 'naive: one type → painted, ms', 'ms'],
  ['unfilterPaintedMs', 'naive: back to all → painted, ms', 'ms'],
  ['selectPaintedMs', 'naive: select + popup → painted, ms', 'ms'],
  ['longestTaskMs', 'naive: longest main-thread task, ms', 'ms'],
  ['heapMB', 'naive: JS heap after GC, MB', 'MB'],
  ['fetchedBytes', 'naive: everything fetched', 'bytes'],
];

interface SizeResult {
  requestedSize: number;
  events: number;
  synthetic: boolean;
  generateMs: number;
  pack: { files: number; bytes: number; gzipBytes: number; encodeMs: number } | null;
  datasetJsonBytes: number | null;
  app: (AppRun | null)[];
  naive: NaiveRun[] | { skipped: string };
  medians: {
    app: Record<string, Summary | null>;
    naive: Record<string, Summary | null> | null;
  };
}

function naiveCell(result: SizeResult, metric: NaiveMetric, unit: 'ms' | 'MB' | 'bytes'): string {
  if (!Array.isArray(result.naive)) return 'skipped';
  if (result.naive.length === 0) return 'failed';
  const summary = result.medians.naive?.[metric] ?? null;
  if (!summary && result.naive.some((r) => r.unfinished === metric || !r.finished))
    return `did not finish in ${NAIVE_TIMEOUT_MS / 1000} s`;
  return formatSummary(summary, unit);
}

function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

function ratio(ours: Summary | null | undefined, naive: Summary | null | undefined): string {
  if (!ours || !naive || naive.median === 0) return '—';
  return `${(ours.median / naive.median).toFixed(2)}×`;
}

function report(results: readonly SizeResult[]): void {
  const columns = results.map((r) => `${r.events.toLocaleString('en')} events`);
  const rows: string[][] = APP_ROWS.map(([metric, label, unit]) => [
    label,
    ...results.map((r) => formatSummary(r.medians.app[metric] ?? null, unit)),
  ]);
  rows.push(['pack on disk (all files)', ...results.map((r) => (r.pack ? formatNumber(r.pack.bytes, 'bytes') : '—'))]);
  rows.push([
    'pack gzipped (all files)',
    ...results.map((r) => (r.pack ? formatNumber(r.pack.gzipBytes, 'bytes') : '—')),
  ]);
  for (const [metric, label, unit] of NAIVE_ROWS) rows.push([label, ...results.map((r) => naiveCell(r, metric, unit))]);
  // Playback the naive way moves the date filter every frame, through the engine and every view: at best one frame
  // per date-range paint, measured above.
  rows.push([
    'naive playback (every frame a date filter through all views): at most 1000 / date range painted, fps',
    ...results.map((r) => {
      const painted = r.medians.app['datePaintedMs']?.median;
      return painted ? formatNumber(Math.min(60, 1000 / painted), 'ms') : '—';
    }),
  ]);
  console.log('');
  printTable(['median (min–max)', ...columns], rows);

  console.log('');
  const side: [string, AppMetric, NaiveMetric][] = [
    ['ready', 'readyMs', 'readyMs'],
    ['filter painted', 'typePaintedMs', 'filterPaintedMs'],
    ['select', 'selectPaintedMs', 'selectPaintedMs'],
  ];
  printTable(
    ['events', ...side.flatMap(([label]) => [`${label}: ours`, 'naive', 'ours / naive'])],
    results.map((r) => [
      r.events.toLocaleString('en'),
      ...side.flatMap(([, ours, naive]) => [
        formatSummary(r.medians.app[ours] ?? null, 'ms'),
        naiveCell(r, naive, 'ms'),
        ratio(r.medians.app[ours], r.medians.naive?.[naive]),
      ]),
    ]),
  );
}

/* ------------------------------------------------------------------ main */

/**
 * A million events take a few GB in this process (the dataset, then its pack); Node's default heap limit is
 * smaller on many machines. Re-runs this script with a larger limit when needed, once.
 */
function rerunWithLargerHeap(): Promise<number> | null {
  const needed = Math.max(...SIZES) >= 200_000 ? 12_288 : 0;
  if (needed === 0 || process.env.BENCH_HEAP_RAISED || v8.getHeapStatistics().heap_size_limit >= needed * 2 ** 20)
    return null;
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, `--max-old-space-size=${needed}`, ...process.argv.slice(1)],
      {
        stdio: 'inherit',
        env: { ...process.env, BENCH_HEAP_RAISED: '1' },
      },
    );
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** What one bench run shares across sizes. */
interface Bench {
  base: Dataset;
  browser: Browser;
  /** The served copy of dist/, with the naive page beside the app. */
  work: string;
  problems: string[];
  server: Server | null;
  /** The smallest size at which the naive page did not become ready within the cap: larger ones are not tried. */
  naiveGaveUpAt: number;
}

/** Writes the size's data into the served folder and serves it; measures the app and the naive page. */
async function benchSize(bench: Bench, size: number): Promise<SizeResult> {
  const synthetic = size !== BUNDLED_SIZE;
  if (!synthetic) size = bench.base.events.length;
  let t0 = performance.now();
  let dataset: Dataset | null = synthetic ? syntheticDataset(bench.base, size) : bench.base;
  const generateMs = performance.now() - t0;
  const events = dataset.events.length;
  const where = `${events.toLocaleString('en')} events`;
  console.log(
    `bench: ${where}${synthetic ? ` generated in ${(generateMs / 1000).toFixed(1)} s` : ' (bundled)'}; encoding the pack…`,
  );
  t0 = performance.now();
  const pack = await writePack(dataset, bench.work);
  const encodeMs = performance.now() - t0;
  const naiveRuns = size <= NAIVE_MAX && size < bench.naiveGaveUpAt;
  const jsonFile = path.join(bench.work, 'data/dataset.json');
  // Without the naive page the app must not find an old dataset.json of another size by mistake.
  await rm(jsonFile, { force: true });
  const datasetJsonBytes = naiveRuns ? await writeDatasetJson(dataset, jsonFile) : null;
  dataset = null; // the pages read the files; let this process's copy go before Chromium needs the memory
  console.log(
    `bench: pack ${formatNumber(pack.bytes, 'bytes')} in ${pack.files} files (${(encodeMs / 1000).toFixed(1)} s)${datasetJsonBytes === null ? '' : `, dataset.json ${formatNumber(datasetJsonBytes, 'bytes')}`}`,
  );

  bench.server = await serve(bench.work);
  const { url } = bench.server;
  const appRuns: (AppRun | null)[] = [];
  const naive: NaiveRun[] = [];
  try {
    for (let runIndex = 0; runIndex < runsAt(size); runIndex++) {
      const app = await attempt(`app at ${where}`, bench.problems, () =>
        measureApp(bench.browser, url, size, bench.problems),
      );
      appRuns.push(app);
      console.log(
        `  run ${runIndex + 1}: ready ${app?.readyMs?.toFixed(0) ?? '—'} ms, type filter ${app?.typePaintedMs?.toFixed(0) ?? '—'} ms, select ${app?.selectPaintedMs?.toFixed(0) ?? '—'} ms, ${app?.shownEvents?.toLocaleString('en') ?? '?'} events listed`,
      );
      if (app?.shownEvents != null && app.shownEvents !== events)
        bench.problems.push(`app at ${where}: the list says ${app.shownEvents} events`);
      if (!naiveRuns || size >= bench.naiveGaveUpAt) continue;
      const skipFrom = naive.find((r) => r.unfinished)?.unfinished ?? null;
      const run = await attempt(`naive page at ${where}`, bench.problems, () =>
        measureNaive(bench.browser, url, size, bench.problems, skipFrom),
      );
      if (!run) continue;
      naive.push(run);
      const unfinished = run.unfinished
        ? ` (${run.unfinished}: ${run.notRetried ? 'not retried, did not finish in an earlier run' : `did not finish in ${NAIVE_TIMEOUT_MS / 1000} s`})`
        : '';
      console.log(
        run.finished
          ? `  naive ${runIndex + 1}: ready ${run.readyMs?.toFixed(0)} ms, select ${run.selectPaintedMs?.toFixed(0) ?? '—'} ms, filter ${run.filterPaintedMs?.toFixed(0) ?? '—'} ms, back to all ${run.unfilterPaintedMs?.toFixed(0) ?? '—'} ms${unfinished}`
          : `  naive ${runIndex + 1}: did not finish in ${NAIVE_TIMEOUT_MS / 1000} s`,
      );
      // Larger sizes would not finish either: stop trying.
      if (!run.finished) bench.naiveGaveUpAt = size;
    }
  } finally {
    stopServer(bench);
  }

  const appMedians = appMediansOf(appRuns);
  const finishedNaive = naive.filter((r) => r.finished);
  return {
    requestedSize: size,
    events,
    synthetic,
    generateMs,
    pack: { ...pack, encodeMs },
    datasetJsonBytes,
    app: appRuns,
    naive: naiveRuns
      ? naive
      : {
          skipped:
            size > NAIVE_MAX
              ? `the naive page runs up to ${NAIVE_MAX} events (BENCH_NAIVE_MAX)`
              : `the naive page did not finish at ${bench.naiveGaveUpAt} events`,
        },
    medians: {
      app: appMedians,
      naive:
        finishedNaive.length === 0
          ? null
          : Object.fromEntries(NAIVE_ROWS.map(([metric]) => [metric, summarise(finishedNaive.map((r) => r[metric]))])),
    },
  };
}

/** The median (and range) of each app metric over the runs that finished. */
function appMediansOf(appRuns: readonly (AppRun | null)[]): Record<string, Summary | null> {
  const presentApp = appRuns.filter((r): r is AppRun => r !== null);
  const appMedians: Record<string, Summary | null> = {};
  for (const [metric] of APP_ROWS)
    appMedians[metric] = summarise(
      metric === 'clearPaintedMs' ? presentApp.flatMap((r) => r.clearPaintedMs) : presentApp.map((r) => r[metric]),
    );
  return appMedians;
}

/** An imported pack (`--dataset`): served as the default dataset, measured as the sizes are; no naive page. */
async function benchImported(bench: Bench, id: string): Promise<SizeResult> {
  const dataDir = path.join(root, 'public/data');
  let registry: unknown;
  try {
    registry = JSON.parse(await readFile(path.join(dataDir, REGISTRY_FILE), 'utf8'));
  } catch {
    throw new Error(
      `--dataset ${id}: public/data/${REGISTRY_FILE} is missing; import a dataset first (npm run import)`,
    );
  }
  const problems = findRegistryProblems(registry);
  if (problems.length > 0) throw new Error(`public/data/${REGISTRY_FILE}: ${problems.join('; ')}`);
  const entry = (registry as DatasetRegistry).datasets.find((d) => d.id === id);
  if (!entry)
    throw new Error(
      `--dataset ${id}: not in public/data/${REGISTRY_FILE} (listed: ${(registry as DatasetRegistry).datasets.map((d) => d.id).join(', ')})`,
    );
  const source = path.join(dataDir, entry.path);
  const manifest = JSON.parse(await readFile(path.join(source, 'manifest.json'), 'utf8')) as PackManifest;
  const packDir = path.join(bench.work, 'data/pack');
  await rm(packDir, { recursive: true, force: true });
  await cp(source, packDir, { recursive: true });
  await rm(path.join(bench.work, 'data/dataset.json'), { force: true });
  const files = await readdir(packDir);
  const { bytes, gzipBytes } = weigh(await Promise.all(files.map((file) => readFile(path.join(packDir, file)))));
  const events = manifest.counts.events;
  // The first year of the data, and the first word of a place's name (the last row of the places table: a
  // location rather than a country): a range and a word that match something.
  const year = manifest.extent?.earliest.slice(0, 4) ?? '2020';
  const places = tableFromIPC(await readFile(path.join(packDir, manifest.files.places.path)));
  const name = String(places.getChild('name')?.at(places.numRows - 1) ?? 'the');
  const probes: Probes = { from: `${year}-01-01`, to: `${year}-12-31`, word: name.split(/\s+/)[0]!.toLowerCase() };
  console.log(
    `bench: ${entry.title} (${events.toLocaleString('en')} events, imported) — from ${probes.from} to ${probes.to}, search "${probes.word}"`,
  );
  bench.server = await serve(bench.work);
  const appRuns: (AppRun | null)[] = [];
  try {
    for (let runIndex = 0; runIndex < runsAt(events); runIndex++) {
      const app = await attempt(`app on ${id}`, bench.problems, () =>
        measureApp(bench.browser, bench.server!.url, events, bench.problems, probes),
      );
      appRuns.push(app);
      console.log(
        `  run ${runIndex + 1}: ready ${app?.readyMs?.toFixed(0) ?? '—'} ms, type filter ${app?.typePaintedMs?.toFixed(0) ?? '—'} ms, select ${app?.selectPaintedMs?.toFixed(0) ?? '—'} ms`,
      );
    }
  } finally {
    stopServer(bench);
  }
  const appMedians = appMediansOf(appRuns);
  return {
    requestedSize: events,
    events,
    synthetic: false,
    generateMs: 0,
    pack: { files: files.length, bytes, gzipBytes, encodeMs: 0 },
    datasetJsonBytes: null,
    app: appRuns,
    naive: { skipped: `an imported dataset (${id}) has no dataset.json for the naive page` },
    medians: { app: appMedians, naive: null },
  };
}

/** A size whose data could not be prepared (the error is among the problems): a column of "—". */
function failedSize(size: number): SizeResult {
  return {
    requestedSize: size,
    events: size,
    synthetic: true,
    generateMs: 0,
    pack: null,
    datasetJsonBytes: null,
    app: [],
    naive: { skipped: 'the data for this size could not be prepared' },
    medians: { app: {}, naive: null },
  };
}

function stopServer(bench: Bench): void {
  bench.server?.process.kill();
  bench.server = null;
}

/** bench/results/latest.json: the machine, the configuration, the problems, every run's raw figures, medians. */
async function writeResults(bench: Bench, results: readonly SizeResult[], started: number): Promise<void> {
  const cpus = os.cpus();
  await mkdir(path.dirname(resultsFile), { recursive: true });
  await writeFile(
    resultsFile,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        durationS: (Date.now() - started) / 1000,
        machine: {
          cpu: cpus[0]?.model ?? 'unknown',
          cores: cpus.length,
          memoryGB: os.totalmem() / 2 ** 30,
          platform: `${os.platform()} ${os.release()}`,
          node: process.version,
          chromium: bench.browser.version(),
        },
        config: { sizes: SIZES, runs: RUNS, naiveMax: NAIVE_MAX, naiveTimeoutS: NAIVE_TIMEOUT_MS / 1000 },
        problems: bench.problems,
        sizes: results,
      },
      // Hundredths of a millisecond are plenty: Performance entries are coarser than that anyway.
      (_key, value: unknown) =>
        typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 100) / 100 : value,
      2,
    )}\n`,
  );
}

async function main(): Promise<void> {
  const rerun = rerunWithLargerHeap();
  if (rerun) {
    process.exitCode = await rerun;
    return;
  }
  const started = Date.now();
  await ensureBuilt();
  const base: Dataset = DatasetSchema.parse(
    JSON.parse(await readFile(path.join(root, 'public/data/dataset.json'), 'utf8')),
  );
  const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium'].find((p) => existsSync(p));
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
  const bench: Bench = {
    base,
    browser,
    work: await mkdtemp(path.join(os.tmpdir(), 'bench-')),
    problems: [],
    server: null,
    naiveGaveUpAt: Infinity,
  };
  const results: SizeResult[] = [];
  process.once('SIGINT', () => {
    stopServer(bench);
    process.exit(130);
  });
  try {
    await cp(path.join(root, 'dist'), bench.work, { recursive: true });
    await writeNaivePage(bench.work);
    if (DATASET_ID) results.push(await benchImported(bench, DATASET_ID));
    for (const size of DATASET_ID ? [] : SIZES) {
      try {
        results.push(await benchSize(bench, size));
      } catch (error) {
        // A size that cannot be prepared (generation, encoding, serving) is an error, but the others still run.
        console.error(error);
        bench.problems.push(`${size} events: ${error instanceof Error ? error.message : String(error)}`);
        results.push(failedSize(size));
      }
    }
  } finally {
    stopServer(bench);
    report(results);
    await writeResults(bench, results, started);
    await browser.close();
    await rm(bench.work, { recursive: true, force: true });
  }
  for (const problem of bench.problems) console.error(`bench: ${problem}`);
  if (bench.problems.length > 0) process.exitCode = 1;
  console.log(`bench: wrote ${path.relative(root, resultsFile)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
