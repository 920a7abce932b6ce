/**
 * Writing a story in the app: add the current view as a step (twice), write the steps' text, reorder, and export
 * the YAML — which the build's own story check accepts against the served dataset.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'yaml';
import { expect, test } from './fixtures.ts';
import { compileStories } from '../scripts/dataset/compile-stories.ts';
import type { Dataset } from '../src/domain/dataset-schema.ts';

async function servedDataset(): Promise<Dataset> {
  return JSON.parse(await readFile(new URL('../dist/data/dataset.json', import.meta.url), 'utf8')) as Dataset;
}

test('add the current view as a step, twice, write and reorder the steps, and export the story as YAML', async ({
  page,
}) => {
  const dataset = await servedDataset();
  const titleOf = new Map(dataset.events.map((e) => [e.id, e.title]));
  const first = dataset.events[0]!;
  await page.goto(`/?event=${first.id}`);
  const details = page.getByRole('region', { name: 'Event details' });
  await expect(details.getByRole('heading', { name: first.title, exact: true })).toBeVisible();

  await page.getByLabel('Story', { exact: true }).selectOption({ label: 'Write a story…' });
  const draft = page.getByRole('region', { name: /^Your story/ });
  await draft.getByRole('button', { name: 'Add view as step' }).click();
  await expect(draft.getByText('1 step', { exact: true })).toBeVisible();
  // The step's text starts as the event's title, for the author to rewrite.
  await expect(draft.getByLabel('Step 1 text')).toHaveValue(first.title);
  await draft.getByLabel('Step 1 text').fill('Where it began: the first report.');

  // A second view: another event, chosen in the list, with a type filter on.
  const list = page.getByRole('listbox', { name: /^Events,/ });
  await list.getByRole('option').nth(1).click();
  await expect(page).not.toHaveURL(new RegExp(`event=${first.id}(&|$)`));
  const secondId = new URL(page.url()).searchParams.get('event')!;
  await expect(details.getByRole('heading', { name: titleOf.get(secondId)!, exact: true })).toBeVisible();
  await draft.getByRole('button', { name: 'Add view as step 2' }).click();
  await expect(draft.getByText('2 steps', { exact: true })).toBeVisible();
  await draft.getByLabel('Step 2 text').fill('And then: the next.');
  await draft.getByRole('button', { name: 'Move step 2 up' }).click();
  await expect(draft.getByLabel('Step 1 text')).toHaveValue('And then: the next.');
  await draft.getByLabel('Story title').fill('A test story: two steps');

  const axe = await new AxeBuilder({ page })
    .include('.story-draft')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  const downloading = page.waitForEvent('download');
  await draft.getByRole('button', { name: 'Export story as YAML' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('a-test-story-two-steps.yaml');
  const text = await readFile(await file.path(), 'utf8');
  const story = parse(text) as { title: string; steps: { text: string; events: string[]; window?: unknown }[] };
  expect(story.title).toBe('A test story: two steps');
  expect(story.steps.map((s) => [s.text, s.events])).toEqual([
    ['And then: the next.', [secondId]],
    ['Where it began: the first report.', [first.id]],
  ]);
  // Each step keeps the timeline's window and the map's extent it was added with.
  expect(story.steps.every((s) => s.window !== undefined)).toBe(true);
  // The build accepts the file as it is, against the dataset the app serves.
  const compiled = compileStories([{ path: `data/stories/${file.suggestedFilename()}`, content: text }], dataset);
  expect(compiled).toMatchObject({ ok: true });
  await expect(draft.getByText(/^Exported a-test-story-two-steps\.yaml/)).toBeVisible();

  // A reload keeps the author's work; only a discard drops it.
  await page.reload();
  await expect(draft.getByText('2 steps', { exact: true })).toBeVisible();
  await expect(draft.getByLabel('Story title')).toHaveValue('A test story: two steps');
  await draft.getByRole('button', { name: 'Discard…' }).click();
  await draft.getByRole('button', { name: 'Discard all 2 steps' }).click();
  await expect(draft).toHaveCount(0);
  await page.reload();
  await expect(details.getByRole('heading', { name: titleOf.get(secondId)!, exact: true })).toBeVisible();
  await expect(draft).toHaveCount(0);
});
