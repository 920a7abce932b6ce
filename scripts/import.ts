/**
 * `npm run import -- <acled|csv|geojson> <file> --name <dataset-id> [--title "…"] [--description "…"]
 *  [--skip-invalid] [--years <from>-<to>] [--out <dir>]`
 *
 * Imports an ACLED export, a plain spreadsheet or a GeoJSON file as a dataset pack under <out>/datasets/<id>/
 * (default out: public/data) and lists it in <out>/datasets.json. CSV files are streamed (fs read stream → strict
 * UTF-8 decoder → papaparse, one row at a time), so a million rows are read in bounded memory; the dataset itself is then held
 * once to be encoded. By default any refused row refuses the file: every problem is printed and nothing is written
 * (exit 1). With --skip-invalid the valid rows are imported and the refused ones listed in
 * <out>/datasets/<id>/import-report.csv. Bad usage exits 2.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, statSync, type WriteStream } from 'node:fs';
import { rename, rm, mkdir } from 'node:fs/promises';
import { totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { BUNDLED_DATASET_ID, isDatasetId } from '../src/domain/dataset-registry.ts';
import { findDatasetInconsistencies } from '../src/domain/dataset-schema.ts';
import { neutraliseFormula } from '../src/domain/export.ts';
import { encodePackTables } from '../src/domain/pack-encoder.ts';
import { serializeEventSearch } from '../src/domain/event-search.ts';
import { serializeSearchInThread } from './dataset/search-index-thread.ts';
import {
  IMPORT_FORMATS,
  formatImportProblem,
  importChunks,
  type ImportFormat,
  type ImportOptions,
  type ImportProblem,
  type ImportResult,
} from '../src/domain/import/index.ts';
import { entryOfPack, writeDatasetPack } from './dataset/write-pack.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `usage: npm run import -- <acled|csv|geojson> <file> --name <dataset-id> [--title "…"] [--description "…"] [--skip-invalid] [--out <dir>]
  acled     an ACLED export (CSV, the 2023 layout or the one before)
  csv       a spreadsheet of events: see data/templates/README.md and data/templates/events.csv
  geojson   a FeatureCollection of Point features with the spreadsheet's columns as properties
  --name    the dataset's id: lower-case letters and digits joined by hyphens ("acled-syria"); "bundled" is taken
  --years   the years a date may fall in (default 1000-2100, as for the curated dataset)
  --out     the data folder (default public/data): the pack goes to <out>/datasets/<id>/, the list to <out>/datasets.json`;

class UsageError extends Error {}

interface Args {
  format: ImportFormat;
  file: string;
  name: string;
  title?: string;
  description?: string;
  skipInvalid: boolean;
  out: string;
  years?: { from: number; to: number };
}

function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (key === 'skip-invalid' || key === 'help') flags.set(key, true);
    else if (['name', 'title', 'description', 'out', 'years'].includes(key)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--')))
        throw new UsageError(`--${key} needs a value`);
      flags.set(key, value);
    } else throw new UsageError(`unknown option --${key}`);
  }
  if (flags.has('help')) throw new UsageError('');
  const [format, file, ...rest] = positional;
  if (!format) throw new UsageError('missing the format (acled, csv or geojson)');
  if (!IMPORT_FORMATS.includes(format as ImportFormat))
    throw new UsageError(`unknown format "${format}": expected acled, csv or geojson`);
  if (!file) throw new UsageError('missing the file to import');
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
  const name = flags.get('name');
  if (typeof name !== 'string') throw new UsageError('missing --name <dataset-id>');
  if (!isDatasetId(name))
    throw new UsageError(
      `--name "${name}" is not a dataset id: lower-case letters and digits joined by hyphens, at most 64 characters`,
    );
  if (name === BUNDLED_DATASET_ID) throw new UsageError(`--name "${name}" is reserved for the bundled dataset`);
  const text = (key: string) => {
    const value = flags.get(key);
    return typeof value === 'string' ? value : undefined;
  };
  const out = text('out');
  const yearsText = text('years');
  const span = yearsText === undefined ? null : /^(\d{1,4})-(\d{1,4})$/.exec(yearsText);
  if (yearsText !== undefined && (!span || Number(span[1]) > Number(span[2])))
    throw new UsageError(`--years "${yearsText}" is not a span of years such as 1000-2100`);
  return {
    ...(span ? { years: { from: Number(span[1]), to: Number(span[2]) } } : {}),
    format: format as ImportFormat,
    file,
    name,
    ...(text('title') !== undefined ? { title: text('title')! } : {}),
    ...(text('description') !== undefined ? { description: text('description')! } : {}),
    skipInvalid: flags.has('skip-invalid'),
    out: out ? path.resolve(out) : path.join(root, 'public', 'data'),
  };
}

const MB = 1024 * 1024;
/** Up to this many events the search index is built in a worker thread beside the tables (see main). */
const THREADED_INDEX_MAX_EVENTS = 300_000;
const fmt = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A progress line on stderr about once a second, overwritten in place on a terminal. */
function progress(size: number, started: number) {
  const tty = process.stderr.isTTY === true;
  let last = '';
  const show = (rows: number, bytes: number) => {
    const elapsed = (performance.now() - started) / 1000;
    const line = `  ${fmt(rows)} rows, ${(bytes / MB).toFixed(1)} of ${(size / MB).toFixed(1)} MB (${size > 0 ? Math.floor((100 * bytes) / size) : 100}%), ${(bytes / MB / Math.max(elapsed, 0.001)).toFixed(1)} MB/s`;
    last = line;
    process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
  };
  return {
    show,
    done() {
      if (tty && last) process.stderr.write('\n');
    },
  };
}

/**
 * A cell of import-report.csv. The report quotes refused values as the file had them, and it is opened in a
 * spreadsheet: text starting with = + - @ (or a tab or CR) would run there as a formula ("=HYPERLINK(…)"), so it
 * is prefixed with an apostrophe, as the app's CSV export does (src/domain/export.ts). Line numbers stay numbers.
 */
function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(neutraliseFormula(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Reads the file as a stream of bytes (1 MB reads) through the importers' strict UTF-8 decoder: CSV rows reach the
 * importer as they are read; GeoJSON is decoded whole, then parsed.
 */
async function importFileStream(
  args: Args,
  options: ImportOptions,
  onProblem: (p: ImportProblem) => void,
): Promise<ImportResult> {
  const size = statSync(args.file).size;
  const started = performance.now();
  const bar = progress(size, started);
  let bytes = 0;
  let rows = 0;
  const timer = setInterval(() => bar.show(rows, bytes), 1000);
  const stream = createReadStream(args.file, { highWaterMark: 1 << 20 });
  try {
    return await importChunks(stream, options, { onProblem }, (bytesRead, rowsParsed) => {
      bytes = bytesRead;
      rows = rowsParsed;
    });
  } finally {
    clearInterval(timer);
    stream.destroy();
    if (performance.now() - started > 1000) bar.show(rows, size);
    bar.done();
  }
}

/**
 * The heap a file needs, roughly: reading is streamed, but the dataset is then held whole, and encoding its pack
 * (above all the search index) takes several times more. Measured: ~12 bytes of heap per byte of an ACLED CSV
 * (100,000 rows, 59 MB: peak RSS 1.2 GB; 1,000,000 rows, 590 MB: peak heap ~6.7 GB).
 */
const HEAP_PER_FILE_BYTE = 12;
const CHILD_MARK = 'NEWS_EVENT_IMPORT_CHILD';

/**
 * When the file needs more heap than V8's default limit gives (about 4 GB here), runs this same command again in a
 * Node with a larger --max-old-space-size (up to three quarters of the machine's memory) and returns its exit code;
 * null when this process can do the import itself.
 */
async function rerunWithLargerHeap(file: string): Promise<number | null> {
  if (process.env[CHILD_MARK]) return null;
  const needed = statSync(file).size * HEAP_PER_FILE_BYTE;
  const limit = v8.getHeapStatistics().heap_size_limit;
  if (needed < limit * 0.8) return null;
  const megabytes = Math.floor(Math.min(totalmem() * 0.75, Math.max(needed * 1.25, limit)) / MB);
  if (megabytes * MB <= limit) return null;
  console.error(`npm run import: a large file; running with a ${(megabytes / 1024).toFixed(1)} GB heap`);
  const child = spawn(
    process.execPath,
    [...process.execArgv, `--max-old-space-size=${megabytes}`, ...process.argv.slice(1)],
    {
      stdio: 'inherit',
      env: { ...process.env, [CHILD_MARK]: '1' },
    },
  );
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(`npm run import: ${error.message}`);
    console.error(USAGE);
    return error.message ? 2 : 0;
  }
  const rerun = await rerunWithLargerHeap(args.file);
  if (rerun !== null) return rerun;
  const started = performance.now();
  const fileName = path.basename(args.file);
  const options: ImportOptions = {
    format: args.format,
    fileName,
    datasetId: args.name,
    skipInvalid: args.skipInvalid,
    ...(args.years ? { years: args.years } : {}),
    ...(args.title !== undefined ? { title: args.title } : {}),
    ...(args.description !== undefined ? { description: args.description } : {}),
  };
  const reportTemporary = path.join(args.out, 'datasets', `.${args.name}.import-report.csv.tmp-${process.pid}`);
  let report: WriteStream | null = null;
  let reported = 0;
  const onProblem = (p: ImportProblem) => {
    if (!args.skipInvalid) return;
    if (!report) {
      report = createWriteStream(reportTemporary, { encoding: 'utf8' });
      report.write('file,line,column,value,expected\n');
    }
    reported++;
    report.write(`${[p.file, p.line, p.column, p.value, p.expected].map(csvCell).join(',')}\n`);
  };
  if (args.skipInvalid) await mkdir(path.dirname(reportTemporary), { recursive: true });
  console.error(`npm run import: reading ${args.file} as ${args.format}…`);

  try {
    const result = await importFileStream(args, options, onProblem);
    const closeReport = () =>
      new Promise<void>((resolve) => (report ? (report as WriteStream).end(resolve) : resolve()));
    await closeReport();
    const parsed = performance.now();

    for (const warning of result.warnings) console.error(`warning: ${warning}`);
    if (!result.dataset) {
      for (const p of result.problems) console.error(formatImportProblem(p));
      if (result.moreProblems > 0) console.error(`… and ${fmt(result.moreProblems)} more problem(s)`);
      const refusedRows =
        result.rowsRefused > 0
          ? `${fmt(result.rowsRefused)} of ${fmt(result.rowsRead)} row(s) refused`
          : `the file was refused`;
      console.error(
        `npm run import: ${refusedRows} in ${args.file}; nothing was written${result.rowsRefused > 0 && !args.skipInvalid ? ' (--skip-invalid imports the rest)' : ''}`,
      );
      return 1;
    }
    const dataset = result.dataset;
    const inconsistencies = findDatasetInconsistencies(dataset);
    if (inconsistencies.length > 0)
      throw new Error(
        `internal error: the imported dataset is inconsistent:\n${inconsistencies.slice(0, 20).join('\n')}`,
      );

    console.error(`  encoding the pack of ${fmt(dataset.events.length)} events…`);
    // Up to a few hundred thousand events the search index is built in a worker thread while the tables are
    // encoded here (100,000 rows: 20.7 → 17.8 s). Above, the thread's copy of the documents costs more memory than
    // the time is worth (1,000,000 rows: 8.9 GB peak against 7.0 GB), so it is built here, after the tables.
    const index = dataset.events.length <= THREADED_INDEX_MAX_EVENTS ? serializeSearchInThread(dataset) : null;
    const tables = encodePackTables(dataset);
    const files = tables.finish(index ? await index : serializeEventSearch(dataset));
    const encoded = performance.now();
    const entry = entryOfPack(files, args.name, {
      format: args.format,
      file: fileName,
      at: new Date().toISOString(),
    });
    const { extent } = entry;
    const { folder } = await writeDatasetPack(args.out, entry, files);
    const reportFile = path.join(folder, 'import-report.csv');
    if (reported > 0) await rename(reportTemporary, reportFile);
    const bytes = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
    const rel = (p: string) => path.relative(process.cwd(), p) || '.';

    console.log(
      `imported ${fmt(dataset.events.length)} events (${fmt(result.rowsRead)} rows read${result.skipped > 0 ? `, ${fmt(result.skipped)} skipped` : ''}), ${fmt(dataset.actors.length)} actors, ${fmt(dataset.places.length)} places, ${fmt(dataset.sources.length)} source(s)${extent ? `, ${extent.earliest} to ${extent.latest}` : ''}`,
    );
    console.log(
      `  → ${rel(folder)}/ (${files.length} files, ${(bytes / MB).toFixed(1)} MB), listed in ${rel(path.join(args.out, 'datasets.json'))} as "${args.name}"`,
    );
    if (reported > 0)
      console.log(`  ${fmt(result.skipped)} skipped row(s), ${fmt(reported)} problem(s): see ${rel(reportFile)}`);
    const rss = process.resourceUsage().maxRSS / 1024;
    console.log(
      `  time ${seconds(performance.now() - started)} (read ${seconds(parsed - started)}, encode ${seconds(encoded - parsed)}, write ${seconds(performance.now() - encoded)}), peak RSS ${rss.toFixed(0)} MB`,
    );
    return 0;
  } finally {
    await rm(reportTemporary, { force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
