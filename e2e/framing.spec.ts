/**
 * Views that frame what is shown: the timeline opens on the span where the events are, with days on its axis at a
 * two-month window, and both views move to the results of a filter change, except a view the user moved by hand,
 * which offers "Fit to results" instead. Expectations come from the served dataset, not from its counts.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

interface DatasetFile {
  events: { type: string; date: { earliest: string; latest: string }; places: { placeId: string }[] }[];
  places: { id: string; kind: string; lat: number; lon: number }[];
}

async function servedDataset(): Promise<DatasetFile> {
  return JSON.parse(await readFile(new URL('../dist/data/dataset.json', import.meta.url), 'utf8')) as DatasetFile;
}

const DAY = 86_400_000;
const ms = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`);

/** The days the timeline shows once settled, as epoch ms (start inclusive, end exclusive). */
async function timelineWindow(page: Page): Promise<{ start: number; end: number } | null> {
  const value = await page.locator('.event-timeline-canvas').getAttribute('data-shown-window');
  if (!value) return null;
  const [start, end] = value.split('..') as [string, string];
  return { start: ms(start), end: ms(end) + DAY };
}

/** The map's shown bounds: south, west, north, east. */
async function mapBounds(page: Page): Promise<number[] | null> {
  const value = await page.getByRole('region', { name: 'Map of event locations' }).getAttribute('data-bounds');
  return value ? value.split(',').map(Number) : null;
}

function containsAll(bounds: number[] | null, points: { lat: number; lon: number }[]): boolean {
  if (!bounds) return false;
  const [south, west, north, east] = bounds as [number, number, number, number];
  return points.every((p) => p.lat >= south && p.lat <= north && p.lon >= west && p.lon <= east);
}

/** The attacks overlapping 2021, and the places (other than countries) they are at. */
async function attacksIn2021() {
  const { events, places } = await servedDataset();
  const attacks = events.filter(
    (e) => e.type === 'attack' && e.date.latest >= '2021-01-01' && e.date.earliest <= '2021-12-31',
  );
  const placeById = new Map(places.map((p) => [p.id, p]));
  const local = attacks
    .flatMap((e) => e.places.map((link) => placeById.get(link.placeId)!))
    .filter((p) => p.kind !== 'country');
  return { attacks, local };
}

async function filterAttacksIn2021(page: Page) {
  await page.getByRole('button', { name: 'Types', exact: false }).first().click();
  await page
    .getByRole('group', { name: 'Filter by types' })
    .getByRole('checkbox', { name: /Attack/ })
    .check();
  await page.keyboard.press('Escape');
  await page.getByLabel('From', { exact: true }).fill('2021-01-01');
  await page.getByLabel('To', { exact: true }).fill('2021-12-31');
  await expect(page).toHaveURL(/type=attack&from=2021-01-01&to=2021-12-31/);
}

test('the first view opens on the span where most events are, not on the padded full extent', async ({ page }) => {
  const { events } = await servedDataset();
  await page.goto('/');
  await expect.poll(() => timelineWindow(page)).not.toBeNull();
  const shown = (await timelineWindow(page))!;
  const earliest = Math.min(...events.map((e) => ms(e.date.earliest)));
  const latest = Math.max(...events.map((e) => ms(e.date.latest) + DAY));
  // Not reaching back to the earliest (long-running) event…
  expect(shown.start).toBeGreaterThan(earliest);
  expect(shown.end - shown.start).toBeLessThan(latest - earliest);
  // …yet every event ending in view's last stretch is in view, and most events touch the window.
  const touching = events.filter((e) => ms(e.date.latest) + DAY > shown.start && ms(e.date.earliest) < shown.end);
  expect(touching.length).toBeGreaterThanOrEqual(0.9 * events.length);
  expect(shown.end).toBeGreaterThanOrEqual(latest);
  // With no window in the URL: the view follows the data.
  await expect(page).not.toHaveURL(/window=/);
});

test('a two-month window labels days on the axis', async ({ page }) => {
  await page.goto('/?window=2021-08-01..2021-09-30');
  const minor = page.locator('.vis-time-axis .vis-text.vis-minor:not(.vis-measure)');
  await expect(minor.first()).toBeVisible();
  await expect
    .poll(async () => (await minor.allTextContents()).filter((t) => /^\d{1,2}$/.test(t.trim())).length)
    .toBeGreaterThanOrEqual(6);
  // The link's window is shown exactly.
  await expect(page.locator('.event-timeline-canvas')).toHaveAttribute('data-shown-window', '2021-08-01..2021-09-30');
});

test('"only attacks in 2021" frames 2021 on the timeline and the attacked places on the map', async ({ page }) => {
  const { local } = await attacksIn2021();
  expect(local.length).toBeGreaterThan(0);
  await page.goto('/');
  await expect.poll(() => mapBounds(page)).not.toBeNull();
  const before = (await mapBounds(page))!;
  await filterAttacksIn2021(page);
  await expect
    .poll(async () => {
      const shown = await timelineWindow(page);
      return shown !== null && shown.start >= ms('2020-12-01') && shown.end <= ms('2022-03-01');
    })
    .toBe(true);
  // The map closes in on the attacked places: far smaller than the first view (Europe to the Caspian).
  const area = (b: number[]) => (b[2]! - b[0]!) * (b[3]! - b[1]!);
  const initial = area(before);
  await expect
    .poll(async () => {
      const bounds = await mapBounds(page);
      return containsAll(bounds, local) && area(bounds!) < initial / 4;
    })
    .toBe(true);
  // Both views offer to fit again while filters are active.
  await expect(
    page.getByRole('region', { name: 'Map of event locations' }).getByRole('button', { name: 'Fit to results' }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Timeline' }).getByRole('button', { name: 'Fit to results' }),
  ).toBeVisible();
});

test('a map moved by hand stays put on a filter change, and "Fit to results" frames the results', async ({ page }) => {
  const { local } = await attacksIn2021();
  await page.goto('/');
  const map = page.getByRole('region', { name: 'Map of event locations' });
  await expect.poll(() => mapBounds(page)).not.toBeNull();
  const fit = map.getByRole('button', { name: 'Fit to results' });
  await expect(fit).toBeHidden();
  // Drag the map well to the west, by hand, until the attacked places are out of view.
  const box = (await map.boundingBox())!;
  const initial = await mapBounds(page);
  for (let drag = 0; drag < 2; drag++) {
    await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.7);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.7, { steps: 8 });
    await page.mouse.move(box.x + box.width * 0.9, box.y + box.height * 0.7, { steps: 8 });
    await page.mouse.up();
  }
  await expect.poll(() => mapBounds(page)).not.toEqual(initial);
  // Read the bounds once the drag's inertia has ended (one moveend after it).
  let last: number[] | null = null;
  await expect
    .poll(
      async () => {
        const bounds = await mapBounds(page);
        const settled = JSON.stringify(bounds) === JSON.stringify(last);
        last = bounds;
        return settled;
      },
      { intervals: [500] },
    )
    .toBe(true);
  const moved = await mapBounds(page);
  await filterAttacksIn2021(page);
  // The filter reached the views (the list shows the result), the map offers to fit, and it has not moved.
  await expect(page.getByText(/^\d+ of \d[\d,]* events$/)).toBeVisible();
  await expect(fit).toBeVisible();
  expect(await mapBounds(page)).toEqual(moved);
  expect(containsAll(moved, local)).toBe(false);
  await fit.click();
  await expect.poll(async () => containsAll(await mapBounds(page), local)).toBe(true);
});

test('a timeline moved by hand stays put on a filter change, and its "Fit to results" frames them', async ({
  page,
}) => {
  await page.goto('/?window=2018-09-01..2018-10-31');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(page.locator('.event-timeline-canvas')).toHaveAttribute('data-shown-window', '2018-09-01..2018-10-31');
  await filterAttacksIn2021(page);
  await expect(page.getByText(/^\d+ of \d[\d,]* events$/)).toBeVisible();
  const fit = timeline.getByRole('button', { name: 'Fit to results' });
  await expect(fit).toBeVisible();
  await expect(page.locator('.event-timeline-canvas')).toHaveAttribute('data-shown-window', '2018-09-01..2018-10-31');
  await fit.click();
  await expect
    .poll(async () => {
      const shown = await timelineWindow(page);
      return shown !== null && shown.start >= ms('2020-12-01') && shown.end <= ms('2022-03-01');
    })
    .toBe(true);
  // The window follows the data again: the link no longer pins one.
  await expect(page).not.toHaveURL(/window=/);
});
