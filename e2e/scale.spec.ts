/**
 * The path built for large datasets, exercised in CI with a synthetic dataset of a few thousand events (the 100k
 * figures come from `npm run bench`): the timeline draws density bars instead of one item per event, a bar
 * zooms in, and the list stays a screenful of rows.
 */
import { readFile } from 'node:fs/promises';
import { DatasetSchema } from '../src/domain/dataset-schema.ts';
import { encodePack } from '../src/domain/pack-encoder.ts';
import { syntheticDataset } from '../scripts/bench/synthetic-dataset.ts';
import { expect, test } from './fixtures.ts';

const EVENTS = 3000;

test('thousands of events: density bars on the timeline, a bar zooms in, the list stays light', async ({ page }) => {
  const base = DatasetSchema.parse(
    JSON.parse(await readFile(new URL('../dist/data/dataset.json', import.meta.url), 'utf8')),
  );
  // The synthetic dataset's pack is served in place of the bundled one, file for file.
  const pack = new Map(encodePack(syntheticDataset(base, EVENTS)).map((file) => [file.path, file.bytes]));
  await page.route('**/data/pack/*', (route) => {
    const bytes = pack.get(new URL(route.request().url()).pathname.split('/').pop()!);
    return bytes ? route.fulfill({ body: Buffer.from(bytes) }) : route.fulfill({ status: 404 });
  });
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

  // Clicking bars zooms in until the events themselves are drawn. The note's element is always there (a live region,
  // empty when events are drawn): read it, not the text match, which vanishes between being counted and being read.
  const densityNote = page.locator('.event-timeline-density-note');
  for (let i = 0; i < 6 && (await note.isVisible()); i++) {
    const before = (await densityNote.textContent()) ?? '';
    await bars.nth(Math.floor((await bars.count()) / 2)).click();
    // Each click zooms: wait until the timeline says something else (fewer in view, or no note at all).
    await expect(densityNote).not.toHaveText(before, { timeout: 30_000 });
  }
  await expect(note).toBeHidden();
  await expect(page.locator('.vis-item.vis-point, .vis-item.vis-range:not(.tl-bucket)').first()).toBeVisible();
});
