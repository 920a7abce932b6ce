/** The incremental interface every delimited-file importer offers: fed one parsed row at a time. */
import type { ImportResult } from './types.ts';

export interface RowImporter {
  /** The header row (physical line 1 unless blank lines precede it). */
  header(fields: readonly string[], line: number): void;
  /** A data row and the physical line it starts on. */
  row(values: readonly string[], line: number): void;
  /** A row the CSV parser could not read (an unclosed quote): refused with what was expected. */
  rowError(line: number, expected: string): void;
  finish(): ImportResult;
}
