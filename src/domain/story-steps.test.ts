import { describe, expect, it } from 'vitest';
import { findManifestProblems, STORIES_FILE, type PackManifest } from './event-pack.ts';
import { encodePack } from './pack-encoder.ts';
import { SCHEMA_VERSION } from './dataset-schema.ts';
import { makeDataset, makeEvent } from './testing/make-dataset.ts';
import { StoryCollectionSchema, StorySchema, type Story } from './story.ts';
import { findUnknownStoryReferences, frameOfStep, viewOfStep, type FramedEvent } from './story-steps.ts';
import { EMPTY_VIEW } from './url-state.ts';

const events = new Map<string, FramedEvent>([
  ['sochi', { earliest: '2018-09-17', latest: '2018-09-17', points: [[43.6, 39.73]] }],
  ['moscow', { earliest: '2019-08-27', latest: '2019-08-27', points: [[55.75, 37.62]] }],
  [
    'idlib',
    {
      earliest: '2019-12-01',
      latest: '2020-03-05',
      points: [
        [35.93, 36.63],
        [35.8, 36.9],
      ],
    },
  ],
]);
const step = (fields: object) =>
  StorySchema.parse({ id: 's', title: 'S', steps: [{ text: 'x', ...fields }] }).steps[0]!;

describe('frameOfStep', () => {
  it('frames a step on its events: the span of their days and the bounds of their places', () => {
    expect(frameOfStep(step({ events: ['sochi', 'idlib'] }), (id) => events.get(id))).toEqual({
      window: { start: '2018-09-17', end: '2020-03-05' },
      extent: { south: 35.8, west: 36.63, north: 43.6, east: 39.73 },
    });
  });

  it('keeps the window and extent a step gives, whatever its events', () => {
    const window = { start: '2019-01-01', end: '2019-12-31' };
    const extent = { south: 30, west: 30, north: 40, east: 45 };
    expect(frameOfStep(step({ events: ['sochi'], window, extent }), (id) => events.get(id))).toEqual({
      window,
      extent,
    });
  });

  it('leaves the views where they are when neither the step nor its events say (an event without a place)', () => {
    const placeless = new Map([['statement', { earliest: '2020-01-01', latest: '2020-01-02', points: [] }]]);
    expect(frameOfStep(step({ events: ['statement'] }), (id) => placeless.get(id))).toEqual({
      window: { start: '2020-01-01', end: '2020-01-02' },
      extent: null,
    });
  });
});

describe('findUnknownStoryReferences', () => {
  it('names every event, actor and place the dataset lacks, by the path of the field', () => {
    const story: Story = StorySchema.parse({
      id: 's',
      title: 'S',
      steps: [
        { text: 'a', events: ['sochi', 'gone'] },
        { text: 'b', events: ['moscow'], filters: { actor: ['putin', 'nobody'], place: ['atlantis'] } },
      ],
    });
    const refs = { events: new Set(events.keys()), actors: new Set(['putin']), places: new Set(['sochi']) };
    expect(findUnknownStoryReferences(story, refs).map((p) => p.path.join('.'))).toEqual([
      'steps.0.events.1',
      'steps.1.filters.actor.1',
      'steps.1.filters.place.0',
    ]);
  });
});

describe('stories in the pack', () => {
  const dataset = makeDataset([makeEvent({ id: 'sochi-2018' })]);
  const story = StorySchema.parse({
    id: 'walk',
    title: 'A walk',
    steps: [{ text: 'x', events: [dataset.events[0]!.id] }],
  });

  it('writes stories.json, declared in the manifest, only for a dataset with stories', () => {
    const files = new Map(encodePack(dataset, [story]).map((f) => [f.path, f.bytes]));
    const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as PackManifest;
    expect(findManifestProblems(manifest, SCHEMA_VERSION)).toEqual([]);
    expect(manifest.files.stories).toEqual({ path: STORIES_FILE, bytes: files.get(STORIES_FILE)!.byteLength });
    const written = StoryCollectionSchema.parse(JSON.parse(new TextDecoder().decode(files.get(STORIES_FILE))));
    expect(written.stories).toEqual([story]);

    const without = encodePack(dataset);
    expect(without.map((f) => f.path)).not.toContain(STORIES_FILE);
  });

  it('refuses a manifest whose stories entry is not a file', () => {
    const files = new Map(encodePack(dataset, [story]).map((f) => [f.path, f.bytes]));
    const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as PackManifest;
    const broken = { ...manifest, files: { ...manifest.files, stories: { path: 7 } } };
    expect(findManifestProblems(broken, SCHEMA_VERSION).join('\n')).toContain('files.stories');
  });
});

describe('viewOfStep', () => {
  const story = StorySchema.parse({
    id: 'walk',
    title: 'A walk',
    steps: [
      { text: 'one', events: ['sochi'] },
      { text: 'two', events: ['gone', 'idlib'], filters: { type: ['offensive'] } },
      { text: 'three', window: { start: '2021-01-01', end: '2021-12-31' } },
    ],
  });
  const lookup = (id: string) => events.get(id);
  const exploring = { ...EMPTY_VIEW, actor: ['akar'], q: 'truce', read: 'article', event: 'other' };

  it('selects the first event and replaces the user’s filters with the step’s, the reader closed', () => {
    const { view } = viewOfStep(exploring, story, 2, lookup);
    expect(view).toMatchObject({ story: 'walk', step: 2, event: 'idlib', actor: [], type: ['offensive'], q: '' });
    expect(view.read).toBeNull();
  });

  it('pads a window taken from the events so a one-day event does not fill the timeline', () => {
    const { view } = viewOfStep(EMPTY_VIEW, story, 1, lookup);
    expect(view.window).toEqual({ start: '2018-09-10', end: '2018-09-24' });
  });

  it('keeps a step’s own window as written, selects nothing for a step without events, and clamps the step', () => {
    const { view } = viewOfStep(exploring, story, 9, lookup);
    expect(view).toMatchObject({ step: 3, event: null, window: { start: '2021-01-01', end: '2021-12-31' } });
  });
});
