import { describe, expect, it } from 'vitest';
import { findDatasetInconsistencies, findParentCycles, type Dataset } from './dataset-schema.ts';
import { makeDataset, makeEvent } from './testing/make-dataset.ts';

const sound = () => makeDataset([makeEvent({ id: 'a', type: 'meeting', placeIds: ['sochi'] })]);

describe('findDatasetInconsistencies', () => {
  it('finds nothing wrong with a sound dataset', () => {
    expect(findDatasetInconsistencies(sound())).toEqual([]);
  });

  it('reports a source an event lists in sourceIds that the dataset does not hold', () => {
    const dataset = sound();
    dataset.events[0]!.sourceIds = ['src', 'reuters-2021'];
    expect(findDatasetInconsistencies(dataset)).toEqual(['event "a": sourceIds lists unknown source "reuters-2021"']);
  });

  it('reports unknown sources behind evidence and the date expression', () => {
    const dataset = sound();
    const event = dataset.events[0]!;
    event.evidence = [{ ...event.evidence[0]!, sourceId: 'gone' }];
    event.date.expression = { sourceId: 'also-gone', quote: 'x', start: 0, end: 1 };
    expect(findDatasetInconsistencies(dataset)).toEqual([
      'event "a" evidence[0]: unknown source "gone"',
      'event "a" date.expression: unknown source "also-gone"',
    ]);
  });

  it('reports a disagreement that shows neither a version nor "combined"', () => {
    const dataset = sound();
    const span = dataset.events[0]!.evidence[0]!;
    dataset.events[0]!.disagreements = [
      {
        aspect: 'date',
        summary: 's',
        versions: [
          { ...span, claim: 'one' },
          { ...span, claim: 'two' },
        ],
        shown: 'elsewhere',
        why: 'w',
      },
    ];
    expect(findDatasetInconsistencies(dataset)).toEqual([
      'event "a" disagreement 0: shows "elsewhere", neither "combined" nor one of its versions',
    ]);
  });

  it('reports each loop in the place hierarchy once, with its path', () => {
    const dataset: Dataset = sound();
    const byId = new Map(dataset.places.map((p) => [p.id, p]));
    byId.get('syria')!.parentId = 'idlib'; // idlib → syria → idlib
    byId.get('russia')!.parentId = 'russia';
    expect(findDatasetInconsistencies(dataset)).toEqual([
      'place "idlib": the place hierarchy loops ("idlib" → "syria" → "idlib"): a place cannot lie inside itself',
      'place "russia": the place hierarchy loops ("russia" → "russia"): a place cannot lie inside itself',
    ]);
  });
});

describe('findParentCycles', () => {
  it('lists a loop once, from its smallest id, and not the places that only lead into it', () => {
    const places = [
      { id: 'd', parentId: 'c' },
      { id: 'c', parentId: 'a' },
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'c' },
      { id: 'e', parentId: null },
      { id: 'f', parentId: 'missing' },
    ];
    expect(findParentCycles(places)).toEqual([['a', 'b', 'c']]);
  });

  it('finds nothing in a tree', () => {
    expect(
      findParentCycles([
        { id: 'world', parentId: null },
        { id: 'syria', parentId: 'world' },
        { id: 'idlib', parentId: 'syria' },
      ]),
    ).toEqual([]);
  });
});
