/**
 * The contract of the importers (ACLED exports, plain spreadsheets, GeoJSON): what a caller passes and gets back.
 * Shared by the CLI (`npm run import`), the browser's "Open a file…" worker and the tests.
 */
import type { Dataset } from '../dataset-schema.ts';

export type ImportFormat = 'acled' | 'csv' | 'geojson';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['acled', 'csv', 'geojson'];

/** One refused row (or the reason a whole file was refused): where, what was there, and what was expected. */
export interface ImportProblem {
  file: string;
  /** Physical line of the file (1-based, the header is line 1); null when the file has no lines (GeoJSON). */
  line: number | null;
  /** The column (or, for GeoJSON, the property path such as "features[3].properties.date"); null for the row. */
  column: string | null;
  /** The value found, as written (long values shortened); null when nothing was there to quote. */
  value: string | null;
  expected: string;
}

export interface ImportOptions {
  format: ImportFormat;
  /** The file's name as the user knows it ("acled.csv"): used in messages, titles and record locations. */
  fileName: string;
  datasetId: string;
  title?: string;
  description?: string;
  /** Import the valid rows and count the rest as skipped, instead of refusing the whole file. */
  skipInvalid?: boolean;
  /** The years a date may fall in (inclusive); DEFAULT_YEARS (1000–2100), as for the curated dataset, if not given. */
  years?: { from: number; to: number };
}

export interface ImportResult {
  /** Null when the file was refused. */
  dataset: Dataset | null;
  /** The refused rows, or the reasons the file was refused; at most MAX_LISTED_PROBLEMS (see moreProblems). */
  problems: ImportProblem[];
  /** Problems found beyond those listed. */
  moreProblems: number;
  /** Data rows (or features) read, blank lines excluded. */
  rowsRead: number;
  eventsImported: number;
  /** Rows refused and left out because skipInvalid was set (0 when the file was refused). */
  skipped: number;
  /** Rows refused, whether the file then was (default) or they were skipped (skipInvalid). */
  rowsRefused: number;
  warnings: string[];
}

export const MAX_LISTED_PROBLEMS = 1000;
const MAX_VALUE_LENGTH = 80;

/** A value as a message quotes it: one line, shortened. */
export function quoteValue(value: string): string {
  const flat = value.replace(/\r\n|\r|\n/g, '⏎');
  return flat.length > MAX_VALUE_LENGTH ? `${flat.slice(0, MAX_VALUE_LENGTH - 1)}…` : flat;
}

/**
 * 'acled.csv line 14, column "event_date": "31 Febuary 2020" — expected a day such as "05 March 2020" or
 * "2020-03-05"'. GeoJSON problems name the feature instead of a line: 'events.geojson, features[3].geometry: …'.
 */
export function formatImportProblem(p: ImportProblem): string {
  let where = p.line === null ? p.file : `${p.file} line ${p.line}`;
  if (p.column !== null)
    where += p.line === null && /^features\[/.test(p.column) ? `, ${p.column}` : `, column "${p.column}"`;
  const found = p.value === null ? '' : `: "${quoteValue(p.value)}"`;
  return `${where}${found} — expected ${p.expected}`;
}
