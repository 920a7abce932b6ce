/** Narrowing the data: facets, the details shortcuts, date ranges, search, the URL, and export. */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { expect, restingBox, test } from './fixtures.ts';

interface DatasetFile {
  events: { title: string; type: string; actors: { actorId: string }[] }[];
}

/** The dataset the app under test serves, to compute what a filter must show. */
async function servedDataset(): Promise<DatasetFile> {
  return JSON.parse(await readFile(new URL('../dist/data/dataset.json', import.meta.url), 'utf8')) as DatasetFile;
}

function eventList(page: Page) {
  return page.getByRole('listbox', { name: /^Events,/ });
}

async function listedTitles(page: Page): Promise<string[]> {
  // The list is virtualised: scroll through it, reading the rendered rows in one snapshot per step (rows come and
  // go while React renders, so no row is read through a locator that could go stale).
  return eventList(page).evaluate(async (list) => {
    const titles = new Map<number, string>();
    for (let top = 0; ; top += 200) {
      list.scrollTo(0, top);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      for (const row of list.querySelectorAll('[role="option"]'))
        titles.set(Number(row.getAttribute('aria-posinset')), row.querySelector('.event-row-title')?.textContent ?? '');
      if (list.scrollTop + list.clientHeight >= list.scrollHeight - 1) break;
    }
    list.scrollTo(0, 0);
    return [...titles.entries()].sort((a, b) => a[0] - b[0]).map(([, title]) => title);
  });
}

async function openFacet(page: Page, name: 'Types' | 'Actors' | 'Places') {
  await page.getByRole('button', { name, exact: false }).first().click();
  return page.getByRole('group', { name: `Filter by ${name.toLowerCase()}` });
}

test('filter by actor through the facet: every view follows and the header counts', async ({ page }) => {
  await page.goto('/');
  const facet = await openFacet(page, 'Actors');
  await facet.getByRole('searchbox', { name: 'Find actors' }).fill('akar');
  await facet.getByRole('checkbox', { name: /Hulusi Akar/ }).check();
  await expect(page).toHaveURL(/[?&]actor=hulusi-akar/);
  const { events } = await servedDataset();
  const expected = events.filter((e) => e.actors.some((a) => a.actorId === 'hulusi-akar')).map((e) => e.title);
  expect(expected.length).toBeGreaterThan(1);
  await expect(page.getByText(`${expected.length} of ${events.length.toLocaleString('en')} events`)).toBeVisible();
  await expect.poll(() => listedTitles(page)).toEqual(expected);
  // The timeline shows the same events.
  await expect(page.locator('.vis-item.vis-range, .vis-item.vis-point, .vis-item.vis-box')).toHaveCount(
    expected.length,
  );
});

test('ticking a facet value does not move the rows under the pointer', async ({ page }) => {
  await page.goto('/');
  const facet = await openFacet(page, 'Types');
  const attack = facet.getByRole('checkbox', { name: /Attack/ });
  await expect(attack).toBeVisible();
  const before = await restingBox(page, attack);
  await attack.check();
  await expect(page).toHaveURL(/type=attack/);
  // Read where the row comes to rest once the counts have followed the filter, not the instant after the click.
  expect((await restingBox(page, attack))?.y).toBe(before?.y);
});

test('filter by actor from the details of an event', async ({ page }) => {
  await page.goto('/?event=akar-remarks-idlib-2021');
  await page
    .getByRole('region', { name: 'Event details' })
    .getByRole('button', { name: /Hulusi Akar/ })
    .click();
  await expect(page).toHaveURL(/[?&]actor=hulusi-akar/);
  await expect(page.getByRole('button', { name: /Actors\s*1/ })).toBeVisible();
});

test('combine a type with a date range, and widen an empty result', async ({ page }) => {
  await page.goto('/');
  const facet = await openFacet(page, 'Types');
  await facet.getByRole('checkbox', { name: /Attack/ }).check();
  await page.keyboard.press('Escape');
  await page.getByLabel('From', { exact: true }).fill('2021-01-01');
  await page.getByLabel('To', { exact: true }).fill('2021-12-31');
  await expect(page).toHaveURL(/type=attack&from=2021-01-01&to=2021-12-31/);
  await expect.poll(() => listedTitles(page)).toContain('Two Turkish soldiers killed in an attack in Idlib');
  expect((await listedTitles(page)).every((t) => !t.includes('Sochi'))).toBe(true);
  // A range with no attacks in it says why it is empty and how to widen it. (Long campaigns overlap most ranges:
  // the bombing "for years" runs to 2021, so only a range after the data is empty.)
  await page.getByLabel('To', { exact: true }).fill('2022-12-31');
  await page.getByLabel('From', { exact: true }).fill('2022-01-01');
  await expect(page.getByText('No events match all of these filters.')).toBeVisible();
  await page.getByRole('button', { name: /Remove dates/ }).click();
  await expect(eventList(page)).toBeVisible();
  // A start after the end is refused with a reason, and the range in force stays.
  await page.getByLabel('To', { exact: true }).fill('2020-01-01');
  await page.getByLabel('From', { exact: true }).fill('2021-01-01');
  await expect(page.getByRole('alert').filter({ hasText: 'is after “To”' })).toBeVisible();
  await expect(page).not.toHaveURL(/from=2021-01-01/);
});

test('the timeline window becomes the date range in one click', async ({ page }) => {
  await page.goto('/?window=2021-09-01..2021-10-01');
  await page.getByRole('button', { name: 'Use timeline window' }).click();
  await expect(page).toHaveURL(/from=2021-09-01&to=2021-10-01/);
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2021-09-01');
  // Also before the user has moved the timeline: it takes the days on screen.
  await page.goto('/');
  await page.getByRole('button', { name: 'Use timeline window' }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
});

test('search finds "Sochi" with diacritics and prefixes, and the URL survives reload and Back', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search events' }).fill('soch');
  await expect(page).toHaveURL(/[?&]q=soch/);
  await expect.poll(async () => (await listedTitles(page)).some((t) => t.includes('Sochi'))).toBe(true);
  const titles = await listedTitles(page);
  expect(titles.length).toBeLessThan((await servedDataset()).events.length);
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search events' })).toHaveValue('soch');
  await expect.poll(() => listedTitles(page)).toEqual(titles);
  await page.getByRole('searchbox', { name: 'Search events' }).fill('erdogan');
  await expect(page).toHaveURL(/[?&]q=erdogan/);
  await expect.poll(async () => (await listedTitles(page)).some((t) => t.includes('Erdoğan'))).toBe(true);
  await page.goBack();
  await expect(page).toHaveURL(/[?&]q=soch/);
  await expect(page.getByRole('searchbox', { name: 'Search events' })).toHaveValue('soch');
});

test('a selected event hidden by the filters is not silently lost', async ({ page }) => {
  // Filtering in the UI, closing the facet with Escape: the selection stays, and the app says it is filtered out.
  await page.goto('/?event=erdogan-putin-sochi-2021');
  const facet = await openFacet(page, 'Types');
  await facet.getByRole('checkbox', { name: /Attack/ }).check();
  await page.keyboard.press('Escape');
  await expect(facet).toBeHidden();
  await expect(page).toHaveURL(/event=erdogan-putin-sochi-2021/);
  await expect(page.getByText(/selected event does not match the current filters/)).toBeVisible();
  // The same from a link.
  await page.goto('/?event=erdogan-putin-sochi-2021&type=attack');
  await expect(page.getByText(/selected event does not match the current filters/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Event details' }).getByRole('heading', { level: 2 })).toContainText(
    'Sochi',
  );
});

test('export downloads a CSV whose rows match the visible list', async ({ page }) => {
  await page.goto('/?place=idlib-governorate');
  const total = (await servedDataset()).events.length.toLocaleString('en');
  await expect(page.getByText(new RegExp(`^\\d+ of ${total} events$`))).toBeVisible();
  const titles = await listedTitles(page);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloadPromise;
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(rows.errors).toEqual([]);
  expect(rows.data.map((r) => r.title)).toEqual(titles);
  expect(rows.data.every((r) => /Idlib/.test(r.places ?? ''))).toBe(true);

  const geoPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: 'Export GeoJSON' }).click();
  const geojson = JSON.parse(await readFile(await (await geoPromise).path(), 'utf8'));
  expect(geojson.type).toBe('FeatureCollection');
  expect(new Set(geojson.features.map((f: { properties: { title: string } }) => f.properties.title)).size).toBe(
    titles.length,
  );
});
