/** Small hand-made datasets for unit tests: only what a test states differs from sensible defaults. */
import type { Dataset, NewsEvent, Place } from '../dataset-schema.ts';
import { SCHEMA_VERSION } from '../dataset-version.ts';

type EventSeed = Partial<Omit<NewsEvent, 'date'>> & {
  id: string;
  date?: Partial<NewsEvent['date']>;
  actorIds?: string[];
  placeIds?: string[];
};

export const TEST_TEXT = 'Erdoğan met Putin in Sochi. Akar spoke about Idlib. Attacks hit Idlib province.';

export function makeEvent(seed: EventSeed): NewsEvent {
  const { actorIds = [], placeIds = [], date = {}, ...rest } = seed;
  const earliest = date.earliest ?? '2021-09-29';
  return {
    type: 'meeting',
    cameo: '040',
    title: seed.id,
    summary: `Summary of ${seed.id}`,
    modality: 'occurred',
    actors: actorIds.map((actorId) => ({ actorId, role: 'participant' as const })),
    places: placeIds.map((placeId) => ({ placeId, role: 'venue' as const, precision: 'exact' as const })),
    classification: null,
    evidence: [{ sourceId: 'src', quote: 'met', start: 8, end: 11 }],
    record: null,
    fatalities: null,
    attributes: {},
    sourceIds: ['src'],
    disagreements: [],
    notes: null,
    ...rest,
    date: {
      earliest,
      latest: date.latest ?? earliest,
      precision: 'day',
      qualifier: null,
      display: earliest,
      resolution: 'explicit',
      expression: null,
      anchor: '2021-09-28',
      note: null,
      edtf: earliest,
      ...date,
    },
  };
}

function place(
  id: string,
  name: string,
  parentId: string | null,
  kind: Place['kind'] = 'city',
  aliases: string[] = [],
): Place {
  return { id, name, aliases, kind, countryCode: 'SY', lat: 35, lon: 36, parentId, geonamesId: null, wikidataId: null };
}

export function makeDataset(events: NewsEvent[]): Dataset {
  return {
    schemaVersion: SCHEMA_VERSION,
    title: 'Test',
    description: 'Test dataset',
    sources: [
      {
        id: 'src',
        kind: 'article',
        title: 'Source',
        titleBasis: 'written',
        publisher: 'unknown',
        publisherNote: null,
        url: null,
        language: 'en',
        publishedAt: '2021-09-28',
        publishedAtBasis: 'dateline',
        publishedAtNote: 'test',
        file: 'src.txt',
        text: TEST_TEXT,
      },
    ],
    actors: [
      {
        id: 'erdogan',
        name: 'Recep Tayyip Erdoğan',
        aliases: ['Erdogan'],
        kind: 'person',
        countryCode: 'TR',
        office: null,
      },
      { id: 'putin', name: 'Vladimir Putin', aliases: [], kind: 'person', countryCode: 'RU', office: null },
      { id: 'akar', name: 'Hulusi Akar', aliases: [], kind: 'person', countryCode: 'TR', office: null },
    ],
    places: [
      place('syria', 'Syria', null, 'country'),
      place('idlib', 'Idlib Governorate', 'syria', 'admin1', ['Idlib']),
      { ...place('sochi', 'Sochi', 'russia'), lon: -74 },
      place('russia', 'Russia', null, 'country'),
    ],
    events,
  };
}
