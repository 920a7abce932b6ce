/**
 * The path built for large datasets, exercised in CI with a synthetic dataset of a few thousand events (the 100k
 * figures come from `npm run bench:browser`): the timeline draws density bars instead of one item per event, a bar
 * zooms in, and the list stays a screenful of rows.
 */
import { readFile } from 'node:fs/promises';
import { DatasetSchema } from '../src/domain/dataset-schema.ts';
import { syntheticDataset } from '../scripts/bench/synthetic-dataset.ts';
import { expect, test } from './fixtures.ts';

const EVENTS = 3000;

test('thousands of events: density bars on the timeline, a bar zooms in, the list stays light', async ({ page }) => {
  const base = DatasetSchema.parse(
    JSON.parse(await readFile(new URL('../dist/data/dataset.json', import.meta.url), 'utf8')),
  );
  const body = JSON.stringify(syntheticDataset(base, EVENTS));
  await page.route('**/data/dataset.json', (route) => route.fulfill({ body, contentType: 'application/json' }));
  await page.goto('/');
  await expect(page.getByText(`${EVENTS.toLocaleString('en')} events`, { exact: true })).toBeVisible();

  const note = page.getByText(/events in view — zoom in or click a bar to see each one/);
  await expect(note).toBeVisible();
  const bars = page.locator('.vis-item.tl-bucket');
  expect(await bars.count()).toBeGreaterThan(0);
  expect(await bars.count()).toBeLessThanOrEqual(150);
  // No DOM node per event: the list renders a screenful, the timeline only bars.
  expect(await page.getByRole('option').count()).toBeLessThan(40);
  expect(await page.locator('.vis-item.vis-point, .vis-item.vis-range:not(.tl-bucket)').count()).toBe(0);

  // Clicking bars zooms in until the events themselves are drawn.
  for (let i = 0; i < 4 && (await note.isVisible()); i++) {
    await bars.nth(Math.floor((await bars.count()) / 2)).click();
    await page.waitForTimeout(700);
  }
  await expect(note).toBeHidden();
  await expect(page.locator('.vis-item.vis-point, .vis-item.vis-range:not(.tl-bucket)').first()).toBeVisible();
});
