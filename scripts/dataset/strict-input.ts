/**
 * Strict reading of the curated files: bytes that are not UTF-8, control characters and YAML that only a lenient
 * reader would accept are problems (file, line, what was expected), never a silent repair, a stack trace or a
 * value that is not what was given. Pure: it takes the bytes (or text) of a file and returns the text or the
 * parsed document, or records the problems.
 */
import { LineCounter, isAlias, isCollection, isNode, parseDocument, visit, type Document } from 'yaml';
import { codePointName, indexOfControlCharacter } from '../../src/domain/dataset-schema.ts';
import { firstInvalidUtf8Byte } from '../../src/domain/utf8.ts';
import type { DatasetProblem } from './compile-dataset.ts';

/**
 * How many times aliases (`*name`) may be expanded in one YAML file, counting an alias inside an aliased value once
 * per expansion (the yaml library's maxAliasCount). The curated files use none; a few shared values are welcome,
 * but a "billion laughs" file (aliases of aliases of aliases) must fail at once, before it is expanded.
 */
export const MAX_YAML_ALIAS_EXPANSIONS = 100;

/** Control characters, and YAML errors, listed per file before the rest are only counted. */
const LISTED_CONTROL_CHARACTERS = 5;
const LISTED_YAML_ERRORS = 5;

/** A file's bytes (as read from disk) or its text (as tests and tools give it). */
export type FileContent = string | Uint8Array;

/** A name or message from the file, cut short: a hostile megabyte of anchor name or tag is not echoed. */
function short(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}… (${text.length.toLocaleString('en-US')} characters)` : text;
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Decodes `content` as UTF-8 with a fatal decoder (a byte-order mark is kept, so the text is the file byte for
 * byte), or records where the first malformed byte is and returns null.
 */
export function decodeUtf8(file: string, content: FileContent, problems: DatasetProblem[]): string | null {
  if (typeof content === 'string') return content;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(content);
  } catch {
    const utf16 =
      (content[0] === 0xff && content[1] === 0xfe) || (content[0] === 0xfe && content[1] === 0xff)
        ? ' (it starts with a UTF-16 byte-order mark: save it as UTF-8)'
        : '';
    const offset = Math.max(0, firstInvalidUtf8Byte(content));
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++)
      if (content[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    problems.push({
      file,
      line,
      record: null,
      field: null,
      message: `not UTF-8 text: byte ${hex(content[offset] ?? 0)} at byte offset ${offset} (byte ${offset - lineStart + 1} of the line) starts no valid UTF-8 character; expected the file saved as UTF-8${utf16}`,
    });
    return null;
  }
}

/**
 * Records every control character in `text` other than tab, line feed and carriage return (the first few with
 * line and column, the rest counted). Returns whether there were none.
 */
export function checkControlCharacters(file: string, text: string, problems: DatasetProblem[]): boolean {
  let found = 0;
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (let at = indexOfControlCharacter(text); at >= 0; at = indexOfControlCharacter(text, at + 1)) {
    found++;
    if (found > LISTED_CONTROL_CHARACTERS) continue;
    for (; scanned < at; scanned++)
      if (text.charCodeAt(scanned) === 0x0a) {
        line++;
        lineStart = scanned + 1;
      }
    const column = [...text.slice(lineStart, at)].length + 1;
    problems.push({
      file,
      line,
      record: null,
      field: null,
      message: `the control character ${codePointName(text[at]!)} at line ${line}, column ${column}: expected text without control characters (tab, line feed and carriage return are allowed)`,
    });
  }
  if (found > LISTED_CONTROL_CHARACTERS)
    problems.push({
      file,
      line: null,
      record: null,
      field: null,
      message: `${(found - LISTED_CONTROL_CHARACTERS).toLocaleString('en-US')} more control character(s) in the file`,
    });
  return found === 0;
}

/** A file's text: valid UTF-8, without control characters; null (with the problems recorded) otherwise. */
export function readText(file: string, content: FileContent, problems: DatasetProblem[]): string | null {
  const text = decodeUtf8(file, content, problems);
  if (text === null) return null;
  return checkControlCharacters(file, text, problems) ? text : null;
}

export interface ParsedYaml {
  doc: Document;
  lineCounter: LineCounter;
  /** The document as plain data. */
  value: unknown;
}

/**
 * Parses a YAML file strictly: its text as readText requires, one document, YAML 1.2, every tag one the core
 * schema resolves, every alias defined before use and not inside its own anchor, at most MAX_YAML_ALIAS_EXPANSIONS
 * alias expansions, keys that are plain values. Null (with every problem recorded) otherwise.
 */
export function parseStrictYaml(file: string, content: FileContent, problems: DatasetProblem[]): ParsedYaml | null {
  const read = readText(file, content, problems);
  if (read === null) return null;
  // A byte-order mark (Windows editors write one) is no part of the YAML, and the yaml library misreads a list
  // after it.
  const text = read.startsWith('\uFEFF') ? read.slice(1) : read;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true, logLevel: 'error' });
  const before = problems.length;
  const report = (line: number | null, message: string) =>
    problems.push({ file, line, record: null, field: null, message });
  const lineOf = (node: unknown) => {
    const range = isNode(node) ? node.range : undefined;
    return range ? lineCounter.linePos(range[0]).line : null;
  };

  // The yaml library's errors and warnings (an unresolved tag is only a warning there) are all problems here. One
  // slip can make hundreds (a tab in an indentation derails the rest of the file): the first few are listed.
  const errors = [...doc.errors, ...doc.warnings];
  if (doc.errors.length > 0) {
    const tabbed = text.split('\n').findIndex((line) => /^ *\t/.test(line) && line.trim() !== '');
    if (tabbed >= 0)
      report(tabbed + 1, 'malformed YAML: a tab in the indentation: expected spaces (YAML indents with spaces only)');
  }
  for (const error of errors.slice(0, LISTED_YAML_ERRORS)) {
    const what = short(error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), 300);
    const hint =
      error.code === 'TAG_RESOLVE_FAILED'
        ? ': expected no tag, or one of the core YAML tags (!!str, !!int, !!float, !!bool, !!null, !!seq, !!map)'
        : '';
    report(error.linePos?.[0]?.line ?? null, `malformed YAML: ${what}${hint}`);
  }
  if (errors.length > LISTED_YAML_ERRORS)
    report(
      null,
      `${(errors.length - LISTED_YAML_ERRORS).toLocaleString('en-US')} more YAML error(s) in the file, most likely following from the first`,
    );
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2')
    report(1, `malformed YAML: %YAML ${doc.directives.yaml.version} directive: expected YAML 1.2 (no directive)`);

  let firstAlias: number | null = null;
  const anchors = new Set<string>();
  visit(doc, {
    Node(_key, node, path) {
      if (isAlias(node)) {
        firstAlias ??= lineOf(node);
        const name = short(node.source);
        if (!anchors.has(node.source))
          report(lineOf(node), `malformed YAML: the alias *${name} names no anchor &${name} above it`);
        else if (path.some((ancestor) => isNode(ancestor) && ancestor.anchor === node.source))
          report(lineOf(node), `malformed YAML: the alias *${name} lies inside its own anchor`);
      } else if (node.anchor) anchors.add(node.anchor);
    },
    Pair(_key, pair) {
      if (isCollection(pair.key))
        report(lineOf(pair.key), 'malformed YAML: a list or mapping used as a key: expected a field name');
    },
  });
  if (problems.length > before) return null;

  try {
    return { doc, lineCounter, value: doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_EXPANSIONS }) as unknown };
  } catch (error) {
    const excessive = error instanceof ReferenceError && /excessive alias count/i.test(error.message);
    report(
      firstAlias,
      excessive
        ? `malformed YAML: its aliases expand more than ${MAX_YAML_ALIAS_EXPANSIONS} times (a "billion laughs" file?): expected few aliases, or the values written out`
        : `malformed YAML: ${short(error instanceof Error ? error.message : String(error), 300)}`,
    );
    return null;
  }
}
