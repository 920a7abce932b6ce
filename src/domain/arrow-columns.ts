/**
 * Reading Arrow columns (decoded by @uwdata/flechette) into the flat typed arrays the engine works on. Each reader
 * checks what it relies on — the column exists, has the expected type family and length, every dictionary value is
 * in the expected vocabulary, every reference is inside its table — and throws a PackError naming the file, the
 * column and the row otherwise: a malformed pack is refused, never shown wrong.
 *
 * A column may come in several record batches (writers other than ours split them); every reader concatenates.
 */
import type { Column, Table } from '@uwdata/flechette';

export class PackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackError';
  }
}

/** The parts of a flechette batch this module reads (flechette's public Batch fields). */
interface RawBatch {
  length: number;
  nullCount: number;
  validity: Uint8Array | null;
  values: ArrayLike<number> | null;
  offsets: Int32Array | null;
  children: RawBatch[] | null;
  dictionary?: { toArray(): ArrayLike<unknown> } | null;
}

export interface TableReader {
  file: string;
  table: Table;
  rows: number;
}

export function readerOf(file: string, table: Table, expectedRows: number): TableReader {
  if (table.numRows !== expectedRows)
    throw new PackError(`${file}: ${table.numRows} rows, the manifest declares ${expectedRows}`);
  return { file, table, rows: expectedRows };
}

function columnOf(reader: TableReader, name: string): Column<unknown> {
  const column = reader.table.getChild(name);
  if (!column) throw new PackError(`${reader.file}: no column "${name}"`);
  if (column.length !== reader.rows)
    throw new PackError(`${reader.file}: column "${name}" has ${column.length} values, expected ${reader.rows}`);
  return column;
}

function batchesOf(reader: TableReader, name: string): RawBatch[] {
  return columnOf(reader, name).data as unknown as RawBatch[];
}

function isValid(batch: RawBatch, i: number): boolean {
  return batch.nullCount === 0 || !batch.validity || (batch.validity[i >> 3]! & (1 << (i & 7))) !== 0;
}

/** A non-null integer (or date32) column as one Int32Array. */
export function int32Column(reader: TableReader, name: string): Int32Array {
  const out = new Int32Array(reader.rows);
  let at = 0;
  for (const batch of batchesOf(reader, name)) {
    if (!batch.values || typeof (batch.values as Int32Array).BYTES_PER_ELEMENT !== 'number')
      throw new PackError(`${reader.file}: column "${name}" is not an integer column`);
    if (batch.nullCount > 0) throw new PackError(`${reader.file}: column "${name}" has missing values`);
    out.set((batch.values as Int32Array).subarray(0, batch.length), at);
    at += batch.length;
  }
  return out;
}

/** Stands for a missing day in a nullable date32 column (no real epoch day is this far in the past). */
export const NO_DAY = -2_147_483_648;

/** A nullable integer column: nulls become `missing`. */
export function nullableInt32Column(reader: TableReader, name: string, missing = -1): Int32Array {
  const out = new Int32Array(reader.rows);
  let at = 0;
  for (const batch of batchesOf(reader, name)) {
    const values = batch.values as Int32Array | null;
    for (let i = 0; i < batch.length; i++) out[at + i] = isValid(batch, i) && values ? values[i]! : missing;
    at += batch.length;
  }
  return out;
}

export function float64Column(reader: TableReader, name: string): Float64Array {
  const out = new Float64Array(reader.rows);
  let at = 0;
  for (const batch of batchesOf(reader, name)) {
    if (!(batch.values instanceof Float64Array)) throw new PackError(`${reader.file}: column "${name}" is not float64`);
    out.set(batch.values.subarray(0, batch.length), at);
    at += batch.length;
  }
  return out;
}

/**
 * A dictionary-encoded string column as codes into `vocabulary` (code = position + 1; 0 = null, refused unless
 * `nullable`). A value outside the vocabulary is refused with its row.
 */
export function codeColumn(
  reader: TableReader,
  name: string,
  vocabulary: readonly string[],
  nullable = false,
): Uint8Array {
  const out = new Uint8Array(reader.rows);
  let at = 0;
  for (const batch of batchesOf(reader, name)) {
    const keys = batch.values;
    const dictionary = batch.dictionary?.toArray();
    if (!keys || !dictionary) throw new PackError(`${reader.file}: column "${name}" is not dictionary-encoded`);
    const codeOf = Array.from(dictionary, (value) => vocabulary.indexOf(String(value)) + 1);
    for (let i = 0; i < batch.length; i++) {
      if (!isValid(batch, i)) {
        if (!nullable) throw new PackError(`${reader.file}: column "${name}", row ${at + i}: missing value`);
        continue;
      }
      const code = codeOf[keys[i]!];
      if (!code)
        throw new PackError(
          `${reader.file}: column "${name}", row ${at + i}: ${JSON.stringify(dictionary[keys[i]!])} is not one of ${vocabulary.join(', ')}`,
        );
      out[at + i] = code;
    }
    at += batch.length;
  }
  return out;
}

/** Compressed sparse rows: the values of row r are values[offsets[r] .. offsets[r + 1]). */
export interface Csr<Values extends Int32Array | Uint8Array = Int32Array> {
  offsets: Int32Array;
  values: Values;
}

function listBatches(reader: TableReader, name: string): { batch: RawBatch; child: RawBatch; offsets: Int32Array }[] {
  return batchesOf(reader, name).map((batch) => {
    const child = batch.children?.[0];
    if (!batch.offsets || !child) throw new PackError(`${reader.file}: column "${name}" is not a list column`);
    if (batch.nullCount > 0) throw new PackError(`${reader.file}: column "${name}" has missing lists`);
    return { batch, child, offsets: batch.offsets };
  });
}

/**
 * A list column as CSR, concatenated over its batches. `reading(child)` checks one batch's child values and returns
 * how to read (and check) the value at child position j of a given row.
 */
function listColumn<Values extends Int32Array | Uint8Array>(
  reader: TableReader,
  name: string,
  allocate: (length: number) => Values,
  reading: (child: RawBatch) => (j: number, row: number) => number,
): Csr<Values> {
  const parts = listBatches(reader, name);
  const offsets = new Int32Array(reader.rows + 1);
  let total = 0;
  for (const { batch, offsets: o } of parts) total += o[batch.length]! - o[0]!;
  const values = allocate(total);
  let row = 0;
  let at = 0;
  for (const { batch, child, offsets: o } of parts) {
    const valueAt = reading(child);
    for (let i = 0; i < batch.length; i++, row++) {
      offsets[row] = at;
      for (let j = o[i]!; j < o[i + 1]!; j++) values[at++] = valueAt(j, row);
    }
  }
  offsets[reader.rows] = at;
  return { offsets, values };
}

/** A list<int32> column as CSR, every value checked to lie in [0, bound) (a row reference into another table). */
export function rowListColumn(reader: TableReader, name: string, bound: number): Csr {
  return listColumn(
    reader,
    name,
    (length) => new Int32Array(length),
    (child) => {
      const childValues = child.values as Int32Array | null;
      if (!childValues) throw new PackError(`${reader.file}: column "${name}" holds no integers`);
      return (j, row) => {
        const value = childValues[j]!;
        if (!(value >= 0 && value < bound))
          throw new PackError(`${reader.file}: column "${name}", row ${row}: reference ${value} outside [0, ${bound})`);
        return value;
      };
    },
  );
}

/** A list<int32> column of plain integers (offsets into texts): CSR without a bound. */
export function intListColumn(reader: TableReader, name: string): Csr {
  return rowListColumn(reader, name, 2 ** 31 - 1);
}

/** A list<dictionary<utf8>> column as CSR of codes into `vocabulary` (position + 1). */
export function codeListColumn(reader: TableReader, name: string, vocabulary: readonly string[]): Csr<Uint8Array> {
  return listColumn(
    reader,
    name,
    (length) => new Uint8Array(length),
    (child) => {
      const keys = child.values;
      const dictionary = child.dictionary?.toArray();
      if (!keys || !dictionary)
        throw new PackError(`${reader.file}: column "${name}" is not a list of dictionary values`);
      const codeOf = Array.from(dictionary, (value) => vocabulary.indexOf(String(value)) + 1);
      return (j, row) => {
        const code = codeOf[keys[j]!];
        if (!code)
          throw new PackError(
            `${reader.file}: column "${name}", row ${row}: ${JSON.stringify(dictionary[keys[j]!])} is not one of ${vocabulary.join(', ')}`,
          );
        return code;
      };
    },
  );
}

/** Random access to a string column without decoding it all: at 1M rows, only the strings a view shows. */
export interface StringColumn {
  at(row: number): string;
}

export function stringColumn(
  reader: TableReader,
  name: string,
  nullable = false,
): StringColumn & {
  atOrNull(row: number): string | null;
} {
  const column = columnOf(reader, name);
  const atOrNull = (row: number): string | null => {
    const value = column.at(row);
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') throw new PackError(`${reader.file}: column "${name}" is not a text column`);
    return value;
  };
  // Probe once, so a wrongly typed column is refused at load rather than at first use.
  if (reader.rows > 0) {
    const first = atOrNull(0);
    if (first === null && !nullable) throw new PackError(`${reader.file}: column "${name}", row 0: missing value`);
  }
  return {
    atOrNull,
    at: (row) => {
      const value = atOrNull(row);
      if (value === null) {
        if (nullable) return '';
        throw new PackError(`${reader.file}: column "${name}", row ${row}: missing value`);
      }
      return value;
    },
  };
}

/** A whole string column decoded (small tables: actors, places, sources). */
export function stringArray(reader: TableReader, name: string): (string | null)[] {
  const column = columnOf(reader, name);
  return Array.from(column.toArray() as ArrayLike<unknown>, (value, row) => {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') throw new PackError(`${reader.file}: column "${name}", row ${row}: expected text`);
    return value;
  });
}

/** A list<utf8> column decoded (aliases of actors and places). */
export function stringListArray(reader: TableReader, name: string): string[][] {
  const column = columnOf(reader, name);
  return Array.from(column.toArray() as ArrayLike<unknown>, (value, row) => {
    const list = value === null || value === undefined ? [] : Array.from(value as ArrayLike<unknown>);
    if (!list.every((item) => typeof item === 'string'))
      throw new PackError(`${reader.file}: column "${name}", row ${row}: expected a list of texts`);
    return list as string[];
  });
}
