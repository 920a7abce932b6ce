import { describe, expect, it } from 'vitest';
import { buildEventSearch } from './event-search.ts';
import { createTitleMatcher, queryTerms } from './title-search.ts';
import { makeDataset, makeEvent } from './testing/make-dataset.ts';

const titles = [
  'Erdoğan and Putin meet in Sochi',
  'Akar urges Russia to respect the Idlib deal',
  'Attacks on Idlib',
  'Strikes across Syria',
  'Çavuşoğlu calls Lavrov',
  "Turkey's Defence Minister warns",
];
const matcher = createTitleMatcher((row) => titles[row]!, titles.length, 2);
const rowsFor = async (query: string) => [...((await matcher.search(query))?.rows ?? [])];

describe('createTitleMatcher', () => {
  it('matches word prefixes with diacritics folded, every word of the query', async () => {
    expect(await rowsFor('erdogan')).toEqual([0]);
    expect(await rowsFor('SOCH')).toEqual([0]);
    expect(await rowsFor('idlib')).toEqual([1, 2]);
    expect(await rowsFor('idlib attacks')).toEqual([2]);
    expect(await rowsFor('cavusoglu')).toEqual([4]);
    // Apostrophes are dropped, as the index drops them.
    expect(await rowsFor('turkeys')).toEqual([5]);
    // A term inside a word is not a word prefix: the full index would not match it either.
    expect(await rowsFor('dlib')).toEqual([]);
  });

  it('has nothing to say about a query of stop words, and stops when asked to', async () => {
    expect(await matcher.search('the of')).toBeNull();
    expect(queryTerms('The Idlib, deal!')).toEqual(['idlib', 'deal']);
    expect(await matcher.search('idlib', { aborted: true })).toBeNull();
  });

  it('finds, in titles, what the full index finds in titles', async () => {
    const dataset = makeDataset(titles.map((title, i) => makeEvent({ id: `e${i}`, title })));
    const index = buildEventSearch(dataset, ['title']);
    for (const query of ['erdogan', 'idlib', 'idlib attacks', 'syr', 'lavrov calls', 'turkeys defence'])
      expect(await rowsFor(query)).toEqual([...index.search(query).keys()].sort((a, b) => a - b));
  });
});
