/**
 * A first answer while the full-text index is still on its way: the events whose title has, for every word of the
 * query, a word that starts with it (diacritics folded, stop words ignored), as the index would match a title. At
 * 100,000 events the worker needs seconds to fetch and revive the full index; this scan answers in a fraction of
 * that, from the titles already loaded, and says it is partial (the full index also reads summaries, excerpts and
 * names, and ranks). The scan yields to the browser between slices, so a large dataset never freezes the page.
 */
import type { TextMatches } from './event-engine.ts';
import { foldText, STOP_WORDS } from './search-terms.ts';

const WORD_BREAKS = /[^\p{L}\p{N}]+/u;

/** The query's words as the matcher compares them (folded, no stop words). */
export function queryTerms(query: string): string[] {
  return foldText(query)
    .split(WORD_BREAKS)
    .filter((word) => word.length > 0 && !STOP_WORDS.has(word));
}

const ASCII = /^[\x20-\x7e]*$/;

/** " word word …": folded words behind a space each, so " term" finds word prefixes. ASCII titles take a fast path. */
function foldTitle(title: string): string {
  if (ASCII.test(title))
    return ` ${title
      .toLowerCase()
      .replace(/'/g, '')
      .replace(/[^a-z0-9]+/g, ' ')}`;
  return ` ${foldText(title).split(WORD_BREAKS).join(' ')}`;
}

export interface TitleMatcher {
  /** Rows whose title matches every term of `query`, in row order, all scored 1. */
  search(query: string, signal?: { aborted: boolean }): Promise<TextMatches | null>;
}

/**
 * `titleAt(row)` for rows [0, size). Folded titles are cached as they are first read (the first query pays for
 * folding, later ones only compare).
 */
export function createTitleMatcher(titleAt: (row: number) => string, size: number, sliceRows = 20_000): TitleMatcher {
  const folded: (string | undefined)[] = new Array(size);
  const foldedAt = (row: number) => (folded[row] ??= foldTitle(titleAt(row)));
  return {
    async search(query, signal) {
      const needles = queryTerms(query).map((term) => ` ${term}`);
      if (needles.length === 0) return null;
      const rows: number[] = [];
      for (let start = 0; start < size; start += sliceRows) {
        if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
        if (signal?.aborted) return null;
        const end = Math.min(size, start + sliceRows);
        for (let row = start; row < end; row++) {
          const title = foldedAt(row);
          if (needles.every((needle) => title.includes(needle))) rows.push(row);
        }
      }
      return { rows: Int32Array.from(rows), scores: new Float32Array(rows.length).fill(1) };
    },
  };
}
