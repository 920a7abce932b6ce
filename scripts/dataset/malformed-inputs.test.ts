/**
 * `npm run data` refuses bad input whole and precisely. Each case copies the real data/ (without drafts), makes
 * one change a careless or hostile user could make, builds it in-process (readDataDir + compileDataset, as the
 * CLI does) and expects a refusal naming the file, the line, the record and field where there is one, and what
 * was expected, with no stack trace and no echo of a huge value. A few run end to end through the CLI, which must
 * leave its previous output byte for byte untouched.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_LIMITS } from '../../src/domain/dataset-schema.ts';
import { compileDataset, formatProblem, type CountryShapes } from './compile-dataset.ts';
import { loadCountryShapes } from './country-shapes.ts';
import { DataDirError, readDataDir } from './read-data-dir.ts';
import { MAX_YAML_ALIAS_EXPANSIONS } from './strict-input.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

/* ------------------------------------------------------------------ the files, and edits to them */

/** The data folder in memory, by path relative to the work folder ("data/places.yaml"). */
type Files = Map<string, Uint8Array>;

const text = (files: Files, file: string) => new TextDecoder().decode(files.get(file));
const setText = (files: Files, file: string, content: string) => files.set(file, new TextEncoder().encode(content));

/** Where a case expects its problem: on this line, on some line, or with no line at all. */
type Line = number | 'any' | 'none';

function lineAt(content: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (content.charCodeAt(i) === 0x0a) line++;
  return line;
}

const firstNonSpace = (line: string) => line.search(/[^ ]/);
const isFiller = (line: string) => line.trim() === '' || line.trim().startsWith('#');

/**
 * Sets a field of the record `- id: <id>` to `raw` (YAML as written after "key: "), or deletes it (raw null),
 * following `fieldPath` through maps and list items (indices count the "- " items). A field that is not there is
 * added at the end of its map. Returns the field's line.
 */
function setField(files: Files, file: string, id: string, fieldPath: (string | number)[], raw: string | null): number {
  const lines = text(files, file).split('\n');
  const start = lines.indexOf(`- id: ${id}`);
  if (start < 0) throw new Error(`${file}: no record ${id}`);
  let end = lines.findIndex((l, i) => i > start && /^\S/.test(l) && !l.startsWith('#'));
  if (end < 0) end = lines.length;
  // [from, to): the lines of the current map; keys of the map start at column `indent`.
  let from = start;
  let to = end;
  let indent = 2;
  const extentOf = (at: number, keyIndent: number) => {
    let stop = at + 1;
    while (stop < to && (isFiller(lines[stop]!) || firstNonSpace(lines[stop]!) > keyIndent)) stop++;
    while (stop > at + 1 && isFiller(lines[stop - 1]!)) stop--;
    return stop;
  };
  for (const [depth, segment] of fieldPath.entries()) {
    const last = depth === fieldPath.length - 1;
    if (typeof segment === 'number') {
      const items: number[] = [];
      for (let i = from + 1; i < to; i++)
        if (firstNonSpace(lines[i]!) === indent && lines[i]!.trimStart().startsWith('- ')) items.push(i);
      const at = items[segment];
      if (at === undefined) throw new Error(`${file}: ${id}: no item ${segment} at ${fieldPath.join('.')}`);
      if (last) throw new Error('setField sets fields, not whole items');
      to = extentOf(at, indent);
      from = at;
      indent += 2;
      continue;
    }
    let at = -1;
    for (let i = from; i < to; i++) {
      const line = lines[i]!;
      if (/^[ -]*$/.test(line.slice(0, indent)) && line.slice(indent).startsWith(`${segment}:`)) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      if (!last || raw === null) throw new Error(`${file}: ${id}: no field ${fieldPath.join('.')}`);
      let insertAt = to;
      while (insertAt > from + 1 && isFiller(lines[insertAt - 1]!)) insertAt--;
      lines.splice(insertAt, 0, `${' '.repeat(indent)}${segment}: ${raw}`);
      setText(files, file, lines.join('\n'));
      return insertAt + 1;
    }
    if (last) {
      const stop = extentOf(at, indent);
      const replacement = raw === null ? [] : [`${lines[at]!.slice(0, indent)}${segment}: ${raw}`];
      lines.splice(at, stop - at, ...replacement);
      setText(files, file, lines.join('\n'));
      return at + 1;
    }
    to = extentOf(at, indent);
    from = at;
    indent += 2;
  }
  throw new Error('empty field path');
}

/** Replaces the first occurrence of `find` in a file (which must hold it); returns the line it was on. */
function replaceText(files: Files, file: string, find: string, replacement: string): number {
  const content = text(files, file);
  const at = content.indexOf(find);
  if (at < 0) throw new Error(`${file}: no "${find}"`);
  setText(files, file, content.slice(0, at) + replacement + content.slice(at + find.length));
  return lineAt(content, at);
}

/** Inserts raw bytes right after the first occurrence of `after`; returns their byte offset, line and column. */
function insertBytes(files: Files, file: string, after: string, bytes: number[]) {
  const content = text(files, file);
  const at = content.indexOf(after);
  if (at < 0) throw new Error(`${file}: no "${after}"`);
  const head = new TextEncoder().encode(content.slice(0, at + after.length));
  const tail = new TextEncoder().encode(content.slice(at + after.length));
  files.set(file, new Uint8Array([...head, ...bytes, ...tail]));
  const lineStart = content.lastIndexOf('\n', at) + 1;
  return {
    offset: head.length,
    line: lineAt(content, at),
    column: [...content.slice(lineStart, at + after.length)].length + 1,
    byteInLine: head.length - new TextEncoder().encode(content.slice(0, lineStart)).length + 1,
  };
}

/* ------------------------------------------------------------------ the cases */

interface Case {
  name: string;
  /** The file the problem must name. */
  file: string;
  /** Makes the change; returns where the problem must be reported. */
  apply: (files: Files) => Line;
  /** What follows "file:line: " in the problem (a regular expression). */
  expect: string;
}

const EVENTS = 'data/events/sochi-2021.yaml';
const EVENT = 'erdogan-putin-sochi-2021';
const INFERRED_EVENTS = 'data/events/arms-and-regional.yaml';
const INFERRED = 'turkey-s400-purchase';
const PLACES = 'data/places.yaml';
const ACTORS = 'data/actors.yaml';
const ACTOR = 'recep-tayyip-erdogan';
const SOURCES = 'data/sources/sources.yaml';
const SOURCE = '2021-09-28-erdogan-working-visit-akar-on-idlib';
const ARTICLE = `data/sources/${SOURCE}.txt`;
const META = 'data/dataset.yaml';

const re = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const n = (value: number) => re(value.toLocaleString('en-US'));
const ev = `event "${EVENT}"`;
/** "record, field name: message"; the field may be given by a parent of the path the problem names. */
const field = (record: string, name: string, message: string) =>
  `${re(record)}, field ${re(name)}(\\[\\d+\\]|\\.\\w+)*: ${message}`;

/** A field set to a bad value: [file, record id, record label, field path, YAML value, expected message]. */
type FieldRow = [string, string, string, (string | number)[], string | null, string];

function fieldCases(group: string, rows: FieldRow[]): Case[] {
  return rows.map(([file, id, label, fieldPath, raw, message]) => ({
    name: `${group}: ${label} ${fieldPath.join('.')} = ${raw === null ? '(deleted)' : raw.length > 40 ? `${raw.slice(0, 37)}…` : raw}`,
    file,
    apply: (files) => {
      const line = setField(files, file, id, fieldPath, raw);
      return raw === null ? 'any' : line;
    },
    expect: field(label, fieldName(fieldPath), message),
  }));
}

function fieldName(p: (string | number)[]): string {
  return p.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

const controlCharacters: [string, number[], string][] = [
  ['NUL', [0x00], 'U+0000'],
  ['BEL', [0x07], 'U+0007'],
  ['backspace', [0x08], 'U+0008'],
  ['vertical tab', [0x0b], 'U+000B'],
  ['form feed', [0x0c], 'U+000C'],
  ['escape', [0x1b], 'U+001B'],
  ['DEL', [0x7f], 'U+007F'],
  ['C1 next line (NEL)', [0xc2, 0x85], 'U+0085'],
];
const controlTargets: [string, string][] = [
  [PLACES, 'name: Soc'],
  [EVENTS, 'title: Erdoğan visits'],
  [ARTICLE, 'Turkish President Recep'],
];

const badUtf8: [string, number[]][] = [
  ['a lone 0xFF byte', [0xff]],
  ['a Windows-1254 "ğ" (0xF0) before ASCII', [0xf0, 0x61]],
  ['a Latin-1 "é" (0xE9)', [0xe9, 0x20]],
  ['a truncated 3-byte sequence', [0xe2, 0x80]],
  ['an overlong "/" (0xC0 0xAF)', [0xc0, 0xaf]],
  ['an encoded UTF-16 surrogate', [0xed, 0xa0, 0x80]],
  ['a code point beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ['a stray continuation byte', [0x80]],
];
const utf8Targets: [string, string][] = [
  [SOURCES, 'title: Erdogan to pay'],
  [ACTORS, 'name: Recep Tayyip Erdo'],
  [ARTICLE, 'Turkish President'],
];

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
const long = (n: number) => 'x'.repeat(n);
const { titleChars, nameChars, summaryChars, quoteChars, prefixChars, noteChars, expressionChars, urlChars } =
  DATASET_LIMITS;
const tooLong = (limit: number, got: number) => `expected at most ${n(limit)} characters, got ${n(got)}`;

const billionLaughs = [
  '- id: lol',
  '  name: &a lol',
  '  aliases: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
  '  note: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
  '  office: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
  '  countryCode: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
  '  kind: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
  '',
].join('\n');

const CASES: Case[] = [
  // ---- control characters written raw into a YAML file or an article
  ...controlCharacters.flatMap(([name, bytes, codePoint]) =>
    controlTargets.map(([file, after]): Case => {
      let where = { line: 0, column: 0 };
      return {
        name: `a raw ${name} in ${file}`,
        file,
        apply: (files) => {
          where = insertBytes(files, file, after, bytes);
          return where.line;
        },
        get expect() {
          return `the control character ${re(codePoint)} at line ${where.line}, column ${where.column}: expected text without control characters`;
        },
      };
    }),
  ),
  // ---- bytes that are not UTF-8
  ...badUtf8.flatMap(([name, bytes]) =>
    utf8Targets.map(([file, after]): Case => {
      let where = { offset: 0, byteInLine: 0 };
      return {
        name: `${name} in ${file}`,
        file,
        apply: (files) => {
          const inserted = insertBytes(files, file, after, bytes);
          where = inserted;
          return inserted.line;
        },
        get expect() {
          return `not UTF-8 text: byte ${hex(bytes[0]!)} at byte offset ${where.offset} \\(byte ${where.byteInLine} of the line\\) starts no valid UTF-8 character; expected the file saved as UTF-8`;
        },
      };
    }),
  ),
  ...[EVENTS, ARTICLE].map((file): Case => ({
    name: `${file} saved as UTF-16 with a byte-order mark`,
    file,
    apply: (files) => {
      const units = text(files, file);
      const bytes = new Uint8Array(2 + units.length * 2);
      bytes.set([0xff, 0xfe]);
      for (let i = 0; i < units.length; i++) {
        bytes[2 + 2 * i] = units.charCodeAt(i) & 0xff;
        bytes[3 + 2 * i] = units.charCodeAt(i) >> 8;
      }
      files.set(file, bytes);
      return 1;
    },
    expect: 'not UTF-8 text: byte 0xFF at byte offset 0 .*UTF-16 byte-order mark: save it as UTF-8',
  })),
  {
    name: 'places.yaml saved as UTF-16 without a byte-order mark',
    file: PLACES,
    apply: (files) => {
      const units = text(files, PLACES);
      files.set(PLACES, new Uint8Array([...units].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])));
      return 1;
    },
    expect: 'the control character U\\+0000 at line 1, column 2',
  },
  // ---- control characters written as YAML escapes
  ...fieldCases('an escaped control character', [
    [EVENTS, EVENT, ev, ['title'], '"Erdoğan\\0 visits Putin"', 'the control character U\\+0000 at character 8'],
    [EVENTS, EVENT, ev, ['summary'], '"Ring \\a the bell"', 'the control character U\\+0007 at character 6'],
    [PLACES, 'sochi', 'place "sochi"', ['name'], '"Sochi\\e[31m"', 'the control character U\\+001B at character 6'],
    [PLACES, 'sochi', 'place "sochi"', ['note'], '"a\\x08b"', 'the control character U\\+0008 at character 2'],
    [ACTORS, ACTOR, `actor "${ACTOR}"`, ['office'], '"President\\N"', 'the control character U\\+0085'],
    [SOURCES, SOURCE, `source "${SOURCE}"`, ['publisher'], '"AA\\u007F"', 'the control character U\\+007F'],
    [
      EVENTS,
      EVENT,
      ev,
      ['title'],
      '"Erdoğan visits \\uD83D Sochi"',
      'half a UTF-16 surrogate pair \\(U\\+D83D\\) at character 16: expected whole characters',
    ],
    [
      EVENTS,
      EVENT,
      ev,
      ['evidence', 0, 'prefix'],
      '"\\u0000"',
      'the control character U\\+0000 at character 1: expected text without control characters',
    ],
  ]),
  // ---- YAML only a lenient reader accepts
  ...fieldCases('an unresolved tag', [
    [EVENTS, EVENT, ev, ['title'], '!unknown Erdoğan visits Putin in Sochi', ''],
    [PLACES, 'sochi', 'place "sochi"', ['lat'], '!!float north', ''],
    [ACTORS, ACTOR, `actor "${ACTOR}"`, ['name'], '!python/object:os.system rm', ''],
  ]).map((c): Case => ({ ...c, expect: 'malformed YAML: Unresolved tag: .*: expected no tag, or one of the core' })),
  {
    name: 'a %YAML 1.1 directive (yes/no booleans, sexagesimal numbers)',
    file: PLACES,
    apply: (files) => {
      setText(files, PLACES, `%YAML 1.1\n---\n${text(files, PLACES)}`);
      return 1;
    },
    expect: 'malformed YAML: %YAML 1\\.1 directive: expected YAML 1\\.2',
  },
  {
    name: 'a %TAG directive and a tag it names',
    file: ACTORS,
    apply: (files) => {
      setText(files, ACTORS, `%TAG !x! tag:example.com,2000:\n---\n${text(files, ACTORS)}`);
      return setField(files, ACTORS, ACTOR, ['office'], '!x!office President');
    },
    expect: 'malformed YAML: Unresolved tag: tag:example\\.com,2000:office',
  },
  {
    name: 'an alias with no anchor',
    file: EVENTS,
    apply: (files) => setField(files, EVENTS, EVENT, ['title'], '*missing'),
    expect: 'malformed YAML: the alias \\*missing names no anchor &missing above it',
  },
  {
    name: 'an unresolved tag a megabyte long',
    file: EVENTS,
    apply: (files) => setField(files, EVENTS, EVENT, ['title'], `!${long(1_000_000)} Erdoğan visits Putin`),
    expect: 'malformed YAML: Unresolved tag: !x+… \\(1,000,0\\d\\d characters\\)',
  },
  {
    name: 'an alias name a megabyte long',
    file: PLACES,
    apply: (files) => setField(files, PLACES, 'sochi', ['name'], `*${long(1_000_000)}`),
    expect: 'malformed YAML: the alias \\*x{79}… \\(1,000,000 characters\\) names no anchor',
  },
  {
    name: 'an alias used before its anchor',
    file: EVENTS,
    apply: (files) => {
      const line = setField(files, EVENTS, EVENT, ['title'], '*later');
      setField(files, EVENTS, EVENT, ['summary'], '&later A summary.');
      return line;
    },
    expect: 'malformed YAML: the alias \\*later names no anchor &later above it',
  },
  {
    name: 'an alias inside its own anchor',
    file: PLACES,
    apply: (files) => setField(files, PLACES, 'sochi', ['aliases'], '&loop [Sochi, *loop]'),
    expect: 'malformed YAML: the alias \\*loop lies inside its own anchor',
  },
  {
    name: 'a billion-laughs alias bomb',
    file: ACTORS,
    apply: (files) => {
      const content = text(files, ACTORS);
      setText(files, ACTORS, `${content}\n${billionLaughs}`);
      return lineAt(content, content.length) + 3;
    },
    expect: `malformed YAML: its aliases expand more than ${MAX_YAML_ALIAS_EXPANSIONS} times`,
  },
  {
    name: 'two YAML documents in one file',
    file: PLACES,
    apply: (files) => replaceText(files, PLACES, '\n- id: moscow', '\n---\n- id: moscow') + 1,
    expect: 'malformed YAML: Source contains multiple documents',
  },
  {
    name: 'a key given twice in one record',
    file: EVENTS,
    apply: (files) => replaceText(files, EVENTS, '  type: visit\n', '  type: visit\n  type: meeting\n') + 1,
    expect: 'malformed YAML: Map keys must be unique',
  },
  {
    name: 'an unclosed flow list',
    file: PLACES,
    // The parser notices on the next line.
    apply: (files) => setField(files, PLACES, 'sochi', ['aliases'], '[Sochi, Soçi') + 1,
    expect: 'malformed YAML: Flow sequence in block collection must be sufficiently indented and end with a \\]',
  },
  {
    name: 'an unclosed double quote',
    file: ACTORS,
    apply: (files) => setField(files, ACTORS, ACTOR, ['office'], '"President of Turkey') + 1,
    expect: 'malformed YAML: Missing closing "quote',
  },
  {
    name: 'a field indented with a tab',
    file: EVENTS,
    apply: (files) => replaceText(files, EVENTS, '\n  modality: planned', '\n\tmodality: planned') + 1,
    expect: 'malformed YAML: a tab in the indentation: expected spaces',
  },
  {
    name: 'a field indented one space too far',
    file: PLACES,
    // Read as the continuation of "kind: city", reported there.
    apply: (files) =>
      replaceText(files, PLACES, '\n  kind: city\n  countryCode: RU', '\n  kind: city\n   countryCode: RU') + 1,
    expect: 'malformed YAML: Nested mappings are not allowed in compact mappings',
  },
  {
    name: 'a list used as a key',
    file: ACTORS,
    apply: (files) => replaceText(files, ACTORS, '  kind: person\n', '  kind: person\n  ? [a, b]\n  : c\n') + 1,
    expect: 'malformed YAML: a list or mapping used as a key: expected a field name',
  },
  {
    name: 'a YAML merge key',
    file: PLACES,
    apply: (files) => {
      setField(files, PLACES, 'moscow', ['<<'], '{ kind: city }');
      return 'any';
    },
    expect: 'place "moscow": unknown field\\(s\\) "<<"',
  },
  {
    name: 'actors.yaml holding one mapping instead of a list',
    file: ACTORS,
    apply: (files) => {
      setText(files, ACTORS, `id: ${ACTOR}\nname: Recep Tayyip Erdoğan\nkind: person\n`);
      return 1;
    },
    expect: 'expected a YAML list of actor records',
  },
  {
    name: 'places.yaml holding one string',
    file: PLACES,
    apply: (files) => {
      setText(files, PLACES, 'Sochi, Moscow, Idlib\n');
      return 1;
    },
    expect: 'expected a YAML list of place records',
  },
  {
    name: 'dataset.yaml holding a list',
    file: META,
    apply: (files) => {
      setText(files, META, '- title: A\n');
      return 'any';
    },
    expect: 'Invalid input: expected object, received array',
  },
  // ---- values longer than their limits (the message says the limit and the length, and never echoes the value)
  ...fieldCases('too long', [
    [EVENTS, EVENT, ev, ['title'], long(1_000_000), tooLong(titleChars, 1_000_000)],
    [EVENTS, EVENT, ev, ['summary'], long(summaryChars + 1), tooLong(summaryChars, summaryChars + 1)],
    [EVENTS, EVENT, ev, ['evidence', 0, 'quote'], long(quoteChars + 1), tooLong(quoteChars, quoteChars + 1)],
    [EVENTS, EVENT, ev, ['evidence', 1, 'prefix'], long(prefixChars + 1), tooLong(prefixChars, prefixChars + 1)],
    [EVENTS, EVENT, ev, ['date', 'expression'], long(expressionChars + 1), tooLong(expressionChars, 301)],
    [EVENTS, EVENT, ev, ['date', 'display'], long(expressionChars + 1), tooLong(expressionChars, 301)],
    [EVENTS, EVENT, ev, ['date', 'note'], long(noteChars + 1), tooLong(noteChars, noteChars + 1)],
    [EVENTS, EVENT, ev, ['notes'], long(100_000), tooLong(noteChars, 100_000)],
    [EVENTS, EVENT, ev, ['disagreements', 0, 'why'], long(noteChars + 1), tooLong(noteChars, noteChars + 1)],
    [
      EVENTS,
      EVENT,
      ev,
      ['disagreements', 0, 'versions', 0, 'claim'],
      long(noteChars + 1),
      tooLong(noteChars, noteChars + 1),
    ],
    [PLACES, 'sochi', 'place "sochi"', ['name'], long(2_000_000), tooLong(nameChars, 2_000_000)],
    [PLACES, 'sochi', 'place "sochi"', ['aliases'], `[${long(nameChars + 1)}]`, tooLong(nameChars, nameChars + 1)],
    [
      PLACES,
      'sochi',
      'place "sochi"',
      ['aliases'],
      `[${Array.from({ length: 101 }, (_, i) => `Sochi ${i}`).join(', ')}]`,
      `expected at most ${DATASET_LIMITS.aliases} aliases, got 101`,
    ],
    [PLACES, 'sochi', 'place "sochi"', ['note'], long(noteChars + 1), tooLong(noteChars, noteChars + 1)],
    [ACTORS, ACTOR, `actor "${ACTOR}"`, ['name'], long(nameChars + 1), tooLong(nameChars, nameChars + 1)],
    [ACTORS, ACTOR, `actor "${ACTOR}"`, ['office'], long(nameChars + 1), tooLong(nameChars, nameChars + 1)],
    [SOURCES, SOURCE, `source "${SOURCE}"`, ['title'], long(titleChars + 1), tooLong(titleChars, titleChars + 1)],
    [SOURCES, SOURCE, `source "${SOURCE}"`, ['publisher'], long(nameChars + 1), tooLong(nameChars, nameChars + 1)],
    [SOURCES, SOURCE, `source "${SOURCE}"`, ['publishedAtNote'], long(1_048_576), tooLong(noteChars, 1_048_576)],
    [
      SOURCES,
      SOURCE,
      `source "${SOURCE}"`,
      ['url'],
      `https://example.com/${long(urlChars)}`,
      `expected an address of at most ${n(urlChars)} characters, got ${n(urlChars + 20)}`,
    ],
    [
      EVENTS,
      EVENT,
      ev,
      ['actors'],
      `[{ actorId: ${'a'.repeat(101)}, role: visitor }]`,
      'expected an id of at most 100 characters, got 101',
    ],
  ]),
  {
    name: 'an id: a source record pasted twice',
    file: SOURCES,
    apply: (files) => {
      const content = text(files, SOURCES);
      const record = content.slice(content.indexOf(`- id: ${SOURCE}`)).trimEnd();
      setText(files, SOURCES, `${content.trimEnd()}\n\n${record}\n`);
      return lineAt(content.trimEnd(), content.trimEnd().length) + 2;
    },
    expect: `source "${SOURCE}", field id: duplicate id: already used at data/sources/sources\\.yaml:82; ids must be unique`,
  },
  {
    name: 'a quote: a prefix it never follows',
    file: EVENTS,
    apply: (files) => {
      setField(files, EVENTS, EVENT, ['evidence', 1, 'prefix'], '"No such prefix "');
      return setField(
        files,
        EVENTS,
        EVENT,
        ['evidence', 1, 'quote'],
        'And last Thursday, Erdogan said that he would meet Putin on September 29',
      );
    },
    expect: field(
      ev,
      'evidence[1].quote',
      'the quote occurs 1 time\\(s\\) but never right after the prefix "No such prefix "',
    ),
  },
  {
    name: 'a record field: a __proto__ key (prototype pollution)',
    file: PLACES,
    apply: (files) => {
      setField(files, PLACES, 'sochi', ['__proto__'], '{ polluted: true }');
      return 'any';
    },
    expect: 'place "sochi": unknown field\\(s\\) "__proto__"',
  },
  {
    name: 'a list nested 20,000 deep',
    file: ACTORS,
    apply: (files) => setField(files, ACTORS, ACTOR, ['aliases'], `${'['.repeat(20_000)}${']'.repeat(20_000)}`),
    expect: 'malformed YAML: Maximum call stack size exceeded',
  },
  {
    name: 'a record field: a misspelt field name',
    file: EVENTS,
    apply: (files) => {
      setField(files, EVENTS, EVENT, ['tittle'], 'A typo');
      return 'any';
    },
    expect: `${re(ev)}: unknown field\\(s\\) "tittle"`,
  },
  {
    name: 'a record field: a point moved out of its country',
    file: PLACES,
    apply: (files) => {
      setField(files, PLACES, 'sochi', ['lon'], '2.35');
      return 'any';
    },
    expect: 'place "sochi", field lat: the point \\(43\\.6, 2\\.35\\) lies \\d+ km outside RU',
  },
  {
    name: 'too long: an id of 200 characters',
    file: PLACES,
    apply: (files) => setField(files, PLACES, 'sochi', ['id'], 'sochi-'.repeat(33) + 'x'),
    expect: 'place #15, field id: expected an id of at most 100 characters, got 199',
  },
  {
    name: 'too long: a field name of a megabyte',
    file: EVENTS,
    apply: (files) => setField(files, EVENTS, EVENT, [long(1_000_000)], 'x'),
    expect:
      'malformed YAML: The : indicator must be at most 1024 chars after the start of an implicit block mapping key',
  },
  {
    name: 'too long: an explicit field name of 100,000 characters',
    file: EVENTS,
    apply: (files) => {
      replaceText(files, EVENTS, '  type: visit\n', `  type: visit\n  ? ${long(100_000)}\n  : x\n`);
      return 'any';
    },
    expect: `${re(ev)}: unknown field\\(s\\) "x{59}…" \\(100,000 characters\\)`,
  },
  ...[
    ['title', titleChars],
    ['description', summaryChars],
  ].map(([name, limit]): Case => ({
    name: `too long: the dataset's ${name}`,
    file: META,
    apply: (files) => {
      setText(
        files,
        META,
        text(files, META).replace(new RegExp(`^${name}:.*(\\n  .*)*`, 'm'), `${name}: ${long(1_000_000)}`),
      );
      return 'any';
    },
    expect: `field ${name}: ${tooLong(limit as number, 1_000_000)}`,
  })),
  {
    name: 'too long: an article of more than 2,000,000 characters',
    file: ARTICLE,
    apply: (files) => {
      setText(files, ARTICLE, `${text(files, ARTICLE)}\n${'All work and no play. '.repeat(100_000)}`);
      return 'none';
    },
    expect: `the article has [\\d,]+ characters: expected at most ${n(DATASET_LIMITS.articleChars)}`,
  },
  // ---- days: outside the dataset's years, or not ISO days at all
  ...fieldCases('a day', [
    ...['0000', '0999', '2101', '9999'].map((year): FieldRow => [
      INFERRED_EVENTS,
      INFERRED,
      `event "${INFERRED}"`,
      ['date', 'earliest'],
      `${year}-01-01`,
      `the year ${year} \\(in ${year}-01-01\\) is outside 1000–2100: expected a day in those years \\(a dataset of other years declares them in data/dataset\\.yaml as "years: \\{ from: …, to: … \\}"\\)`,
    ]),
    [
      INFERRED_EVENTS,
      INFERRED,
      `event "${INFERRED}"`,
      ['date', 'latest'],
      '2300-12-31',
      'the year 2300 \\(in 2300-12-31\\) is outside 1000–2100',
    ],
    [SOURCES, SOURCE, `source "${SOURCE}"`, ['publishedAt'], '0000-01-01', 'the year 0000 .* is outside 1000–2100'],
    ...[
      '2019-9-1',
      '01/09/2019',
      '2019-02-29',
      '2019-13-01',
      '2019-00-10',
      '+2019-09-01',
      '"2019-09-01 "',
      '"2019"',
    ].map((day): FieldRow => [
      INFERRED_EVENTS,
      INFERRED,
      `event "${INFERRED}"`,
      ['date', 'earliest'],
      day,
      'expected a real calendar day written YYYY-MM-DD',
    ]),
    [
      INFERRED_EVENTS,
      INFERRED,
      `event "${INFERRED}"`,
      ['date', 'earliest'],
      '20170101',
      'Invalid input: expected string, received number',
    ],
    [
      INFERRED_EVENTS,
      INFERRED,
      `event "${INFERRED}"`,
      ['date', 'latest'],
      '2016-12-31',
      'expected latest \\(2016-12-31\\) on or after earliest \\(2017-01-01\\)',
    ],
    [
      SOURCES,
      SOURCE,
      `source "${SOURCE}"`,
      ['publishedAt'],
      '2021-09-28T09:00:00Z',
      'expected a real calendar day written YYYY-MM-DD',
    ],
  ]),
  ...[
    ['{ from: 2100, to: 1000 }', 'field years\\.to: expected "from" on or before "to"'],
    ['{ from: 1000.5, to: 2100 }', 'field years\\.from: expected a whole year'],
    ['{ from: -500, to: 2100 }', 'field years\\.from: expected a year in 0\\.\\.9999'],
    ['{ from: 1000, to: 20000 }', 'field years\\.to: expected a year in 0\\.\\.9999'],
    ['1000-2100', 'field years: Invalid input: expected object, received string'],
    ['{ start: 1000, end: 2100 }', 'field years: unknown field\\(s\\) "start", "end"'],
  ].map(([years, message]): Case => ({
    name: `the dataset's years: ${years}`,
    file: META,
    apply: (files) => {
      const content = text(files, META);
      setText(files, META, `${content}years: ${years}\n`);
      return lineAt(content, content.length);
    },
    expect: message!,
  })),
  // ---- country codes
  ...fieldCases('a country code', [
    ...['XX', 'ZZ', 'UK', 'EU', 'AA'].map((code): FieldRow => [
      PLACES,
      'russia',
      'place "russia"',
      ['countryCode'],
      code,
      `unknown country code "${code}": expected an ISO 3166-1 alpha-2 code such as "TR"`,
    ]),
    ...['tr', 'TUR', '"T "'].map((code): FieldRow => [
      ACTORS,
      ACTOR,
      `actor "${ACTOR}"`,
      ['countryCode'],
      code,
      'expected an ISO 3166-1 alpha-2 code such as "TR"',
    ]),
    [PLACES, 'turkey', 'place "turkey"', ['countryCode'], '792', 'Invalid input: expected string, received number'],
    [ACTORS, ACTOR, `actor "${ACTOR}"`, ['countryCode'], 'QQ', 'unknown country code "QQ"'],
  ]),
  // ---- what the build already refused: ids, references, quotes, dates against their words, coordinates…
  ...fieldCases('an id', [
    [
      EVENTS,
      EVENT,
      'event "erdogan-putin-meeting-sochi-2018"',
      ['id'],
      'erdogan-putin-meeting-sochi-2018',
      'duplicate id: already used at data/events/sochi-2018\\.yaml:5',
    ],
    [PLACES, 'moscow', 'place "sochi"', ['id'], 'sochi', 'duplicate id: already used at data/places\\.yaml:147'],
    [
      ACTORS,
      'vladimir-putin',
      'actor "recep-tayyip-erdogan"',
      ['id'],
      ACTOR,
      'duplicate id: already used at data/actors\\.yaml:4',
    ],
    [EVENTS, EVENT, 'event "Erdogan-Sochi"', ['id'], 'Erdogan-Sochi', 'expected a slug'],
    [EVENTS, EVENT, 'event "erdogan putin"', ['id'], 'erdogan putin', 'expected a slug'],
    [EVENTS, EVENT, 'event "erdogan--putin"', ['id'], 'erdogan--putin', 'expected a slug'],
    [EVENTS, EVENT, 'event "erdogan-putin-"', ['id'], 'erdogan-putin-', 'expected a slug'],
    [EVENTS, EVENT, 'event #1', ['id'], '2021', 'Invalid input: expected string, received number'],
    [ACTORS, ACTOR, 'actor "erdoğan"', ['id'], 'erdoğan', 'expected a slug'],
  ]),
  ...fieldCases('a reference', [
    [
      EVENTS,
      EVENT,
      ev,
      ['actors'],
      '[{ actorId: erdogan, role: visitor }]',
      'unknown actor id "erdogan": expected an id from data/actors\\.yaml',
    ],
    [
      EVENTS,
      EVENT,
      ev,
      ['places'],
      '[{ placeId: soci, role: venue, precision: exact }]',
      'unknown place id "soci": expected an id from data/places\\.yaml',
    ],
    [
      EVENTS,
      EVENT,
      ev,
      ['evidence', 0, 'sourceId'],
      'reuters-2021-09-28',
      'unknown source id "reuters-2021-09-28": expected an id from data/sources/sources\\.yaml',
    ],
    [EVENTS, EVENT, ev, ['date', 'sourceId'], 'unknown-article', 'unknown source id "unknown-article"'],
    [
      EVENTS,
      EVENT,
      ev,
      ['disagreements', 0, 'versions', 1, 'sourceId'],
      'no-such-source',
      'unknown source id "no-such-source"',
    ],
    [
      PLACES,
      'sochi',
      'place "sochi"',
      ['parentId'],
      'rusia',
      'unknown place id "rusia": expected the id of a place in this file',
    ],
    [
      PLACES,
      'russia',
      'place "russia"',
      ['parentId'],
      'sochi',
      'the place hierarchy loops \\("russia" → "sochi" → "russia"\\)',
    ],
    [
      PLACES,
      'syria',
      'place "syria"',
      ['parentId'],
      'syria',
      'the place hierarchy loops \\("syria" → "syria"\\): a place cannot lie inside itself',
    ],
    [
      SOURCES,
      SOURCE,
      `source "${SOURCE}"`,
      ['file'],
      'missing-article.txt',
      'no article file "data/sources/missing-article\\.txt"',
    ],
    [
      SOURCES,
      SOURCE,
      `source "${SOURCE}"`,
      ['file'],
      '../../etc/passwd.txt',
      'expected a \\.txt file name in data/sources/',
    ],
    [SOURCES, SOURCE, `source "${SOURCE}"`, ['file'], `${SOURCE}.md`, 'expected a \\.txt file name in data/sources/'],
  ]),
  ...fieldCases('a quote', [
    [
      EVENTS,
      EVENT,
      ev,
      ['evidence', 1, 'quote'],
      'And last Thursday, Erdogan said he would meet Putin',
      'quote not found in the source text: expected a verbatim excerpt',
    ],
    [
      EVENTS,
      EVENT,
      ev,
      ['evidence', 1, 'quote'],
      'and last thursday, erdogan said that he would meet putin on september 29',
      'quote not found verbatim in the source text; it matches only after normalising quotation marks, dashes, case or white space',
    ],
    [
      EVENTS,
      EVENT,
      ev,
      ['evidence', 4, 'quote'],
      "Erdogans' planned two-day visit",
      'quote not found verbatim in the source text; it matches only after normalising quotation marks',
    ],
    [EVENTS, EVENT, ev, ['evidence', 1, 'quote'], 'Erdogan', 'the quote occurs \\d+ times in the text: add a "prefix"'],
    [EVENTS, EVENT, ev, ['evidence', 1, 'quote'], '"   "', 'expected non-empty text'],
    [EVENTS, EVENT, ev, ['evidence'], '[]', 'expected at least one evidence quote'],
    [
      EVENTS,
      EVENT,
      ev,
      ['disagreements', 0, 'versions', 0, 'quote'],
      'a two-day visit on Monday',
      'quote not found in the source text',
    ],
  ]),
  ...fieldCases('a date against its words', [
    [
      EVENTS,
      EVENT,
      ev,
      ['date', 'earliest'],
      '2021-09-30',
      '"tomorrow, Wednesday" read against the publication day 2021-09-28 gives 2021-09-29\\.\\.2021-09-29 \\(day\\)',
    ],
    [
      EVENTS,
      EVENT,
      ev,
      ['date', 'expression'],
      'next Friday',
      'the expression "next Friday" is not in the source text: quote it verbatim',
    ],
    [
      EVENTS,
      EVENT,
      ev,
      ['date', 'expression'],
      'null',
      'missing: a relative date needs the verbatim words it was read from',
    ],
    [EVENTS, EVENT, ev, ['date', 'resolution'], 'guessed', 'Invalid option: expected one of'],
    [EVENTS, EVENT, ev, ['date', 'precision'], 'hour', 'Invalid option: expected one of'],
    [
      INFERRED_EVENTS,
      INFERRED,
      `event "${INFERRED}"`,
      ['date', 'note'],
      '""',
      'missing: an inferred date must say in "note"',
    ],
  ]),
  ...fieldCases('a record field', [
    [EVENTS, EVENT, ev, ['type'], 'party', 'Invalid option: expected one of .*"meeting"'],
    [EVENTS, EVENT, ev, ['modality'], 'maybe', 'Invalid option: expected one of'],
    [EVENTS, EVENT, ev, ['actors'], '[{ actorId: vladimir-putin, role: guest }]', 'Invalid option'],
    [EVENTS, EVENT, ev, ['places'], '[{ placeId: sochi, role: venue, precision: approx }]', 'Invalid option'],
    [EVENTS, EVENT, ev, ['title'], '""', 'expected non-empty text'],
    [EVENTS, EVENT, ev, ['title'], '[Erdoğan, visits]', 'Invalid input: expected string, received array'],
    [EVENTS, EVENT, ev, ['title'], '!!binary SGVsbG8=', 'Invalid input: expected string, received (Buffer|Uint8Array)'],
    [
      EVENTS,
      EVENT,
      ev,
      ['disagreements', 0, 'shown'],
      'elsewhere',
      'expected "combined" or the sourceId of one of the versions, got "elsewhere"',
    ],
    [
      EVENTS,
      EVENT,
      ev,
      ['disagreements', 0, 'shown'],
      'Combined',
      'expected "combined" or the sourceId of one of the versions',
    ],
    [EVENTS, EVENT, ev, ['disagreements', 0, 'aspect'], 'vibe', 'Invalid option'],
    [PLACES, 'sochi', 'place "sochi"', ['lat'], '91', 'expected a latitude in \\[-90, 90\\]'],
    [PLACES, 'sochi', 'place "sochi"', ['lon'], '-181', 'expected a longitude in \\[-180, 180\\]'],
    [PLACES, 'sochi', 'place "sochi"', ['lat'], '.nan', 'Invalid input: expected number, received NaN'],
    [PLACES, 'sochi', 'place "sochi"', ['lon'], '1e999', 'Invalid input: expected number, received Infinity'],
    [PLACES, 'sochi', 'place "sochi"', ['lat'], '"43.6"', 'Invalid input: expected number, received string'],
    [PLACES, 'sochi', 'place "sochi"', ['lat'], '43,6', 'Invalid input: expected number, received string'],
    [PLACES, 'sochi', 'place "sochi"', ['kind'], 'town', 'Invalid option'],
    [PLACES, 'sochi', 'place "sochi"', ['geonamesId'], '-1', 'Too small'],
    [PLACES, 'sochi', 'place "sochi"', ['geonamesId'], '491422.5', 'Invalid input: expected int, received number'],
    [PLACES, 'sochi', 'place "sochi"', ['wikidataId'], '"43"', 'expected a Wikidata id such as "Q43"'],
    [PLACES, 'sochi', 'place "sochi"', ['name'], null, 'missing: expected a string'],
    [ACTORS, ACTOR, `actor "${ACTOR}"`, ['kind'], 'president', 'Invalid option'],
    [SOURCES, SOURCE, `source "${SOURCE}"`, ['url'], '"javascript:alert(1)"', 'expected an http\\(s\\) address'],
    [SOURCES, SOURCE, `source "${SOURCE}"`, ['url'], 'ftp://example.com/article', 'expected an http\\(s\\) address'],
    [SOURCES, SOURCE, `source "${SOURCE}"`, ['language'], 'English', 'expected a BCP 47 language tag such as "en"'],
    [SOURCES, SOURCE, `source "${SOURCE}"`, ['kind'], 'video', 'Invalid option'],
    [SOURCES, SOURCE, `source "${SOURCE}"`, ['publishedAtBasis'], 'guessed', 'Invalid option'],
    [SOURCES, SOURCE, `source "${SOURCE}"`, ['titleBasis'], 'maybe', 'Invalid option'],
  ]),
];

/* ------------------------------------------------------------------ running them */

let work: string;
let pristine: Files;
let shapes: CountryShapes;

async function readTree(dir: string, prefix = ''): Promise<Files> {
  const files: Files = new Map();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = `${prefix}${entry.name}`;
    if (entry.isDirectory())
      for (const [k, v] of await readTree(path.join(dir, entry.name), `${rel}/`)) files.set(k, v);
    else files.set(rel, new Uint8Array(await readFile(path.join(dir, entry.name))));
  }
  return files;
}

async function writeTree(dir: string, files: Files): Promise<void> {
  for (const [rel, bytes] of files) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), bytes);
  }
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'malformed-'));
  const data = await readTree(path.join(root, 'data'));
  pristine = new Map(
    [...data]
      .filter(([rel]) => !rel.startsWith('drafts/') && !rel.startsWith('fixtures/') && !rel.startsWith('templates/'))
      .map(([rel, bytes]) => [`data/${rel}`, bytes]),
  );
  shapes = await loadCountryShapes();
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Builds `files` in-process as the CLI would; the formatted problems (empty when accepted). */
async function build(files: Files, name: string): Promise<string[]> {
  const dir = path.join(work, name);
  await writeTree(dir, files);
  try {
    const result = compileDataset({ ...(await readDataDir(path.join(dir, 'data'), dir)), countryShapes: shapes });
    return result.ok ? [] : result.problems.map(formatProblem);
  } catch (error) {
    if (error instanceof DataDirError) return [`npm run data: ${error.message}`];
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('malformed inputs', () => {
  it('the unmodified copy builds', async () => {
    expect(await build(pristine, 'pristine')).toEqual([]);
  });

  it('has at least 100 distinct cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c, i) => [c.name, i] as const))(
    '%s: refused, with file, line and what was expected',
    async (_, i) => {
      const c = CASES[i]!;
      const files = new Map(pristine);
      const line = c.apply(files);
      const problems = await build(files, `case-${i}`);
      expect(problems, 'the input was accepted').not.toEqual([]);
      const location = line === 'none' ? re(c.file) : `${re(c.file)}:${line === 'any' ? '\\d+' : line}`;
      const pattern = new RegExp(`^${location}: ${c.expect}`);
      expect(
        problems.some((p) => pattern.test(p)),
        `${pattern}\nnot among:\n${problems.join('\n')}`,
      ).toBe(true);
      // Precisely: one slip is a few problems, not a flood (a refused record makes no cascade of unknown ids,
      // save where references to its old id are truly left dangling: one problem per reference the data holds,
      // however much data there is).
      const dangling = problems.filter((p) => /: unknown (?:actor|place|source|event) id "/.test(p));
      expect(problems.length - dangling.length, problems.join('\n')).toBeLessThanOrEqual(20);
      const texts = [...pristine.values()].map((bytes) => Buffer.from(bytes).toString('utf8'));
      const referencesTo = (id: string) =>
        texts.reduce(
          (n, text) =>
            n +
            (text.match(new RegExp(`\\b(?:actorId|placeId|sourceId|parentId|event)\\s*:\\s*["']?${re(id)}\\b`, 'g'))
              ?.length ?? 0),
          0,
        );
      const danglingIds = new Set(dangling.map((p) => /unknown \w+ id "([^"]*)"/.exec(p)![1]!));
      const references = [...danglingIds].reduce((sum, id) => sum + referencesTo(id), 0);
      // The slip itself (a reference to a misspelt id) is one each.
      expect(dangling.length, dangling.join('\n')).toBeLessThanOrEqual(references + danglingIds.size);
      for (const p of problems) {
        expect(p).not.toMatch(/\n\s+at /);
        // A refused megabyte is described, never echoed.
        expect(p.length, p.slice(0, 200)).toBeLessThan(3_000);
      }
    },
  );

  it('leaves Object.prototype as it was, whatever the cases held', () => {
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('npm run data on malformed input', () => {
  it('prints each problem without a stack trace and leaves its previous output byte for byte untouched', async () => {
    const dir = path.join(work, 'cli');
    await writeTree(dir, pristine);
    const out = path.join(dir, 'out');
    const env = { ...process.env, DATASET_DIR: path.join(dir, 'data'), DATASET_OUT: out };
    const cli = () =>
      run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'build-dataset.ts')], {
        env,
        cwd: root,
      }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
    expect((await cli()).code).toBe(0);
    const before = await readTree(out);
    expect(before.size).toBeGreaterThan(3);

    const representative = [
      'a raw NUL in data/places.yaml',
      `a lone 0xFF byte in ${ARTICLE}`,
      `too long: place "sochi" name = ${'x'.repeat(37)}…`,
      'a country code: place "russia" countryCode = XX',
      `a day: event "${INFERRED}" date.earliest = 0000-01-01`,
    ];
    for (const name of representative) {
      const c = CASES.find((x) => x.name === name);
      if (!c) throw new Error(`no case "${name}"`);
      const files = new Map(pristine);
      c.apply(files);
      await rm(path.join(dir, 'data'), { recursive: true, force: true });
      await writeTree(dir, files);
      const { code, stderr } = await cli();
      expect(code, name).toBe(1);
      // The CLI names files relative to the project: this copy is elsewhere.
      const expected = c.expect.replaceAll('data/', '(?:.*/)?data/');
      expect(stderr, name).toMatch(new RegExp(`(^|/)${re(c.file)}[:\\s].*${expected}`, 'm'));
      expect(stderr, name).toMatch(/npm run data: \d+ problem\(s\) in .*; nothing was written/);
      expect(stderr, name).not.toMatch(/\n\s+at /);
      const after = await readTree(out);
      expect([...after.keys()].sort(), name).toEqual([...before.keys()].sort());
      for (const [file, bytes] of before) expect(Buffer.from(after.get(file)!).equals(bytes), file).toBe(true);
    }
  }, 60_000);
});

describe('inputs that are fine', () => {
  it('a YAML file and an article saved with a UTF-8 byte-order mark (the article kept byte for byte)', async () => {
    const files = new Map(pristine);
    for (const file of [PLACES, ARTICLE]) files.set(file, new Uint8Array([0xef, 0xbb, 0xbf, ...files.get(file)!]));
    expect(await build(files, 'bom')).toEqual([]);
  });

  it('a YAML file with Windows line endings', async () => {
    const files = new Map(pristine);
    setText(files, EVENTS, text(files, EVENTS).replaceAll('\n', '\r\n'));
    expect(await build(files, 'crlf')).toEqual([]);
  });

  it('an emoji written as a surrogate pair escape', async () => {
    const files = new Map(pristine);
    setField(files, EVENTS, EVENT, ['title'], '"Erdoğan visits Putin in Sochi \\uD83C\\uDDF7\\uD83C\\uDDFA"');
    expect(await build(files, 'emoji')).toEqual([]);
  });

  it('older days, when data/dataset.yaml declares the years they fall in', async () => {
    const files = new Map(pristine);
    setText(files, META, `${text(files, META)}years: { from: 1, to: 2100 }\n`);
    setField(files, INFERRED_EVENTS, INFERRED, ['date', 'earliest'], '0999-01-01');
    expect(await build(files, 'years')).toEqual([]);
  });
});
