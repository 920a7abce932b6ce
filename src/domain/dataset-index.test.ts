import { describe, expect, it } from 'vitest';
import { aggregateByPlace, indexDataset } from './dataset-index.ts';
import { findDatasetInconsistencies } from './dataset-schema.ts';
import { makeDataset, makeEvent } from './testing/make-dataset.ts';

const dataset = makeDataset([
  makeEvent({ id: 'a', type: 'attack', placeIds: ['idlib'] }),
  makeEvent({ id: 'b', type: 'attack', placeIds: ['idlib', 'syria'] }),
  makeEvent({ id: 'c', type: 'meeting', placeIds: ['sochi', 'sochi'] }),
  makeEvent({ id: 'd', type: 'meeting', placeIds: ['idlib'], date: { earliest: '2015-01-01', latest: '2015-12-31' } }),
]);

describe('indexDataset', () => {
  it('indexes by id, by source, and knows the date extent', () => {
    expect(findDatasetInconsistencies(dataset)).toEqual([]);
    const index = indexDataset(dataset);
    expect(index.eventById.get('c')?.type).toBe('meeting');
    expect(index.eventsBySource.get('src')?.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(index.extent).toEqual({ earliest: '2015-01-01', latest: '2021-09-29' });
  });
});

describe('aggregateByPlace', () => {
  it('draws one mark per place, counting each event once, coloured by the most frequent type', () => {
    const index = indexDataset(dataset);
    const marks = aggregateByPlace(index.events, index.placeById);
    const byId = Object.fromEntries(marks.map((m) => [m.place.id, m]));
    expect(byId.idlib).toMatchObject({ eventIds: ['a', 'b', 'd'], dominantType: 'attack', isArea: true });
    expect(byId.idlib?.countByType).toEqual({ attack: 2, meeting: 1 });
    expect(byId.sochi).toMatchObject({ eventIds: ['c'], isArea: false });
    expect(byId.syria?.isArea).toBe(true);
    // Areas are listed (drawn) first, so points stay clickable on top of them.
    expect(marks.map((m) => m.isArea)).toEqual([true, true, false]);
  });
});
