/** Reading rows of a delimited file by column name: names matched trimmed, case-insensitively, in any order. */
import type { ImportProblem } from './types.ts';

/** "  Event_Date " → "event_date"; "SOURCE SCALE" → "source_scale"; a leading byte-order mark is dropped. */
export function normaliseColumnName(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '_');
}

export class Columns {
  readonly names: string[];
  private readonly index = new Map<string, number>();
  readonly duplicates: string[] = [];

  constructor(fields: readonly string[]) {
    this.names = fields.map(normaliseColumnName);
    this.names.forEach((name, i) => {
      if (name === '') return;
      if (this.index.has(name)) this.duplicates.push(name);
      else this.index.set(name, i);
    });
  }

  has(name: string): boolean {
    return this.index.has(name);
  }

  /** The first of the names that is a column, or null. */
  find(...names: string[]): string | null {
    return names.find((n) => this.index.has(n)) ?? null;
  }

  indexOf(name: string): number {
    return this.index.get(name) ?? -1;
  }

  /** The trimmed value of the column in the row ("" when the column or the value is absent). */
  get(values: readonly string[], name: string | null): string {
    if (name === null) return '';
    const i = this.index.get(name);
    return i === undefined ? '' : (values[i] ?? '').trim();
  }
}

/** Collects the problems of one row, each naming the file, the row's line, the column and the value. */
export class RowProblems {
  readonly list: ImportProblem[] = [];
  constructor(
    private readonly file: string,
    private readonly line: number | null,
    /** How a column is named in messages (GeoJSON: "features[3].properties.date"); null is the row itself. */
    private readonly columnName: (column: string | null) => string | null = (column) => column,
  ) {}

  add(column: string | null, value: string | null, expected: string): void {
    this.list.push({ file: this.file, line: this.line, column: this.columnName(column), value, expected });
  }

  get ok(): boolean {
    return this.list.length === 0;
  }
}

/** A decimal number written with a point ("36.21", "-3", "4e-2" refused as unusual), or null. */
export function parseDecimal(text: string): number | null {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  return Number(text);
}

/** 32-bit FNV-1a of a row's values: tells an identical duplicate row from a conflicting one without keeping rows. */
export function hashRow(values: readonly string[]): number {
  let h = 0x811c9dc5;
  for (const value of values) {
    for (let i = 0; i < value.length; i++) {
      h ^= value.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x1f;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Semicolon-separated names, trimmed, empty ones and repeats dropped. */
export function splitNames(text: string): string[] {
  if (text === '') return [];
  return [
    ...new Set(
      text
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** Physical line breaks inside a row's values (CRLF counts once): how far the next row starts below this one. */
export function lineBreaksIn(values: readonly string[]): number {
  let n = 0;
  for (const value of values) {
    for (let i = value.indexOf('\n') === -1 && value.indexOf('\r') === -1 ? value.length : 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c === 10) n++;
      else if (c === 13) {
        n++;
        if (value.charCodeAt(i + 1) === 10) i++;
      }
    }
  }
  return n;
}
