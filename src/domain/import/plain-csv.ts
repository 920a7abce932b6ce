/** A plain spreadsheet of events (see plain.ts and data/templates/README.md), read row by row. */
import type { ImportHooks } from './builder.ts';
import { PlainEvents, isExtraColumn, resolveColumns, type PlainColumn } from './plain.ts';
import type { RowImporter } from './row-importer.ts';
import { Columns, hashRow, headerProblems, notDelimitedText, type CellProblem } from './rows.ts';
import type { ImportOptions, ImportProblem } from './types.ts';

export function createPlainCsvImporter(options: ImportOptions, hooks: ImportHooks = {}): RowImporter {
  const events = new PlainEvents(options, hooks, 'spreadsheet');
  const b = events.b;
  const file = options.fileName;
  let columns: Columns | null = null;
  let names = resolveColumns(() => false);
  let extras: { name: string; index: number }[] = [];

  function header(fields: readonly string[], line: number): void {
    columns = new Columns(fields);
    names = resolveColumns((n) => columns!.has(n));
    const problem = (column: string | null, expected: string) =>
      b.problems.add({ file, line, column, value: null, expected });
    // A JSON, binary or UTF-16 file: say what it is, instead of listing the template's columns as missing.
    const notText = notDelimitedText(fields);
    if (notText !== null) {
      problem(null, notText);
      b.fatal = true;
      return;
    }
    const badNames = headerProblems(fields, file, line);
    if (badNames.length > 0) {
      for (const p of badNames) b.problems.add(p);
      b.fatal = true;
      return;
    }
    // An ACLED export given as "csv" has no title column: point to the importer that reads it.
    const acled = columns.has('event_id_cnty') && columns.has('event_date');
    const hint = acled ? ' (this looks like an ACLED export: import it as acled)' : ' (see data/templates/README.md)';
    if (!names.title) problem('title', `a column named "title"${hint}`);
    if (!names.date && !names.start) problem('date', 'a column named "date", or "start" (and "end")');
    for (const c of columns.duplicates) problem(c, `the column "${c}" once, not twice`);
    b.fatal = !names.title || (!names.date && !names.start) || columns.duplicates.length > 0;
    extras = columns.names.map((name, index) => ({ name, index })).filter((c) => isExtraColumn(c.name));
  }

  function row(values: readonly string[], line: number): void {
    if (!columns || b.fatal) return;
    b.noteEncoding(values, line);
    const c = columns;
    if (values.length > c.names.length && values.slice(c.names.length).some((v) => v.trim() !== '')) {
      b.rowsRead++;
      return b.refuseRow([
        {
          file,
          line,
          column: null,
          value: null,
          expected: `at most ${c.names.length} values, one per column of the header (this row has ${values.length}; is a comma inside a value not quoted?)`,
        },
      ]);
    }
    events.add(
      (column: PlainColumn) => c.get(values, names[column]),
      names,
      extras.map((x) => [x.name, (values[x.index] ?? '').trim()] as const),
      {
        line,
        columnName: (column) => column,
        location: `${file}, line ${line}`,
        fallbackId: `line ${line}`,
        hash: hashRow(values),
      },
    );
  }

  function rowError(line: number, problems: readonly CellProblem[]): void {
    if (!columns || b.fatal) return;
    b.rowsRead++;
    b.refuseRow(problems.map(({ column, expected }) => ({ file, line, column, value: null, expected })));
  }

  function fail(problem: ImportProblem): void {
    b.problems.add(problem);
    b.fatal = true;
  }

  function finish() {
    if (!columns && !b.fatal)
      b.problems.add({ file, line: 1, column: null, value: null, expected: 'a header row naming the columns' });
    return events.finish(`Events from ${file}`, !columns);
  }

  return { header, row, rowError, fail, finish };
}
