/** Splitting an article into sentences that are verbatim slices of it (so each can be quoted as evidence). */

export interface Sentence {
  /** The sentence exactly as it stands in the text: `text.slice(start, end) === sentence.text`. */
  text: string;
  start: number;
  end: number;
  /** 1-based line of the text the sentence starts on. */
  line: number;
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr st jr sr gen col lt sgt gov sen rep prof no vs etc jan feb mar apr aug sep sept oct nov dec u.s u.n u.k e.g i.e'.split(
    ' ',
  ),
);

/** Splits `text` into sentences: at line breaks, and after . ! ? (and a closing quote) followed by space and a capital. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ text: text.slice(start, end), start, end, line: lineOf(text, start) });
  };
  for (const lineMatch of text.matchAll(/[^\n]*(\n|$)/g)) {
    const line = lineMatch[0];
    if (line === '') break;
    const base = lineMatch.index;
    let sentenceStart = 0;
    const boundary = /([.!?])(["”’)]*)\s+(?=["“‘(]?[A-Z0-9])/g;
    for (const m of line.matchAll(boundary)) {
      const before = line.slice(sentenceStart, m.index);
      // Inside a quotation ("shouted “Don't forget Aleppo! Don't forget Syria!” before…"), unless the quote closes
      // here, the sentence goes on to the words that frame it.
      // Exclamations and questions only: a quotation of full sentences quotes sentences of their own.
      if (m[1] !== '.' && !m[2] && insideQuote(line.slice(sentenceStart, m.index + 1))) continue;
      const lastWord = /([A-Za-z.]+)$/.exec(before)?.[1]?.toLowerCase() ?? '';
      if (m[1] === '.' && (ABBREVIATIONS.has(lastWord) || /^[a-z]$/.test(lastWord) || /\.[a-z]$/.test(lastWord)))
        continue;
      const end = m.index + m[1]!.length + m[2]!.length;
      push(base + sentenceStart, base + end);
      sentenceStart = end;
    }
    push(base + sentenceStart, base + line.length);
  }
  return out;
}

/** True when a quotation opened in `text` is still open at its end (curly quotes, or an odd number of straight ones). */
function insideQuote(text: string): boolean {
  const curly = (text.match(/“/g) ?? []).length - (text.match(/”/g) ?? []).length;
  if (curly > 0) return true;
  return (text.match(/"/g) ?? []).length % 2 === 1;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
