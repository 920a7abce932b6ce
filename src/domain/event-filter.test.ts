import { describe, expect, it } from 'vitest';
import type { TextMatches } from './event-engine.ts';
import { applyFilter, isFilterActive, typeCount, type EventFilter } from './event-filter.ts';
import { buildEventSearch, loadEventSearch, serializeEventSearch } from './event-search.ts';
import { indexFromDataset } from './testing/index-from-dataset.ts';
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
const dataset = makeDataset(events);
const index = indexFromDataset(dataset);
const search = buildEventSearch(dataset);
const none: EventFilter = { actor: [], place: [], type: [], from: null, to: null, q: '' };
const matches = (query: string): TextMatches => {
  const found = search.search(query);
  return { rows: Int32Array.from(found.keys()), scores: Float32Array.from(found.values()) };
};
const idsOf = (rows: Int32Array) => Array.from(rows, (row) => index.summary(row).id);
const ids = (filter: Partial<EventFilter>) =>
  idsOf(applyFilter(index, { ...none, ...filter }, filter.q ? matches(filter.q) : null).rows);
/** Non-zero counts by id, for a facet whose counts are indexed by row of `records`. */
const byId = (counts: Int32Array, records: readonly { id: string }[]) =>
  Object.fromEntries(records.flatMap((r, row) => (counts[row] ? [[r.id, counts[row]]] : [])));

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
    const result = applyFilter(index, { ...none, type: ['attack'], actor: ['putin'] }, null);
    // Types ignore the type filter but honour the actor filter: Putin is in one meeting and one attack.
    expect([typeCount(result, 'meeting'), typeCount(result, 'attack'), typeCount(result, 'statement')]).toEqual([
      1, 1, 0,
    ]);
    // Actors ignore the actor filter but honour the type filter: attacks involve only Putin.
    expect(byId(result.counts.actor, index.actors)).toEqual({ putin: 1 });
    // Places count through the hierarchy.
    expect(byId(result.counts.place, index.places)).toEqual({ idlib: 1, syria: 1 });
  });

  it('searches text with diacritics folded and prefixes matched, ranking title hits first', () => {
    expect(ids({ q: 'Erdogan' })).toEqual(['sochi-meeting']);
    expect(ids({ q: 'erdoğan' })).toEqual(['sochi-meeting']);
    expect(ids({ q: 'soch' })).toEqual(['sochi-meeting']);
    expect(ids({ q: 'idlib' })).toEqual(['akar-statement', 'idlib-attacks']);
    expect(ids({ q: 'idlib attacks' })).toEqual(['idlib-attacks']);
    const result = applyFilter(index, { ...none, q: 'idlib' }, matches('idlib'));
    expect(result.ranked).toBe(true);
    expect(idsOf(result.listRows).sort()).toEqual(idsOf(result.rows).sort());
    // The list puts the title match first; the map and timeline keep date order.
    expect(idsOf(result.listRows)[0]).toBe('idlib-attacks');
  });

  it('finds nothing rather than everything for a query that matches nothing', () => {
    expect(ids({ q: 'zzzz' })).toEqual([]);
  });

  it('ignores a query made only of stop words or punctuation', () => {
    expect(applyFilter(index, { ...none, q: 'the ' }, null)).toMatchObject({ searchPending: false });
    expect(ids({ q: 'the' })).toHaveLength(4);
    expect(isFilterActive({ ...none, q: ' a ' })).toBe(false);
  });

  it('says the search is pending, rather than guessing, until the index is built', async () => {
    const pending = applyFilter(index, { ...none, q: 'idlib' }, null);
    expect(pending).toMatchObject({ searchPending: true });
    expect(pending.rows).toHaveLength(0);
    expect(applyFilter(index, { ...none, type: ['attack'] }, null).searchPending).toBe(false);
  });

  it('answers the same from the prebuilt index the pack ships as from a fresh one', async () => {
    const { json, fields } = serializeEventSearch(dataset);
    const revived = loadEventSearch(json, fields);
    for (const query of ['idlib', 'erdogan', 'soch', 'attacks idlib'])
      expect([...revived.search(query)]).toEqual([...search.search(query)]);
  });
});
