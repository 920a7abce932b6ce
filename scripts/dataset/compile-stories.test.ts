import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/domain/dataset-schema.ts';
import { compileDataset, formatProblem } from './compile-dataset.ts';
import { compileStories } from './compile-stories.ts';
import { loadCountryShapes } from './country-shapes.ts';
import { readDataDir } from './read-data-dir.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dataset: Dataset;
let bundledStories: Awaited<ReturnType<typeof readDataDir>>['stories'];

beforeAll(async () => {
  const input = await readDataDir(path.join(root, 'data'), root);
  const result = compileDataset({ ...input, countryShapes: await loadCountryShapes() });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  dataset = result.dataset;
  bundledStories = input.stories;
});

/** The messages for one story file, as `npm run data` prints them. */
function problemsOf(yaml: string, more: { path: string; content: string }[] = []): string[] {
  const result = compileStories([{ path: 'data/stories/s.yaml', content: yaml }, ...more], dataset);
  return result.ok ? [] : result.problems.map(formatProblem);
}

const anEvent = () => dataset.events[0]!.id;
const story = (steps: string) => `id: s\ntitle: A story\nsteps:\n${steps}`;

describe('compileStories', () => {
  it('accepts the bundled stories, and every step of them shows one of the dataset’s events', () => {
    const result = compileStories(bundledStories, dataset);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.stories.length).toBe(bundledStories.length);
    const ids = new Set(dataset.events.map((e) => e.id));
    for (const s of result.stories)
      for (const step of s.steps) expect(step.events.some((id) => ids.has(id))).toBe(true);
  });

  it('accepts a step that frames a period or a region without events', () => {
    expect(
      problemsOf(story('  - text: The years before.\n    window: { start: 2015-01-01, end: 2016-12-31 }\n')),
    ).toEqual([]);
  });

  it.each([
    [
      'an unknown event id, with its line',
      story(`  - text: First.\n    events: [${'x'}]\n  - text: Second.\n    events: [no-such-event]\n`),
      'data/stories/s.yaml:7: story "s", field steps[1].events[0]: unknown event "no-such-event": expected the id of an event of the dataset',
    ],
    [
      'an unknown actor in a step’s filters',
      story(`  - text: One.\n    events: [EVENT]\n    filters: { actor: [nobody] }\n`),
      'data/stories/s.yaml:6: story "s", field steps[0].filters.actor[0]: unknown actor "nobody": expected the id of an actor',
    ],
    [
      'an unknown event type in a step’s filters',
      story(`  - text: One.\n    events: [EVENT]\n    filters: { type: [picnic] }\n`),
      'field steps[0].filters.type[0]: expected one of the event types: meeting, visit',
    ],
    [
      'a step without text',
      story('  - events: [EVENT]\n'),
      'data/stories/s.yaml:4: story "s", field steps[0].text: missing',
    ],
    [
      'a step that shows nothing',
      story('  - text: Nothing here.\n'),
      'field steps[0]: expected at least one of events, window or extent',
    ],
    [
      'a window that ends before it starts',
      story('  - text: Backwards.\n    window: { start: 2020-02-01, end: 2020-01-01 }\n'),
      'field steps[0].window.end: expected start on or before end',
    ],
    [
      'a day that is not a calendar day',
      story('  - text: Bad day.\n    window: { start: 2020-02-30, end: 2020-03-01 }\n'),
      'field steps[0].window.start: expected a real calendar day written YYYY-MM-DD',
    ],
    [
      'an extent upside down',
      story('  - text: Upside down.\n    extent: { south: 40, west: 30, north: 30, east: 40 }\n'),
      'field steps[0].extent.north: expected south on or below north',
    ],
    [
      'a latitude off the globe',
      story('  - text: Off the globe.\n    extent: { south: -95, west: 30, north: 30, east: 40 }\n'),
      'field steps[0].extent.south: expected a latitude in [-90, 90]',
    ],
    ['no steps', 'id: s\ntitle: A story\nsteps: []\n', 'field steps: expected at least one step'],
    ['an unknown field', story('  - text: One.\n    events: [EVENT]\n    zoom: 5\n'), 'unknown field(s) "zoom"'],
    [
      'an id that is not a slug',
      'id: Not A Slug\ntitle: T\nsteps:\n  - text: x\n    events: [EVENT]\n',
      'field id: expected a slug',
    ],
    ['a list instead of a story', '- id: s\n', 'data/stories/s.yaml:1: expected one story: a YAML mapping'],
    [
      'a control character in a step’s text',
      story('  - text: "Bell \\a here."\n    events: [EVENT]\n'),
      'field steps[0].text: the control character U+0007',
    ],
    ['an unknown YAML tag', story('  - text: !unknown x\n    events: [EVENT]\n'), 'data/stories/s.yaml:4'],
  ])('refuses %s, saying where', (_, yaml, message) => {
    const problems = problemsOf(yaml.replaceAll('EVENT', anEvent()).replace('[x]', `[${anEvent()}]`));
    expect(problems.join('\n')).toContain(message);
  });

  it('refuses the same story id in two files, naming the first', () => {
    const one = story(`  - text: One.\n    events: [${anEvent()}]\n`);
    expect(problemsOf(one, [{ path: 'data/stories/t.yaml', content: one }])).toEqual([
      'data/stories/t.yaml:1: story "s", field id: a second story "s" (the first is in data/stories/s.yaml): expected ids unique across data/stories/',
    ]);
  });
});
