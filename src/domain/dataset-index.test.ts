import { describe, expect, it } from 'vitest';
import { aggregateByPlace } from './dataset-index.ts';
import { findDatasetInconsistencies } from './dataset-schema.ts';
import { indexFromDataset } from './testing/index-from-dataset.ts';
import { makeDataset, makeEvent } from './testing/make-dataset.ts';

const dataset = makeDataset([
  makeEvent({ id: 'a', type: 'attack', placeIds: ['idlib'] }),
  makeEvent({
    id: 'b',
    type: 'attack',
    placeIds: ['idlib', 'syria'],
    fatalities: 4,
    classification: { scheme: 'ACLED', type: 'Explosions/Remote violence', subType: 'Air/drone strike' },
  }),
  makeEvent({ id: 'c', type: 'meeting', placeIds: ['sochi', 'sochi'] }),
  makeEvent({ id: 'd', type: 'meeting', placeIds: ['idlib'], date: { earliest: '2015-01-01', latest: '2015-12-31' } }),
]);

describe('indexDataset', () => {
  it('finds events by id through the pack, and knows the date extent', () => {
    expect(findDatasetInconsistencies(dataset)).toEqual([]);
    const index = indexFromDataset(dataset);
    expect(index.size).toBe(dataset.events.length);
    expect(index.summaryById('c')).toMatchObject({ type: 'meeting', title: dataset.events[2]!.title });
    expect(index.summaryById('d')?.date).toMatchObject({ earliest: '2015-01-01', latest: '2015-12-31' });
    expect(index.summaryById('nope')).toBeUndefined();
    expect(index.known.events.has('a')).toBe(true);
    expect(index.known.events.has('z')).toBe(false);
    expect(index.extent).toEqual({ earliest: '2015-01-01', latest: '2021-09-29' });
  });

  it('reads back every hot field the views draw, exactly as the dataset has it', () => {
    const index = indexFromDataset(dataset);
    dataset.events.forEach((event, row) => {
      const summary = index.summary(row);
      expect(summary).toEqual({
        row,
        id: event.id,
        type: event.type,
        title: event.title,
        modality: event.modality,
        date: {
          earliest: event.date.earliest,
          latest: event.date.latest,
          precision: event.date.precision,
          qualifier: event.date.qualifier,
          display: event.date.display,
        },
        actors: event.actors,
        places: event.places,
        fatalities: event.fatalities,
        sourceType: event.classification ? (event.classification.subType ?? event.classification.type) : null,
      });
    });
  });
});

describe('aggregateByPlace', () => {
  it('draws one mark per place, counting each event once, coloured by the most frequent type', () => {
    const index = indexFromDataset(dataset);
    const all = Int32Array.from(dataset.events, (_, row) => row);
    const marks = aggregateByPlace(index, index.tallyPlaces(all));
    const byId = Object.fromEntries(marks.map((m) => [m.place.id, m]));
    const ids = (rows: Int32Array) => Array.from(rows, (row) => index.summary(row).id);
    expect(byId.idlib).toMatchObject({ count: 3, dominantType: 'attack', isArea: true });
    expect(ids(byId.idlib!.eventRows())).toEqual(['a', 'b', 'd']);
    expect(byId.sochi).toMatchObject({ count: 1, isArea: false });
    expect(ids(byId.sochi!.eventRows())).toEqual(['c']);
    expect(byId.syria?.isArea).toBe(true);
    // Areas are listed (drawn) first, so points stay clickable on top of them.
    expect(marks.map((m) => m.isArea)).toEqual([true, true, false]);
    // Only the given rows count.
    const onlyMeetings = aggregateByPlace(index, index.tallyPlaces(Int32Array.of(2, 3)));
    expect(Object.fromEntries(onlyMeetings.map((m) => [m.place.id, m.count]))).toEqual({ idlib: 1, sochi: 1 });
    expect(onlyMeetings.find((m) => m.place.id === 'idlib')?.dominantType).toBe('meeting');
  });
});
