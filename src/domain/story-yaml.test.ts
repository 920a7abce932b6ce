import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { StorySchema } from './story.ts';
import { describeFilters, moveStep, readStoredDraft, stepOfView, storyIdOf, type StoryDraft } from './story-draft.ts';
import { exportStoryYaml } from './story-yaml.ts';
import { EMPTY_VIEW } from './url-state.ts';

const shown = {
  window: { start: '2020-02-01', end: '2020-03-31' },
  extent: { south: 35.123456, west: 35.5, north: 37.9, east: 38.25 },
};

describe('stepOfView', () => {
  it('records the selection, the chosen window over the shown one, the extent and the active filters', () => {
    const view = {
      ...EMPTY_VIEW,
      event: 'idlib-ceasefire',
      type: ['ceasefire'],
      window: { start: '2020-03-01', end: '2020-03-10' },
    };
    const step = stepOfView(view, shown, 'Ceasefire in Idlib');
    expect(step).toEqual({
      text: 'Ceasefire in Idlib',
      events: ['idlib-ceasefire'],
      window: { start: '2020-03-01', end: '2020-03-10' },
      extent: { south: 35.12, west: 35.5, north: 37.9, east: 38.25 },
      filters: { type: ['ceasefire'] },
    });
  });

  it('without a selection or a chosen window: the days on screen, no events, no filters', () => {
    const step = stepOfView(EMPTY_VIEW, shown, undefined);
    expect(step.events).toEqual([]);
    expect(step.window).toEqual(shown.window);
    expect(step.filters).toBeUndefined();
    // No text of ours to be exported as the author's: the export asks for one.
    expect(step.text).toBe('');
    expect(exportStoryYaml({ title: 'T', summary: '', steps: [step] })).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^step 1 \(text\): /)],
    });
  });
});

describe('exportStoryYaml', () => {
  const draft: StoryDraft = {
    title: 'Erdoğan & Putin: "Sochi" <2018>',
    summary: '',
    steps: [
      { ...stepOfView({ ...EMPTY_VIEW, event: 'sochi-2018' }, shown, 'Sochi'), text: 'They met: "new hope".\nThen?' },
      { ...stepOfView(EMPTY_VIEW, { window: null, extent: shown.extent }, undefined), text: 'The region.' },
    ],
  };

  it('writes YAML that the story schema reads back to the same story, however odd its text', () => {
    const result = exportStoryYaml(draft);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fileName).toBe('erdogan-putin-sochi-2018.yaml');
    const story = StorySchema.parse(parse(result.text));
    expect(story.title).toBe(draft.title);
    expect(story.steps[0]).toMatchObject({ text: 'They met: "new hope".\nThen?', events: ['sochi-2018'] });
    expect(story.steps[1]!.extent).toEqual({ south: 35.12, west: 35.5, north: 37.9, east: 38.25 });
  });

  it('refuses a step without text, saying which step', () => {
    const result = exportStoryYaml({ ...draft, steps: [{ ...draft.steps[0]!, text: '   ' }] });
    expect(result).toEqual({ ok: false, problems: [expect.stringMatching(/^step 1 \(text\): /)] });
  });
});

describe('describeFilters', () => {
  it('says every filter a step keeps', () => {
    expect(describeFilters({ type: ['attack', 'ceasefire'], q: 'idlib', from: '2020-01-01' })).toBe(
      'type attack, ceasefire · text “idlib” · from 2020-01-01',
    );
  });
});

describe('storyIdOf and moveStep', () => {
  it('makes a slug of any title, and a default for one without letters', () => {
    expect(storyIdOf('Erdoğan and Putin, 2018–2021')).toBe('erdogan-and-putin-2018-2021');
    expect(storyIdOf('«»')).toBe('my-story');
  });

  it('moves a step within bounds', () => {
    const steps = ['a', 'b', 'c'].map((text) => ({ text, events: [] }));
    expect(moveStep(steps, 0, 1).map((s) => s.text)).toEqual(['b', 'a', 'c']);
    expect(moveStep(steps, 0, -1).map((s) => s.text)).toEqual(['a', 'b', 'c']);
    expect(moveStep(steps, 2, -2).map((s) => s.text)).toEqual(['c', 'a', 'b']);
  });
});

describe('readStoredDraft', () => {
  it('reads back what was stored', () => {
    const draft: StoryDraft = {
      title: 'T',
      summary: '',
      steps: [{ text: 'a', events: ['x'], window: shown.window, extent: shown.extent, filters: { type: ['attack'] } }],
    };
    expect(readStoredDraft(JSON.stringify(draft))).toEqual(draft);
  });

  it('drops what is not a draft: bad JSON, wrong shapes, unreadable steps and fields', () => {
    expect(readStoredDraft(null)).toBeNull();
    expect(readStoredDraft('{')).toBeNull();
    expect(readStoredDraft('[1,2]')).toBeNull();
    const odd = readStoredDraft(
      JSON.stringify({ title: 5, steps: [{ text: 'ok', events: ['e'], window: { start: 'soon' } }, { text: 1 }] }),
    );
    expect(odd).toEqual({ title: '', summary: '', steps: [{ text: 'ok', events: ['e'] }] });
  });
});
