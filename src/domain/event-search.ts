/**
 * Free-text search over events: titles, summaries, excerpts, and the names and aliases of their actors and places.
 * MiniSearch gives prefix matching, light fuzziness and BM25 ranking; we add diacritic folding, so that "Erdogan"
 * finds "Erdoğan" and "cavusoglu" finds "Çavuşoğlu".
 */
import MiniSearch, { type Options } from 'minisearch';
import type { DatasetIndex } from './dataset-index.ts';
import { EVENT_TYPES } from './taxonomy.ts';

interface SearchDocument {
  id: string;
  title: string;
  summary: string;
  excerpts: string;
  actors: string;
  places: string;
  type: string;
}

/** Lower case, no diacritics, no apostrophes: the form both the index and the query are reduced to. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ı/g, 'i')
    .replace(/['’]/g, '')
    .toLowerCase();
}

const STOP_WORDS = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'and', 'to', 'for', 'with', 'at', 'by']);

const SEARCH_OPTIONS: Options<SearchDocument> = {
  fields: ['title', 'summary', 'excerpts', 'actors', 'places', 'type'],
  storeFields: [],
  // Folding a whole field once is far cheaper than folding each of its words; the query's few words are folded
  // one by one in searchOptions.processTerm.
  extractField: (document, field) => foldText(document[field as keyof SearchDocument]),
  processTerm: (term) => (term.length === 0 || STOP_WORDS.has(term) ? null : term),
  searchOptions: {
    processTerm: (term) => {
      const folded = foldText(term);
      return folded.length === 0 || STOP_WORDS.has(folded) ? null : folded;
    },
    boost: { title: 3, actors: 2, places: 2, type: 1.5 },
    prefix: true,
    fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
    combineWith: 'AND',
  },
};

/** True when `query` has at least one word the index can match (not only stop words or punctuation). */
export function hasSearchTerms(query: string): boolean {
  return foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .some((word) => word.length > 0 && !STOP_WORDS.has(word));
}

export interface EventSearch {
  /** Event ids matching every word of `query` (prefix match on each), with their relevance scores. */
  search: (query: string) => Map<string, number>;
}

function searchDocuments(index: DatasetIndex): SearchDocument[] {
  const names = (ids: readonly string[], byId: ReadonlyMap<string, { name: string; aliases: string[] }>) =>
    ids
      .map((id) => byId.get(id))
      .flatMap((record) => (record ? [record.name, ...record.aliases] : []))
      .join(' ');
  return index.events.map((event) => ({
    id: event.id,
    title: event.title,
    summary: event.summary,
    excerpts: event.evidence.map((e) => e.quote).join(' '),
    actors: names(
      event.actors.map((a) => a.actorId),
      index.actorById,
    ),
    places: names(
      event.places.map((p) => p.placeId),
      index.placeById,
    ),
    type: `${EVENT_TYPES[event.type].label} ${event.type}`,
  }));
}

function wrap(mini: MiniSearch<SearchDocument>): EventSearch {
  return {
    search: (query) => {
      const results = query.trim() ? mini.search(query) : [];
      return new Map(results.map((r) => [String(r.id), r.score]));
    },
  };
}

/** Builds the search index in one go (tests, benchmarks). */
export function buildEventSearch(index: DatasetIndex): EventSearch {
  const mini = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  mini.addAll(searchDocuments(index));
  return wrap(mini);
}

/**
 * Builds the search index in chunks, yielding to the browser between them: at 100,000 events indexing takes
 * seconds, and the page must stay responsive meanwhile.
 */
export async function buildEventSearchAsync(index: DatasetIndex, chunkSize = 1000): Promise<EventSearch> {
  const mini = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  await mini.addAllAsync(searchDocuments(index), { chunkSize });
  return wrap(mini);
}
