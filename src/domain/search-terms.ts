/**
 * How text is reduced for search, shared by the index (in its worker) and the page (which must know whether a
 * query has any word to search for without loading the search library).
 */

/** Lower case, no diacritics, no apostrophes: the form both the index and the query are reduced to. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ı/g, 'i')
    .replace(/['’]/g, '')
    .toLowerCase();
}

export const STOP_WORDS = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'and', 'to', 'for', 'with', 'at', 'by']);

/** True when `query` has at least one word the index can match (not only stop words or punctuation). */
export function hasSearchTerms(query: string): boolean {
  return foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .some((word) => word.length > 0 && !STOP_WORDS.has(word));
}
