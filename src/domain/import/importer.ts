/**
 * Entry points: pick the format, feed papaparse's rows to an importer with physical line numbers, and import a
 * whole string or Blob (the browser worker and the tests). Framework-free and without Node imports, so it runs in
 * a Web Worker as well as in the CLI, which streams a file through the same `createImporter` + `createCsvFeed`.
 */
import Papa from 'papaparse';
import { Utf8StreamDecoder, describeUtf8Failure, type Utf8Failure } from '../utf8.ts';
import { createAcledImporter } from './acled.ts';
import { refusedFile, type ImportHooks } from './builder.ts';
import { importGeoJsonText } from './geojson.ts';
import { createPlainCsvImporter } from './plain-csv.ts';
import type { RowImporter } from './row-importer.ts';
import {
  MAX_VALUE_CHARS,
  controlCharacterProblem,
  lineBreaksIn,
  normaliseColumnName,
  type CellProblem,
} from './rows.ts';
import type { ImportFormat, ImportOptions, ImportProblem, ImportResult } from './types.ts';

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

export { MAX_VALUE_CHARS };

/**
 * Turns papaparse's `step` results into importer calls with the physical line each row starts on: every row
 * advances the count by one plus the line breaks inside its quoted values, so multi-line notes, CRLF and blank
 * lines keep the numbers right. Leading blank lines before the header, blank rows and rows of empty cells are
 * skipped (a spreadsheet's trailing ",,,," rows included). A row with a value longer than MAX_VALUE_CHARS or
 * holding a control character is refused here, naming the column, before any importer reads it.
 */
export function createCsvFeed(importer: RowImporter): { step: (results: Papa.ParseStepResult<string[]>) => void } {
  let line = 1;
  let headerSeen = false;
  let headerNames: readonly string[] = [];
  const columnName = (i: number) => (i < headerNames.length && headerNames[i] !== '' ? headerNames[i]! : null);
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
        importer.rowError(start, [
          {
            column: null,
            expected:
              quoteError.code === 'MissingQuotes'
                ? 'a closing double quote (") for the quoted value that starts on this line'
                : 'a quoted value to end with a double quote followed by a comma or the end of the line (a " inside a quoted value is written "")',
          },
        ]);
        return;
      }
      if (values.every((v) => v.trim() === '')) return;
      // Excel's "sep=;" first line (written by some exports, read by Excel to pick the delimiter) is not the header.
      if (!headerSeen && /^sep=.?$/i.test(values.join(results.meta.delimiter).trim())) return;
      if (!headerSeen) {
        headerSeen = true;
        headerNames = values.map(normaliseColumnName);
        importer.header(values, start);
        return;
      }
      // One pass of cheap checks per value (a length, a charCode loop); a problem list only for a refused row.
      let problems: CellProblem[] | null = null;
      for (let i = 0; i < values.length; i++) {
        const value = values[i]!;
        // A value no event field needs (a 50 MB "title" would be drawn, indexed and exported whole): refused.
        if (value.length > MAX_VALUE_CHARS) {
          (problems ??= []).push({
            column: columnName(i),
            expected: `values of at most ${MAX_VALUE_CHARS.toLocaleString('en-US')} characters; column ${columnName(i) === null ? `number ${i + 1}` : `"${columnName(i)}"`} has ${value.length.toLocaleString('en-US')}`,
          });
          continue;
        }
        const control = controlCharacterProblem(value);
        if (control !== null) (problems ??= []).push({ column: columnName(i) ?? `number ${i + 1}`, expected: control });
      }
      if (problems) importer.rowError(start, problems);
      else importer.row(values, start);
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

/** The problem of a file that is not UTF-8: where the first bad byte is, and how to save it right. */
export function notUtf8Problem(options: ImportOptions, failure: Utf8Failure): ImportProblem {
  const save =
    options.format === 'geojson' ? 'save the file as UTF-8' : 'save the file as UTF-8 (in Excel: "CSV UTF-8")';
  return {
    file: options.fileName,
    line: failure.line,
    column: null,
    value: null,
    expected: `UTF-8 text, but ${describeUtf8Failure(failure)}: ${save}`,
  };
}

/** A stream's chunks, read in turn: a Blob's (File's) stream in a browser, worker or Node. */
async function* blobChunks(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * A stand-in for a Node Readable that papaparse streams from (it asks for `readable`, `read`, `on`, `pause`,
 * `resume`, `removeListener`): the decoded text of each chunk is handed over as it comes, and papaparse parses it
 * at once, so rows reach the importer while the file is read, in browsers and workers as in Node.
 */
class TextFeed {
  readonly readable = true;
  private readonly listeners = new Map<string, ((arg?: unknown) => void)[]>();
  read(): null {
    return null;
  }
  on(event: string, listener: (arg?: unknown) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  removeListener(event: string, listener: (arg?: unknown) => void): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  pause(): void {}
  resume(): void {}
  emit(event: 'data' | 'end' | 'error', arg?: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(arg);
  }
}

/**
 * Imports a file given as chunks of bytes (a file stream's reads, a Blob's stream). The bytes must be UTF-8 (a
 * byte-order mark is fine): the first that is not refuses the whole file, with its byte offset and line, and
 * nothing after it is read. `onChunk` gets the bytes read and the rows parsed so far after each chunk.
 */
export async function importChunks(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: ImportOptions,
  hooks: ImportHooks = {},
  onChunk?: (bytesRead: number, rowsParsed: number) => void,
): Promise<ImportResult> {
  const decoder = new Utf8StreamDecoder();
  let bytesRead = 0;
  let rows = 0;
  if (options.format === 'geojson') {
    const parts: string[] = [];
    for await (const chunk of chunks) {
      const text = decoder.decode(chunk);
      if (text === null) break;
      parts.push(text);
      bytesRead += chunk.length;
      onChunk?.(bytesRead, 0);
    }
    const rest = decoder.end();
    if (rest === null) return refusedFile(options, hooks, notUtf8Problem(options, decoder.failure!));
    parts.push(rest);
    return importGeoJsonText(parts.join(''), options, hooks);
  }
  const importer = createImporter(options, hooks);
  const feed = createCsvFeed(importer);
  const input = new TextFeed();
  let failed: unknown = null;
  let completed = false;
  Papa.parse<string[]>(input as unknown as File, {
    ...CSV_PARSE_CONFIG,
    step: (results: Papa.ParseStepResult<string[]>) => {
      rows++;
      feed.step(results);
    },
    complete: () => {
      completed = true;
    },
    error: (error: Error) => {
      failed = error;
    },
  });
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk);
    if (text === null) break;
    if (text !== '') input.emit('data', text);
    if (failed) throw failed;
    bytesRead += chunk.length;
    onChunk?.(bytesRead, rows);
  }
  const rest = decoder.end();
  if (rest === null) {
    importer.fail(notUtf8Problem(options, decoder.failure!));
    return importer.finish();
  }
  if (rest !== '') input.emit('data', rest);
  input.emit('end');
  if (failed) throw failed;
  if (!completed) throw new Error('internal error: the CSV parser did not finish');
  return importer.finish();
}

/**
 * Imports a whole file given as text, bytes or a Blob/File (read as a stream of chunks, so a browser worker reads
 * a large File in bounded pieces). Bytes and Blobs must be UTF-8 (see importChunks). `onProgress` gets the
 * fraction read, from 0 to 1, at most about a hundred times.
 */
export async function importSource(
  input: string | Blob | Uint8Array,
  options: ImportOptions,
  onProgress?: (fraction: number) => void,
  hooks: ImportHooks = {},
): Promise<ImportResult> {
  if (typeof input !== 'string') {
    const total = input instanceof Uint8Array ? input.length : input.size;
    let reported = 0;
    const result = await importChunks(
      input instanceof Uint8Array ? [input] : blobChunks(input),
      options,
      hooks,
      (bytes) => {
        const fraction = total > 0 ? Math.min(1, bytes / total) : 1;
        if (onProgress && fraction - reported >= 0.01) {
          reported = fraction;
          onProgress(fraction);
        }
      },
    );
    onProgress?.(1);
    return result;
  }
  if (options.format === 'geojson') {
    const result = importGeoJsonText(input, options, hooks);
    onProgress?.(1);
    return result;
  }
  const importer = createImporter(options, hooks);
  const feed = createCsvFeed(importer);
  const total = input.length;
  let reported = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(input, {
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
    });
  });
  onProgress?.(1);
  return importer.finish();
}
