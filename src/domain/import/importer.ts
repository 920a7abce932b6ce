/**
 * Entry points: pick the format, feed papaparse's rows to an importer with physical line numbers, and import a
 * whole string or Blob (the browser worker and the tests). Framework-free and without Node imports, so it runs in
 * a Web Worker as well as in the CLI, which streams a file through the same `createImporter` + `createCsvFeed`.
 */
import Papa from 'papaparse';
import { createAcledImporter } from './acled.ts';
import type { ImportHooks } from './builder.ts';
import { importGeoJsonText } from './geojson.ts';
import { createPlainCsvImporter } from './plain-csv.ts';
import type { RowImporter } from './row-importer.ts';
import { lineBreaksIn, normaliseColumnName } from './rows.ts';
import type { ImportFormat, ImportOptions, ImportResult } from './types.ts';

/** An incremental importer of a delimited file (acled or csv); GeoJSON is read whole with importGeoJsonText. */
export function createImporter(options: ImportOptions, hooks: ImportHooks = {}): RowImporter {
  if (options.format === 'acled') return createAcledImporter(options, hooks);
  if (options.format === 'csv') return createPlainCsvImporter(options, hooks);
  throw new Error(`createImporter reads delimited files; read ${options.format} with importGeoJsonText`);
}

/**
 * The delimiter of a file, from its first chunk: the one an Excel "sep=;" first line names (papaparse would guess
 * from that line and take the file as one column), else papaparse's own guess.
 */
function delimiterOf(input: string): string {
  const directive = /^\uFEFF?sep=([^\r\n"])[ \t]*(\r\n|\n|\r)/i.exec(input);
  if (directive) return directive[1]!;
  // Not papaparse's ASCII record/unit separators: a gzip file starts with \u001f, which would then split it.
  return Papa.parse<string[]>(input, { preview: 10, delimitersToGuess: [',', '\t', '|', ';'] }).meta.delimiter || ',';
}

/** What papaparse is asked for: raw rows (we match the header ourselves), blank lines kept so lines can be counted. */
export const CSV_PARSE_CONFIG = {
  header: false,
  skipEmptyLines: false,
  dynamicTyping: false,
  delimiter: delimiterOf,
} as const;

/** The longest value a cell may hold: ten times ACLED's longest notes, far below what would hurt the app. */
export const MAX_VALUE_CHARS = 100_000;

/**
 * Turns papaparse's `step` results into importer calls with the physical line each row starts on: every row
 * advances the count by one plus the line breaks inside its quoted values, so multi-line notes, CRLF and blank
 * lines keep the numbers right. Leading blank lines before the header, blank rows and rows of empty cells are
 * skipped (a spreadsheet's trailing ",,,," rows included).
 */
export function createCsvFeed(importer: RowImporter): { step: (results: Papa.ParseStepResult<string[]>) => void } {
  let line = 1;
  let headerSeen = false;
  let headerNames: readonly string[] = [];
  return {
    step(results) {
      const values = results.data;
      const start = line;
      line += 1 + lineBreaksIn(values);
      const quoteError = results.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        if (!headerSeen) {
          headerSeen = true;
          importer.header(values, start);
        }
        importer.rowError(
          start,
          quoteError.code === 'MissingQuotes'
            ? 'a closing double quote (") for the quoted value that starts on this line'
            : 'a quoted value to end with a double quote followed by a comma or the end of the line (a " inside a quoted value is written "")',
        );
        return;
      }
      if (values.every((v) => v.trim() === '')) return;
      // Excel's "sep=;" first line (written by some exports, read by Excel to pick the delimiter) is not the header.
      if (!headerSeen && /^sep=.?$/i.test(values.join(results.meta.delimiter).trim())) return;
      if (!headerSeen) {
        headerSeen = true;
        headerNames = values;
        importer.header(values, start);
        return;
      }
      // A value no event field needs (a 50 MB "title" would be drawn, indexed and exported whole): refused.
      const huge = values.findIndex((v) => v.length > MAX_VALUE_CHARS);
      if (huge >= 0) {
        const name = headerNames[huge] ?? `number ${huge + 1}`;
        importer.rowError(
          start,
          `values of at most ${MAX_VALUE_CHARS.toLocaleString('en-US')} characters; column "${name}" has ${values[huge]!.length.toLocaleString('en-US')}`,
        );
        return;
      }
      importer.row(values, start);
    },
  };
}

/**
 * The format of a file from its name and its first ~64 kB: GeoJSON by a .geojson name or a JSON FeatureCollection,
 * ACLED by its header (event_id_cnty and event_date), any other delimited text as a plain spreadsheet. Null for
 * other JSON (a dataset pack's manifest, dataset.json) and empty files.
 */
export function detectImportFormat(fileName: string, head: string): ImportFormat | null {
  const name = fileName.toLowerCase();
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (name.endsWith('.geojson')) return 'geojson';
  if (text.startsWith('{') || text.startsWith('['))
    return /"type"\s*:\s*"FeatureCollection"/.test(text) ? 'geojson' : null;
  if (name.endsWith('.json') || text === '') return null;
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const fields = new Set(firstLine.split(/[,;\t|]/).map((f) => normaliseColumnName(f.replace(/^\s*"|"\s*$/g, ''))));
  if (fields.has('event_id_cnty') && fields.has('event_date')) return 'acled';
  return 'csv';
}

/**
 * Imports a whole file given as text or a Blob/File (in a browser worker papaparse streams the File in chunks).
 * `onProgress` gets the fraction read, from 0 to 1, at most about a hundred times.
 */
export async function importSource(
  input: string | Blob,
  options: ImportOptions,
  onProgress?: (fraction: number) => void,
  hooks: ImportHooks = {},
): Promise<ImportResult> {
  if (options.format === 'geojson') {
    const text = typeof input === 'string' ? input : await input.text();
    const result = importGeoJsonText(text, options, hooks);
    onProgress?.(1);
    return result;
  }
  const importer = createImporter(options, hooks);
  const feed = createCsvFeed(importer);
  // Without FileReader (Node, tests) papaparse cannot stream a Blob: read it as text first.
  const source: string | Blob =
    typeof input !== 'string' && typeof FileReader === 'undefined' ? await input.text() : input;
  const total = typeof source === 'string' ? source.length : source.size;
  let reported = 0;
  await new Promise<void>((resolve, reject) => {
    const config = {
      ...CSV_PARSE_CONFIG,
      step: (results: Papa.ParseStepResult<string[]>) => {
        feed.step(results);
        if (onProgress && total > 0) {
          const fraction = Math.min(1, results.meta.cursor / total);
          if (fraction - reported >= 0.01) {
            reported = fraction;
            onProgress(fraction);
          }
        }
      },
      complete: () => resolve(),
      error: (error: Error) => reject(error),
    };
    if (typeof source === 'string') Papa.parse<string[]>(source, config);
    else Papa.parse<string[]>(source as File, config);
  });
  onProgress?.(1);
  return importer.finish();
}
