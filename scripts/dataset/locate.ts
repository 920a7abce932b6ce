/**
 * Where a quote stands in an article, for the person writing `evidence[]`: every occurrence with its surroundings
 * (newlines shown as ⏎) and what tells it apart — the `prefix` the build matches (`text.slice(start -
 * prefix.length, start) === prefix`, invisible newlines included) or a longer quote. Pure: `npm run data -- locate`
 * (scripts/build-dataset.ts) prints it, and the build's "quote occurs N times" error shows the same contexts.
 */

/** One place a quote occurs, and how to pick it out. */
export interface Occurrence {
  /** UTF-16 offset of the quote's first character. */
  start: number;
  /** 1-based line of the quote's first character. */
  line: number;
  /** The text around it, newlines shown as ⏎, the quote in [[…]]. */
  context: string;
  /**
   * The shortest text before it (whole words, at least one) that no other occurrence has right before it, exactly
   * as the `prefix` field takes it (newlines as real newlines); null when the quote is unique (no prefix needed) or
   * when no prefix can tell it apart (it is at the very start, or its whole preceding text precedes another too).
   */
  prefix: string | null;
  /** The quote lengthened (whole words) until it occurs only here; null when no lengthening is unique. */
  longerQuote: string | null;
}

/** How much text each side of a quote a context shows. */
const CONTEXT_CHARS = 50;

export function occurrencesOf(text: string, quote: string): number[] {
  const starts: number[] = [];
  if (quote.length === 0) return starts;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) starts.push(i);
  return starts;
}

/** Newlines (and tabs, carriage returns) made visible, so that a prefix holding them can be seen. */
export function showInvisibles(s: string): string {
  return s.replace(/\r\n|\n|\r/g, '⏎').replace(/\t/g, '⇥');
}

/** "…the text before⏎[[quote]] and after…" */
export function contextOf(text: string, start: number, length: number, chars = CONTEXT_CHARS): string {
  const from = Math.max(0, start - chars);
  const to = Math.min(text.length, start + length + chars);
  return (
    (from > 0 ? '…' : '') +
    showInvisibles(text.slice(from, start)) +
    '[[' +
    showInvisibles(text.slice(start, start + length)) +
    ']]' +
    showInvisibles(text.slice(start + length, to)) +
    (to < text.length ? '…' : '')
  );
}

/** Extends `length` characters back from `end` (exclusive) to the start of the word it cuts, or of the text. */
function toWordStart(text: string, end: number, length: number): number {
  let from = end - length;
  while (from > 0 && !/\s/.test(text[from - 1]!) && !/\s/.test(text[from]!)) from--;
  return from;
}

function shortestPrefix(text: string, start: number, others: readonly number[]): string | null {
  for (let length = 1; length <= start; length++) {
    const from = toWordStart(text, start, length);
    const prefix = text.slice(from, start);
    // Skip prefixes of only white space: they tell occurrences apart but are unreadable in a YAML file.
    if (prefix.trim() === '' && from > 0) continue;
    if (others.every((s) => text.slice(Math.max(0, s - prefix.length), s) !== prefix)) return prefix;
    length = start - from;
  }
  return null;
}

function shortestLongerQuote(text: string, start: number, quote: string): string | null {
  for (let end = start + quote.length + 1; end <= text.length; end++) {
    while (end < text.length && !/\s/.test(text[end - 1]!) && !/\s/.test(text[end]!)) end++;
    const longer = text.slice(start, end);
    if (longer.trim() !== longer) continue;
    if (occurrencesOf(text, longer).length === 1) return longer;
  }
  return null;
}

/** Every occurrence of `quote` in `text`, each with its context and what tells it apart from the others. */
export function locateOccurrences(text: string, quote: string): Occurrence[] {
  const starts = occurrencesOf(text, quote);
  return starts.map((start) => {
    const others = starts.filter((s) => s !== start);
    return {
      start,
      line: text.slice(0, start).split('\n').length,
      context: contextOf(text, start, quote.length),
      prefix: others.length === 0 ? null : shortestPrefix(text, start, others),
      longerQuote: others.length === 0 ? quote : shortestLongerQuote(text, start, quote),
    };
  });
}

/** A string as a YAML double-quoted scalar (JSON's escapes are YAML's): newlines become \n, visibly. */
export function yamlString(s: string): string {
  return JSON.stringify(s);
}

/** The report `npm run data -- locate` prints for one quote in one source. */
export function formatOccurrences(sourceId: string, quote: string, occurrences: readonly Occurrence[]): string {
  const lines: string[] = [];
  const count = occurrences.length === 1 ? 'once' : `${occurrences.length} times`;
  lines.push(`${yamlString(quote)} occurs ${count} in source "${sourceId}" (⏎ marks a newline):`);
  occurrences.forEach((o, i) => {
    lines.push('', `${i + 1}. line ${o.line}, offset ${o.start}: ${o.context}`);
    if (occurrences.length === 1) {
      lines.push('   unique: no prefix needed', '     - sourceId: ' + sourceId, `       quote: ${yamlString(quote)}`);
      return;
    }
    if (o.prefix !== null)
      lines.push(
        `   prefix ${yamlString(o.prefix)}${/[\n\r\t]/.test(o.prefix) ? ` (as in the text: "${showInvisibles(o.prefix)}")` : ''} picks this one; paste:`,
        `     - sourceId: ${sourceId}`,
        `       quote: ${yamlString(quote)}`,
        `       prefix: ${yamlString(o.prefix)}`,
      );
    else lines.push('   no prefix tells this one apart (nothing before it differs from the others)');
    if (o.longerQuote !== null) lines.push(`   or quote more: quote: ${yamlString(o.longerQuote)}`);
  });
  return lines.join('\n');
}
