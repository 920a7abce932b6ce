/**
 * Turns a file the user opened into a dataset pack, in the browser: the importers of src/domain/import/ (ACLED
 * exports, plain spreadsheets, GeoJSON) read it into the dataset contract, and the pack encoder writes the same
 * columnar pack `npm run import` writes, which the page then loads like a served one. Runs in the import worker
 * (import-worker.ts), or on the page where workers are unavailable. Nothing leaves the machine.
 */
import {
  detectImportFormat,
  formatImportProblem,
  importSource,
  type ImportFormat,
  type ImportResult,
} from '../domain/import/index.ts';
import { encodePack, type PackFile } from '../domain/pack-encoder.ts';

export type ImportFormatName = ImportFormat;

export interface ImportRequestOptions {
  fileName: string;
  datasetId: string;
  title?: string;
  skipInvalid: boolean;
}

export interface ImportSummary {
  format: ImportFormatName;
  rowsRead: number;
  eventsImported: number;
  skipped: number;
  /** Rows refused (in the file, whether it was then refused or they were skipped). */
  rowsRefused: number;
  /** The problems as the CLI prints them, at most the first 50. */
  problems: string[];
  /** Problems found beyond those listed. */
  moreProblems: number;
  warnings: string[];
}

export type ImportOutcome =
  { type: 'pack'; files: PackFile[]; summary: ImportSummary } | { type: 'refused'; summary: ImportSummary };

/** As many as the CLI lists before "and N more". */
export const LISTED_PROBLEMS = 50;

/** The format of a file from its name and first bytes; null when it is none the importers read. */
export async function formatOf(file: Blob, fileName: string): Promise<ImportFormatName | null> {
  const head = await file.slice(0, 64 * 1024).text();
  return detectImportFormat(fileName, head);
}

function summarise(format: ImportFormatName, result: ImportResult): ImportSummary {
  return {
    format,
    rowsRead: result.rowsRead,
    eventsImported: result.eventsImported,
    skipped: result.skipped,
    rowsRefused: result.rowsRefused,
    // Only the listed problems are worded: a refused file may carry a thousand.
    problems: result.problems.slice(0, LISTED_PROBLEMS).map(formatImportProblem),
    moreProblems: Math.max(0, result.problems.length - LISTED_PROBLEMS) + result.moreProblems,
    warnings: result.warnings,
  };
}

export async function importFile(
  file: Blob,
  options: ImportRequestOptions,
  onProgress: (fraction: number) => void,
): Promise<ImportOutcome> {
  const format = await formatOf(file, options.fileName);
  if (format === null)
    throw new Error(
      `${options.fileName} is not a file this explorer reads: open an ACLED export (.csv), a spreadsheet of events (.csv), a GeoJSON file of points (.geojson, .json) or a dataset pack folder.`,
    );
  const result = await importSource(
    file,
    {
      format,
      fileName: options.fileName,
      datasetId: options.datasetId,
      ...(options.title !== undefined ? { title: options.title } : {}),
      skipInvalid: options.skipInvalid,
    },
    onProgress,
  );
  const summary = summarise(format, result);
  if (result.dataset === null || (summary.rowsRefused > 0 && !options.skipInvalid)) return { type: 'refused', summary };
  return { type: 'pack', files: encodePack(result.dataset), summary };
}
