import { describe, expect, it } from 'vitest';
import {
  DATASET_LIMITS,
  EventRecordSchema,
  PlaceRecordSchema,
  findDatasetInconsistencies,
  findParentCycles,
  isKnownCountryCode,
  type Dataset,
} from './dataset-schema.ts';
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

describe('the input schema', () => {
  const place = {
    id: 'sochi',
    name: 'Sochi',
    kind: 'city',
    countryCode: 'RU',
    lat: 43.6,
    lon: 39.73,
  };
  const messages = (value: unknown) =>
    PlaceRecordSchema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  it('accepts known ISO 3166-1 alpha-2 codes (and XK for Kosovo), and refuses others', () => {
    expect(messages(place)).toEqual([]);
    expect(isKnownCountryCode('TR')).toBe(true);
    expect(isKnownCountryCode('XK')).toBe(true);
    for (const code of ['XX', 'UK', 'EU', 'ZZ']) {
      expect(isKnownCountryCode(code)).toBe(false);
      expect(messages({ ...place, countryCode: code })).toEqual([
        `countryCode: unknown country code "${code}": expected an ISO 3166-1 alpha-2 code such as "TR" (XK for Kosovo)`,
      ]);
    }
  });

  it('says the limit and the length of an over-long value, never the value', () => {
    const name = 'Sochi'.repeat(400_000);
    expect(messages({ ...place, name })).toEqual([
      `name: expected at most ${DATASET_LIMITS.nameChars} characters, got 2,000,000`,
    ]);
  });

  it('refuses control characters, however they were written', () => {
    expect(messages({ ...place, name: 'So\u0007chi' })).toEqual([
      'name: the control character U+0007 at character 3: expected text without control characters (tab and line breaks are allowed)',
    ]);
    expect(messages({ ...place, note: 'line one\nline two\ttabbed' })).toEqual([]);
  });

  it('refuses a disagreement shown by something other than "combined" or a source id', () => {
    const shown = (value: string) =>
      EventRecordSchema.shape.disagreements
        .unwrap()
        .element.shape.shown.safeParse(value)
        .error?.issues.map((i) => i.message) ?? [];
    expect(shown('combined')).toEqual([]);
    expect(shown('some-source')).toEqual([]);
    expect(shown('Combined')).toEqual(['expected "combined" or the sourceId of one of the versions']);
    expect(shown('x'.repeat(101))).toEqual(['expected "combined" or the sourceId of one of the versions']);
  });
});
