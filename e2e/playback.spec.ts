/**
 * Playback: the window plays through the events, the list follows it, and pausing leaves the window as the date
 * filter, in the link, so a reload reopens it. What the list must hold is computed from the served dataset.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

interface ServedEvent {
  id: string;
  date: { earliest: string; latest: string };
}

async function servedEvents(): Promise<ServedEvent[]> {
  const file = JSON.parse(await readFile(new URL('../dist/data/dataset.json', import.meta.url), 'utf8')) as {
    events: ServedEvent[];
  };
  return file.events;
}

const control = (page: Page) => page.getByRole('group', { name: 'Playback' });
const playButton = (page: Page) => control(page).getByRole('button', { name: 'Play', exact: true });
const pauseButton = (page: Page) => control(page).getByRole('button', { name: 'Pause', exact: true });
const windowLabel = (page: Page) => page.getByRole('group', { name: 'Playback' }).locator('output');
const listCount = async (page: Page) => {
  const label = (await page.getByRole('listbox', { name: /^Events,/ }).getAttribute('aria-label')) ?? '';
  return Number(/^Events, ([\d,]+)/.exec(label)?.[1]?.replace(/,/g, ''));
};

test('Play moves a window through the events; Pause leaves it as the date filter, in the link', async ({ page }) => {
  const events = await servedEvents();
  await page.goto('/');
  await expect(page.getByRole('listbox', { name: /^Events,/ })).toBeVisible();
  const play = playButton(page);
  await expect(play).toBeVisible();

  await play.click();
  await expect(pauseButton(page)).toBeVisible();
  await expect(windowLabel(page)).not.toHaveText('');
  const first = await windowLabel(page).textContent();
  // The window moves on its own, and the list follows it.
  await expect(windowLabel(page)).not.toHaveText(first!);
  await expect(page.getByText('in the playing window')).toBeVisible();

  await pauseButton(page).click();
  await expect(play).toBeVisible();
  await expect(page.getByText(/^Paused\. The date filter is now /)).toBeAttached();
  await expect(page).toHaveURL(/[?&]from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d(&|$)/);
  const url = new URL(page.url());
  const from = url.searchParams.get('from')!;
  const to = url.searchParams.get('to')!;
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(from);
  await expect(page.getByLabel('To', { exact: true })).toHaveValue(to);
  // The list holds exactly the events whose days overlap the paused window.
  const expected = events.filter((e) => e.date.earliest <= to && e.date.latest >= from).length;
  if (expected > 0) await expect.poll(() => listCount(page)).toBe(expected);
  else await expect(page.getByText('No events match the filters', { exact: false })).toBeVisible();

  const paused = await windowLabel(page).textContent();

  // The link reopens what was seen: the same window as the date filter, and the control shows that window.
  await page.reload();
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(from);
  await expect(page.getByLabel('To', { exact: true })).toHaveValue(to);
  if (expected > 0) await expect.poll(() => listCount(page)).toBe(expected);
  await expect(windowLabel(page)).toHaveText(paused!);
});

test('the play control works from the keyboard, says its state, and passes axe, also at 390 px', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const play = playButton(page);
  await expect(play).toBeVisible();
  const results = await new AxeBuilder({ page })
    .include('.playback-control')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);

  await play.focus();
  await page.keyboard.press('Space');
  await expect(pauseButton(page)).toBeFocused();
  await expect(page.getByText(/^Playing from /)).toBeAttached();
  await page.keyboard.press('Space');
  await expect(play).toBeFocused();
  await expect(page).toHaveURL(/[?&]from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d(&|$)/);
});

test('a date typed while the window plays stops it and applies the typed range', async ({ page }) => {
  const events = await servedEvents();
  const days = events.map((e) => e.date.earliest).sort();
  const from = days[Math.floor(days.length / 2)]!;
  await page.goto('/');
  const play = playButton(page);
  await play.click();
  await expect(pauseButton(page)).toBeVisible();
  await page.getByLabel('From', { exact: true }).fill(from);
  await expect(play).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`[?&]from=${from}(&|$)`));
  const expected = events.filter((e) => e.date.latest >= from).length;
  await expect.poll(() => listCount(page)).toBe(expected);
});
