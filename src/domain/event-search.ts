/**
 * Free-text search over events: titles, summaries, excerpts, and the names and aliases of their actors and places.
 * MiniSearch gives prefix matching, light fuzziness and BM25 ranking; we add diacritic folding, so that "Erdogan"
 * finds "Erdoğan" and "cavusoglu" finds "Çavuşoğlu".
 */
import MiniSearch from 'minisearch';
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

export interface EventSearch {
  /** Event ids matching every word of `query` (prefix match on each), with their relevance scores. */
  search: (query: string) => Map<string, number>;
}

export function buildEventSearch(index: DatasetIndex): EventSearch {
  const mini = new MiniSearch<SearchDocument>({
    fields: ['title', 'summary', 'excerpts', 'actors', 'places', 'type'],
    storeFields: [],
    processTerm: (term) => {
      const folded = foldText(term);
      return folded.length === 0 || STOP_WORDS.has(folded) ? null : folded;
    },
    searchOptions: {
      boost: { title: 3, actors: 2, places: 2, type: 1.5 },
      prefix: true,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      combineWith: 'AND',
    },
  });
  const names = (ids: readonly string[], byId: ReadonlyMap<string, { name: string; aliases: string[] }>) =>
    ids
      .map((id) => byId.get(id))
      .flatMap((record) => (record ? [record.name, ...record.aliases] : []))
      .join(' ');
  mini.addAll(
    index.events.map((event) => ({
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
    })),
  );
  return {
    search: (query) => {
      const results = query.trim() ? mini.search(query) : [];
      return new Map(results.map((r) => [String(r.id), r.score]));
    },
  };
}
