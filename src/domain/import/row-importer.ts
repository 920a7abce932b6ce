/** The incremental interface every delimited-file importer offers: fed one parsed row at a time. */
import type { CellProblem } from './rows.ts';
import type { ImportProblem, ImportResult } from './types.ts';

export interface RowImporter {
  /** The header row (physical line 1 unless blank lines precede it). */
  header(fields: readonly string[], line: number): void;
  /** A data row and the physical line it starts on. */
  row(values: readonly string[], line: number): void;
  /**
   * A row refused before it is read (an unclosed quote, a value too long or holding a control character): each
   * problem with its column (null for the row), and what was expected.
   */
  rowError(line: number, problems: readonly CellProblem[]): void;
  /** A reason the whole file is refused, whatever skipInvalid says (bytes that are not UTF-8); nothing more is read. */
  fail(problem: ImportProblem): void;
  finish(): ImportResult;
}
