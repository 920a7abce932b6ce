/** Reading rows of a delimited file by column name: names matched trimmed, case-insensitively, in any order. */
import { codePointName, indexOfControlCharacter, indexOfLoneSurrogate } from '../code-points.ts';
import { DATASET_LIMITS } from '../dataset-limits.ts';
import type { ImportProblem } from './types.ts';

/** A problem of one value of a row refused before it is read: its column (null for the row) and the expectation. */
export interface CellProblem {
  column: string | null;
  expected: string;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The longest value a cell (or a GeoJSON property) may hold: ten times ACLED's longest notes, far below what would
 * hurt the app. Fields with a dataset limit (a title, a name) are held to that, shorter one.
 */
export const MAX_VALUE_CHARS = 100_000;

/**
 * What a value holding a control character (other than tab, line feed and carriage return: a NUL, an escape, a C1
 * character) was expected to be, or null when it holds none. The value is not quoted in the problem: its control
 * characters would reach the terminal or the page.
 */
export function controlCharacterProblem(value: string): string | null {
  const at = indexOfControlCharacter(value);
  if (at < 0) return null;
  return `text without control characters (tab and line breaks are allowed): character ${count(at + 1)} is the control character ${codePointName(value[at]!)}`;
}

/** As controlCharacterProblem, for half a UTF-16 surrogate pair (a JSON "\ud800" escape): not a character. */
export function loneSurrogateProblem(value: string): string | null {
  const at = indexOfLoneSurrogate(value);
  if (at < 0) return null;
  return `whole characters: character ${count(at + 1)} is half a UTF-16 surrogate pair (${codePointName(value[at]!)}), which UTF-8 cannot hold (a "\\u" escape must name a character, not half of one)`;
}

/** The kinds of imported text that have a dataset limit (DATASET_LIMITS, shared with `npm run data`). */
export type LimitedText = 'id' | 'title' | 'name' | 'summary' | 'quote' | 'url';
const LIMITS: Record<LimitedText, { max: number; what: string }> = {
  id: { max: DATASET_LIMITS.idChars, what: 'an id' },
  title: { max: DATASET_LIMITS.titleChars, what: 'a title' },
  name: { max: DATASET_LIMITS.nameChars, what: 'a name' },
  summary: { max: DATASET_LIMITS.summaryChars, what: 'a summary' },
  quote: { max: DATASET_LIMITS.quoteChars, what: 'an excerpt' },
  url: { max: DATASET_LIMITS.urlChars, what: 'a web address' },
};

/**
 * What a value longer than its dataset limit was expected to be, or null when it fits: "a title of at most 300
 * characters (the dataset limit); this one has 412". Not shortened silently: the row is refused.
 */
export function lengthProblem(value: string, kind: LimitedText): string | null {
  const { max, what } = LIMITS[kind];
  if (value.length <= max) return null;
  return `${what} of at most ${count(max)} characters (the dataset limit); this one has ${count(value.length)}`;
}

/** As lengthProblem, for a ";"-separated list of names: each name is limited, not the list (checked cheaply). */
export function namesLengthProblem(list: string): string | null {
  const max = DATASET_LIMITS.nameChars;
  if (list.length <= max) return null;
  const longest = splitNames(list).reduce((n, name) => Math.max(n, name.length), 0);
  if (longest <= max) return null;
  return `names (";"-separated) of at most ${count(max)} characters each (the dataset limit); one has ${count(longest)}`;
}

/**
 * Problems of a header's names (each becomes an attribute's name): a control character, or a name longer than a
 * name's dataset limit. Each refuses the file.
 */
export function headerProblems(fields: readonly string[], file: string, line: number): ImportProblem[] {
  const problems: ImportProblem[] = [];
  fields.forEach((field, i) => {
    const expected = controlCharacterProblem(field) ?? lengthProblem(field.trim(), 'name');
    if (expected !== null && problems.length < 100)
      problems.push({ file, line, column: `number ${i + 1}`, value: null, expected: `a column name: ${expected}` });
  });
  return problems;
}

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
      // Each repeated name once: a hostile header of millions of "a" columns must not list millions of problems.
      if (this.index.has(name)) {
        if (!this.duplicates.includes(name) && this.duplicates.length < 100) this.duplicates.push(name);
      } else this.index.set(name, i);
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

/**
 * What a coordinate column expected, saying why when the value has a decimal comma ("36,2", as spreadsheets in
 * many European locales write it): the comma is not guessed to be a decimal separator, since it may as well be a
 * thousands separator or a list.
 */
export function expectedCoordinate(value: string, what: string): string {
  return /^[+-]?\d+,\d+$/.test(value) ? `${what}, with a point as the decimal separator (not a comma)` : what;
}

/**
 * A coordinate pair of exactly 0, 0 ("Null Island", in the Gulf of Guinea) is what a missing point becomes when a
 * tool writes blanks as zeros; no event of a news or ACLED dataset happens there, and drawing it there would be a
 * false location.
 */
export const isNullIsland = (lat: number, lon: number): boolean => lat === 0 && lon === 0;

/**
 * Sets a record's attribute as an own property even for the name "__proto__": a plain assignment
 * (`attributes["__proto__"] = value`) would silently drop the value (or, with an object value, change the
 * object's prototype). JSON.stringify and Object.entries then see it as any other field.
 */
export function setAttribute(attributes: Record<string, string>, name: string, value: string): void {
  if (name === '__proto__')
    Object.defineProperty(attributes, name, { value, enumerable: true, writable: true, configurable: true });
  else attributes[name] = value;
}

/**
 * Why a file's first row is not the header of a delimited text file, or null when it may be: a JSON document, a
 * compressed or binary file (a .gz, .zip or an Excel workbook), or text in UTF-16 (Excel's "Unicode text"), all
 * of which papaparse would otherwise read as one long garbled header.
 */
export function notDelimitedText(fields: readonly string[]): string | null {
  const head = fields.join(',').slice(0, 4096);
  const trimmed = head.replace(/^\uFEFF/, '').trimStart();
  if (/^[{[]/.test(trimmed))
    return 'a CSV file, not JSON (this looks like a JSON document: import a GeoJSON FeatureCollection as geojson)';
  if (trimmed.startsWith('PK\u0003\u0004'))
    return 'a CSV file, not a ZIP archive or an Excel workbook (open it and save it as "CSV UTF-8", or unzip it first)';
  if (trimmed.startsWith('\u001f\u008b') || trimmed.startsWith('\u001f\uFFFD'))
    return 'a CSV file, not a gzip-compressed one (decompress it first)';
  if (head.includes('\u0000')) {
    // UTF-16 text of Latin letters read as UTF-8: every other character is a NUL.
    const start = head.slice(0, 64);
    const nuls = start.length - start.replaceAll('\u0000', '').length;
    return nuls >= start.length / 3
      ? 'a CSV file in UTF-8 (this one looks like UTF-16, as Excel\'s "Unicode text" writes it: save it as "CSV UTF-8")'
      : 'a CSV text file (this one holds binary data)';
  }
  return null;
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
