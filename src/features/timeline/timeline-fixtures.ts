/** Test data for the timeline's unit tests: one valid event, with any field overridden. */
import type { NewsEvent } from '../../domain/dataset-schema.ts';

export function makeEvent(overrides: Partial<Omit<NewsEvent, 'date'>> & { date?: Partial<NewsEvent['date']> } = {}) {
  const { date, ...rest } = overrides;
  return {
    id: 'sochi-meeting',
    type: 'meeting',
    cameo: '040',
    title: 'Erdoğan and Putin meet in Sochi',
    summary: 'They met.',
    modality: 'occurred',
    actors: [],
    places: [],
    classification: null,
    evidence: [{ sourceId: 'a', quote: 'q', start: 0, end: 1 }],
    record: null,
    fatalities: null,
    attributes: {},
    sourceIds: ['a'],
    disagreements: [],
    notes: null,
    ...rest,
    date: {
      earliest: '2021-09-29',
      latest: '2021-09-29',
      precision: 'day',
      qualifier: null,
      display: 'Wednesday 29 September 2021',
      resolution: 'explicit',
      expression: null,
      anchor: '2021-09-29',
      note: null,
      edtf: '2021-09-29',
      ...date,
    },
  } satisfies NewsEvent as NewsEvent;
}
