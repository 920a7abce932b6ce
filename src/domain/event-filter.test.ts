import { describe, expect, it } from 'vitest';
import { indexDataset } from './dataset-index.ts';
import { applyFilter, buildFilterIndex, isFilterActive, type EventFilter } from './event-filter.ts';
import { buildEventSearch, buildEventSearchAsync } from './event-search.ts';
import { makeDataset, makeEvent } from './testing/make-dataset.ts';

const events = [
  makeEvent({
    id: 'sochi-meeting',
    type: 'meeting',
    actorIds: ['erdogan', 'putin'],
    placeIds: ['sochi'],
    title: 'Erdoğan and Putin meet in Sochi',
  }),
  makeEvent({
    id: 'akar-statement',
    type: 'statement',
    actorIds: ['akar'],
    placeIds: ['idlib'],
    title: 'Akar urges Russia to respect the Idlib deal',
    date: { earliest: '2021-09-27', latest: '2021-09-28' },
  }),
  makeEvent({
    id: 'idlib-attacks',
    type: 'attack',
    actorIds: ['putin'],
    placeIds: ['idlib'],
    title: 'Attacks on Idlib',
    date: { earliest: '2020-03-01', latest: '2020-03-31' },
  }),
  makeEvent({
    id: 'syria-wide',
    type: 'attack',
    placeIds: ['syria'],
    title: 'Strikes across Syria',
    date: { earliest: '2015-09-30' },
  }),
];
const index = indexDataset(makeDataset(events));
const fi = buildFilterIndex(index);
const search = buildEventSearch(index);
const none: EventFilter = { actor: [], place: [], type: [], from: null, to: null, q: '' };
const ids = (filter: Partial<EventFilter>) =>
  applyFilter(fi, { ...none, ...filter }, filter.q ? search.search(filter.q) : null).events.map((e) => e.id);

describe('applyFilter', () => {
  it('keeps everything when nothing is chosen', () => {
    expect(ids({})).toEqual(['sochi-meeting', 'akar-statement', 'idlib-attacks', 'syria-wide']);
    expect(isFilterActive(none)).toBe(false);
  });

  it('matches any chosen value within a facet and all facets together', () => {
    expect(ids({ type: ['attack', 'statement'] })).toEqual(['akar-statement', 'idlib-attacks', 'syria-wide']);
    expect(ids({ type: ['attack'], actor: ['putin'] })).toEqual(['idlib-attacks']);
    expect(ids({ actor: ['akar', 'erdogan'] })).toEqual(['sochi-meeting', 'akar-statement']);
  });

  it('understands the place hierarchy: Syria includes Idlib', () => {
    expect(ids({ place: ['syria'] })).toEqual(['akar-statement', 'idlib-attacks', 'syria-wide']);
    expect(ids({ place: ['idlib'] })).toEqual(['akar-statement', 'idlib-attacks']);
  });

  it('keeps events whose interval overlaps the date range', () => {
    expect(ids({ from: '2021-09-28', to: '2021-12-31' })).toEqual(['sochi-meeting', 'akar-statement']);
    expect(ids({ from: '2020-03-31', to: '2020-03-31' })).toEqual(['idlib-attacks']);
    expect(ids({ to: '2019-01-01' })).toEqual(['syria-wide']);
  });

  it('counts each facet value given the other filters, not its own', () => {
    const { counts } = applyFilter(fi, { ...none, type: ['attack'], actor: ['putin'] }, null);
    // Types ignore the type filter but honour the actor filter: Putin is in one meeting and one attack.
    expect(Object.fromEntries(counts.type)).toEqual({ meeting: 1, attack: 1 });
    // Actors ignore the actor filter but honour the type filter: attacks involve only Putin.
    expect(Object.fromEntries(counts.actor)).toEqual({ putin: 1 });
    // Places count through the hierarchy.
    expect(Object.fromEntries(counts.place)).toEqual({ idlib: 1, syria: 1 });
  });

  it('searches text with diacritics folded and prefixes matched, ranking title hits first', () => {
    expect(ids({ q: 'Erdogan' })).toEqual(['sochi-meeting']);
    expect(ids({ q: 'erdoğan' })).toEqual(['sochi-meeting']);
    expect(ids({ q: 'soch' })).toEqual(['sochi-meeting']);
    expect(ids({ q: 'idlib' })).toEqual(['akar-statement', 'idlib-attacks']);
    expect(ids({ q: 'idlib attacks' })).toEqual(['idlib-attacks']);
    const result = applyFilter(fi, { ...none, q: 'idlib' }, search.search('idlib'));
    expect(result.scores?.get('idlib-attacks')).toBeGreaterThan(0);
  });

  it('finds nothing rather than everything for a query that matches nothing', () => {
    expect(ids({ q: 'zzzz' })).toEqual([]);
  });

  it('ignores a query made only of stop words or punctuation', () => {
    expect(applyFilter(fi, { ...none, q: 'the ' }, null)).toMatchObject({ searchPending: false });
    expect(ids({ q: 'the' })).toHaveLength(4);
    expect(isFilterActive({ ...none, q: ' a ' })).toBe(false);
  });

  it('says the search is pending, rather than guessing, until the index is built', async () => {
    const pending = applyFilter(fi, { ...none, q: 'idlib' }, null);
    expect(pending).toMatchObject({ events: [], searchPending: true });
    expect(applyFilter(fi, { ...none, type: ['attack'] }, null).searchPending).toBe(false);
    const built = await buildEventSearchAsync(index, 1);
    expect([...built.search('idlib').keys()].sort()).toEqual(['akar-statement', 'idlib-attacks']);
  });
});
