/**
 * Free-text search over events: titles, summaries, excerpts, and the names and aliases of their actors and places.
 * MiniSearch gives prefix matching, light fuzziness and BM25 ranking; we add diacritic folding, so that "Erdogan"
 * finds "Erdoğan" and "cavusoglu" finds "Çavuşoğlu".
 */
import MiniSearch, { type Options } from 'minisearch';
import type { Dataset } from './dataset-schema.ts';
import { foldText, STOP_WORDS } from './search-terms.ts';
import { EVENT_TYPES } from './taxonomy.ts';

export { foldText, hasSearchTerms } from './search-terms.ts';

/** One event as the index sees it. `id` is the event's row in the dataset (its position in `dataset.events`). */
interface SearchDocument {
  id: number;
  title: string;
  summary: string;
  excerpts: string;
  actors: string;
  places: string;
  type: string;
}

const SEARCH_OPTIONS: Options<SearchDocument> = {
  fields: ['title', 'summary', 'excerpts', 'actors', 'places', 'type'],
  storeFields: [],
  // Folding a whole field once is far cheaper than folding each of its words; the query's few words are folded
  // one by one in searchOptions.processTerm.
  extractField: (document, field) =>
    field === 'id' ? document.id : foldText(document[field as Exclude<keyof SearchDocument, 'id'>]),
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

export interface EventSearch {
  /** Event rows matching every word of `query` (prefix match on each), with their relevance scores. */
  search: (query: string) => Map<number, number>;
}

function searchDocuments(dataset: Dataset): SearchDocument[] {
  const actorById = new Map(dataset.actors.map((a) => [a.id, a]));
  const placeById = new Map(dataset.places.map((p) => [p.id, p]));
  const names = (ids: readonly string[], byId: ReadonlyMap<string, { name: string; aliases: string[] }>) =>
    ids
      .map((id) => byId.get(id))
      .flatMap((record) => (record ? [record.name, ...record.aliases] : []))
      .join(' ');
  return dataset.events.map((event, row) => ({
    id: row,
    title: event.title,
    summary: event.summary,
    excerpts: event.evidence.map((e) => e.quote).join(' '),
    actors: names(
      event.actors.map((a) => a.actorId),
      actorById,
    ),
    places: names(
      event.places.map((p) => p.placeId),
      placeById,
    ),
    type: `${EVENT_TYPES[event.type].label} ${event.type}`,
  }));
}

function wrap(mini: MiniSearch<SearchDocument>): EventSearch {
  return {
    search: (query) => {
      const results = query.trim() ? mini.search(query) : [];
      return new Map(results.map((r) => [Number(r.id), r.score]));
    },
  };
}

/** Builds the search index in one go (tests, benchmarks). */
export function buildEventSearch(dataset: Dataset): EventSearch {
  const mini = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  mini.addAll(searchDocuments(dataset));
  return wrap(mini);
}

/**
 * The index as JSON, written into the dataset pack by `npm run data`, so that the app never indexes at run time
 * (at 100,000 events indexing took 12 s of CPU; loading the prebuilt index is a fraction of that).
 */
export function serializeEventSearch(dataset: Dataset): string {
  const mini = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  mini.addAll(searchDocuments(dataset));
  return JSON.stringify(mini);
}

/** Revives an index written by serializeEventSearch, yielding to the event loop while it does. */
export async function loadEventSearch(json: string): Promise<EventSearch> {
  return wrap(await MiniSearch.loadJSONAsync<SearchDocument>(json, SEARCH_OPTIONS));
}
