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

export type SearchField = Exclude<keyof SearchDocument, 'id'>;

/** Every text of an event: what the bundled dataset and any dataset up to COMPACT_INDEX_ABOVE events index. */
export const FULL_SEARCH_FIELDS: readonly SearchField[] = ['title', 'summary', 'excerpts', 'actors', 'places', 'type'];
/**
 * Above this many events the index covers titles, names and types only: summaries and excerpts are most of its
 * size (58 MB of JSON at 100,000 events), and at 1,000,000 a full-text index is beyond one string, one parse and one
 * tab's memory (see docs/scaling.md).
 */
export const COMPACT_INDEX_ABOVE = 250_000;
export const COMPACT_SEARCH_FIELDS: readonly SearchField[] = ['title', 'actors', 'places', 'type'];

export function searchFieldsFor(eventCount: number): readonly SearchField[] {
  return eventCount > COMPACT_INDEX_ABOVE ? COMPACT_SEARCH_FIELDS : FULL_SEARCH_FIELDS;
}

const optionsFor = (fields: readonly SearchField[]): Options<SearchDocument> => ({
  ...SEARCH_OPTIONS,
  fields: [...fields],
});

const SEARCH_OPTIONS: Options<SearchDocument> = {
  fields: [...FULL_SEARCH_FIELDS],
  storeFields: [],
  // Folding a whole field once is far cheaper than folding each of its words; the query's few words are folded
  // one by one in searchOptions.processTerm.
  extractField: (document, field) => (field === 'id' ? document.id : foldText(document[field as SearchField])),
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

/** One event as the index sees it (exported so that a build can index in a worker thread). */
export type { SearchDocument };

export function searchDocuments(dataset: Dataset): SearchDocument[] {
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
    // The source's own type too: an ACLED user searches "air/drone strike", not the product's "attack".
    type: [EVENT_TYPES[event.type].label, event.type, event.classification?.type, event.classification?.subType]
      .filter(Boolean)
      .join(' '),
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
export function buildEventSearch(dataset: Dataset, fields = searchFieldsFor(dataset.events.length)): EventSearch {
  const mini = new MiniSearch<SearchDocument>(optionsFor(fields));
  mini.addAll(searchDocuments(dataset));
  return wrap(mini);
}

/**
 * The index as JSON, written into the dataset pack by `npm run data`, so that the app never indexes at run time
 * (at 100,000 events indexing took 12 s of CPU; loading the prebuilt index is a fraction of that). The fields it
 * covers go into the manifest: the reader must revive it with the same ones.
 */
export function serializeEventSearch(dataset: Dataset): SerializedSearch {
  return serializeSearchDocuments(searchDocuments(dataset), searchFieldsFor(dataset.events.length));
}

export interface SerializedSearch {
  json: string;
  fields: readonly SearchField[];
}

/** The index of prepared documents as JSON: what serializeEventSearch does after preparing them. */
export function serializeSearchDocuments(
  documents: readonly SearchDocument[],
  fields: readonly SearchField[],
): SerializedSearch {
  const mini = new MiniSearch<SearchDocument>(optionsFor(fields));
  mini.addAll(documents);
  return { json: JSON.stringify(mini), fields };
}

/**
 * Revives an index written by serializeEventSearch. Synchronous, for the worker: MiniSearch's async variant yields
 * so often that it took 5× as long (7.3 s against 1.4 s at 100,000 events, measured in Node).
 */
export function loadEventSearch(json: string, fields: readonly SearchField[]): EventSearch {
  return wrap(MiniSearch.loadJSON<SearchDocument>(json, optionsFor(fields)));
}
