/**
 * The explorer's journeys, driven by roles and labels: selecting from each view, the keyboard route, deep links,
 * history, the reader, and what an unknown link shows.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, restingBox, test } from './fixtures.ts';

const SOCHI_2021 = 'Erdoğan visits Putin in Sochi';

/** What the app under test serves: the header's counts are derived from it, so the dataset can grow. */
async function servedCounts(): Promise<{ events: number; articles: number }> {
  const dataset = JSON.parse(await readFile(new URL('../dist/data/dataset.json', import.meta.url), 'utf8')) as {
    events: unknown[];
    sources: { kind: string }[];
  };
  expect(dataset.sources.every((s) => s.kind === 'article')).toBe(true);
  return { events: dataset.events.length, articles: dataset.sources.length };
}

function eventList(page: Page) {
  return page.getByRole('listbox', { name: /^Events,/ });
}

function details(page: Page) {
  return page.getByRole('region', { name: 'Event details' });
}

/** Marks are drawn on a canvas: find a place's mark by hovering the count labels until its tooltip names it. */
async function clickMapMark(page: Page, placeName: string): Promise<void> {
  const labels = page.locator('.event-map-count');
  await expect(labels.first()).toBeVisible();
  const tooltip = page.locator('.event-map-tooltip');
  for (let i = 0; i < (await labels.count()); i++) {
    const box = await labels.nth(i).boundingBox();
    if (!box) continue;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    // Marks outside the view keep their labels (off the map, or under a control): only the marks' canvas hovers.
    const onCanvas = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.closest('.leaflet-event-map-marks-pane') != null,
      [x, y],
    );
    if (!onCanvas) continue;
    // Off the map first, until no tooltip is open: the tooltip seen next is this mark's.
    await page.mouse.move(0, 0);
    await expect(tooltip).toBeHidden();
    // The map takes a hover on its canvas at most every few tens of milliseconds and drops the moves in between:
    // move again, a pixel aside, until it has taken one.
    let nudge = 0;
    await expect(async () => {
      await page.mouse.move(x + (nudge++ % 2), y);
      await expect(tooltip).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    // Match the place's own name, not an event title that mentions it (Turkey's events include the Sochi visit).
    const found =
      (await tooltip.locator('.event-map-card__name', { hasText: new RegExp(`^${placeName}$`) }).count()) > 0;
    if (found) {
      await page.mouse.click(x, y);
      return;
    }
  }
  throw new Error(`no map mark whose tooltip names ${placeName}`);
}

test('opens on the bundled dataset with no network, and says what it is', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'News Event Explorer' })).toBeVisible();
  const { events, articles } = await servedCounts();
  expect(events).toBeGreaterThan(0);
  await expect(
    page.getByText(`${articles.toLocaleString('en')} ${articles === 1 ? 'article' : 'articles'}`),
  ).toBeVisible();
  await expect(
    page.getByText(`${events.toLocaleString('en')} ${events === 1 ? 'event' : 'events'}`, { exact: true }),
  ).toBeVisible();
  await expect(eventList(page).getByRole('option')).not.toHaveCount(0);
  // The embedded basemap drew countries: no tile server involved (the fixture fails the test on any request out).
  await expect(page.locator('.leaflet-event-map-basemap-pane canvas')).toBeAttached();
});

test('selecting on the timeline fills the details, updates the URL and highlights the map', async ({ page }) => {
  await page.goto('/?window=2021-09-10..2021-10-10');
  const item = page.locator('.vis-item', { hasText: SOCHI_2021 }).first();
  await expect(item).toBeVisible();
  const before = await restingBox(page, item);
  await item.click();
  await expect(page).toHaveURL(/[?&]event=erdogan-putin-sochi-2021/);
  await expect(details(page).getByRole('heading', { name: SOCHI_2021 })).toBeVisible();
  await expect(item).toHaveClass(/vis-selected/);
  // Selecting an item in view neither pans nor restacks: it stays where the user clicked it. Once the selection
  // is painted (the app's own `select:painted` measure), read the item where it comes to rest: a pan or a restack
  // the selection started would be read where it ends.
  await page.waitForFunction(() => performance.getEntriesByName('select:painted').length > 0);
  const after = await restingBox(page, item);
  expect([after?.x, after?.y]).toEqual([before?.x, before?.y]);
  // The list marks the same event.
  await expect(eventList(page).getByRole('option', { selected: true })).toContainText(SOCHI_2021);
  // The map draws the selection (venue, origin and the route of the visit) in its own layer.
  await expect(page.locator('.leaflet-event-map-selection-pane path.event-map-selection').first()).toBeAttached();
});

test('hovering an event in the list outlines it on the timeline, and only while hovered', async ({ page }) => {
  await page.goto('/?q=sochi&window=2021-09-10..2021-10-10');
  const row = eventList(page).getByRole('option').filter({ hasText: SOCHI_2021 });
  const item = page.locator('.vis-item:not(.vis-dot)', { hasText: SOCHI_2021 }).first();
  await expect(item).toBeVisible();
  await expect(item).toHaveCSS('outline-style', 'none');
  // The search's full answer replaces the titles-only one: hover the list it settles on, not the one it replaces
  // (on a loaded machine the swap can come between the pointer's arrival and its first move).
  await expect(page.getByText(/Matches in titles so far|Searching…/)).toHaveCount(0);
  await row.hover();
  await expect(item).toHaveCSS('outline-style', 'solid');
  await page.mouse.move(0, 0);
  await expect(item).toHaveCSS('outline-style', 'none');
});

test('selecting on the map marks the event on the timeline and in the list', async ({ page }) => {
  await page.goto('/');
  await clickMapMark(page, 'Sochi');
  // Several events at one place: the popup lists them as buttons.
  await page.getByRole('button', { name: new RegExp(SOCHI_2021) }).click();
  await expect(page).toHaveURL(/[?&]event=erdogan-putin-sochi-2021/);
  await expect(eventList(page).getByRole('option', { selected: true })).toContainText(SOCHI_2021);
  await expect(page.locator('.vis-item.vis-selected', { hasText: SOCHI_2021 })).toHaveCount(1);
  await expect(details(page).getByRole('heading', { name: SOCHI_2021 })).toBeVisible();
});

test('on the timeline the wheel scrolls the rows and Ctrl + wheel zooms', async ({ page }) => {
  await page.goto('/?window=2018-01-01..2022-01-01');
  const item = page.locator('.vis-item.vis-range, .vis-item.vis-point').first();
  const before = await item.boundingBox();
  const timeline = await page.locator('.vis-timeline').boundingBox();
  await page.mouse.move(timeline!.x + timeline!.width / 2, timeline!.y + timeline!.height - 40);
  await page.mouse.wheel(0, 200);
  await expect.poll(async () => (await item.boundingBox())?.y).toBeLessThan(before!.y);
  await expect(page).toHaveURL(/window=2018-01-01\.\.2022-01-01/);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await expect(page).not.toHaveURL(/window=2018-01-01\.\.2022-01-01/);
});

test('Escape closes the list of events at a place on the map, and keeps the selection', async ({ page }) => {
  await page.goto('/?event=akar-remarks-idlib-2021');
  await clickMapMark(page, 'Sochi');
  const popupButton = page.getByRole('button', { name: new RegExp(SOCHI_2021) });
  await expect(popupButton).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(popupButton).toBeHidden();
  await expect(page).toHaveURL(/event=akar-remarks-idlib-2021/);
});

test('the keyboard alone selects from the list, and Escape clears', async ({ page }) => {
  await page.goto('/');
  const list = eventList(page);
  await list.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const third = list.getByRole('option').nth(2);
  await expect(third).toHaveAttribute('aria-selected', 'true');
  const title = (await third.locator('.event-row-title').textContent()) ?? '';
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(title);
  await expect(page).toHaveURL(/[?&]event=/);
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/event=/);
  await expect(details(page).getByRole('heading', { name: 'What the articles say' })).toBeVisible();
});

test('a deep link restores the selection in every view', async ({ page }) => {
  await page.goto('/?event=akar-remarks-idlib-2021');
  const heading = details(page).getByRole('heading', { level: 2 });
  await expect(heading).toContainText('Akar');
  await expect(eventList(page).getByRole('option', { selected: true })).toContainText('Akar');
  await expect(page.locator('.vis-item.vis-selected', { hasText: 'Akar' })).toHaveCount(1);
  // The disagreement between the two articles about the day is shown, with both versions.
  const disagreement = details(page).getByRole('region', { name: 'The sources disagree' });
  await expect(disagreement).toBeVisible();
  await expect(disagreement.locator('blockquote')).toHaveCount(2);
});

test('Back and Forward walk through selections', async ({ page }) => {
  await page.goto('/');
  const options = eventList(page).getByRole('option');
  const first = (await options.nth(0).locator('.event-row-title').textContent()) ?? '';
  const second = (await options.nth(1).locator('.event-row-title').textContent()) ?? '';
  await options.nth(0).click();
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(first);
  await options.nth(1).click();
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(second);
  await page.goBack();
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(first);
  await page.goBack();
  await expect(details(page).getByRole('heading', { name: 'What the articles say' })).toBeVisible();
  await page.goForward();
  await page.goForward();
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(second);
});

test('an unknown event id shows a clear, dismissible notice and the rest works', async ({ page }) => {
  await page.goto('/?event=no-such-event&type=attack,party');
  const notice = page.getByRole('alert').filter({ hasText: 'there is no event "no-such-event"' });
  await expect(notice).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'unknown type "party" ignored' })).toBeVisible();
  await expect(page).toHaveURL(/\?type=attack$/);
  await notice.getByRole('button', { name: 'Dismiss notice' }).click();
  await expect(notice).toBeHidden();
  await eventList(page).getByRole('option').first().click();
  await expect(page).toHaveURL(/event=/);
});

test('a link with parameters the app does not read names every one of them, as text', async ({ page }) => {
  // A case variant, an unknown key, array syntax and markup in a key; the one real parameter still applies.
  await page.goto('/?EVENT=erdogan-putin-sochi-2021&foo=1&q[]=sochi&%3Cb%3Ebold%3C%2Fb%3E=1&type=attack');
  const notice = page.getByRole('alert').filter({ hasText: 'unknown parameters' });
  await expect(notice.locator('span')).toHaveText(
    'This link could not be followed in full: unknown parameters "EVENT" (did you mean "event"?), "foo", ' +
      '"q[]" (did you mean "q"?) and "<b>bold</b>" ignored.',
  );
  await expect(notice.locator('b')).toHaveCount(0);
  await expect(page).toHaveURL(/\?type=attack$/);
  await expect(details(page).getByRole('heading', { name: 'What the articles say' })).toBeVisible();
});

test('the reader opens the article with the excerpt highlighted and in view', async ({ page }) => {
  await page.goto('/?event=turkish-soldiers-killed-idlib-2021-09-11');
  await details(page).getByRole('button', { name: 'Read in the article' }).first().click();
  const reader = page.getByRole('dialog');
  await expect(reader).toBeVisible();
  await expect(page).toHaveURL(/[?&]read=/);
  const highlight = reader.locator('mark.is-current').first();
  await expect(highlight).toContainText('two Turkish soldiers had been killed');
  await expect(highlight).toBeInViewport();
  // Other events' excerpts are marked lightly and select their event.
  const other = reader.locator('mark.is-other').first();
  await other.click();
  await expect(page).toHaveURL(/event=(?!turkish-soldiers-killed)/);
  await page.keyboard.press('Escape');
  await expect(reader).toBeHidden();
  await expect(page).not.toHaveURL(/read=/);
});

test('the reader says when the open article does not report the selected event', async ({ page }) => {
  await page.goto('/?event=tehran-summit-2018&read=2021-09-28-akar-russia-idlib-deal');
  const reader = page.getByRole('dialog');
  await expect(reader.getByText(/This article does not report/)).toBeVisible();
  await expect(reader.locator('mark.is-current')).toHaveCount(0);
});

test('closing the reader returns the keyboard to where it was', async ({ page }) => {
  await page.goto('/?event=turkish-soldiers-killed-idlib-2021-09-11');
  const open = details(page).getByRole('button', { name: 'Read in the article' }).first();
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.getByRole('button', { name: 'Close the article' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(open).toBeFocused();
  // The selection survived closing the reader.
  await expect(page).toHaveURL(/event=turkish-soldiers-killed-idlib-2021-09-11/);
});

test('article text and titles are shown as text, never run as HTML', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto('/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&event=%3Cscript%3E');
  await expect(page.getByRole('alert').first()).toBeVisible();
  expect(dialogs).toBe(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});

test('has no WCAG 2.1 AA violations, idle and with an event selected', async ({ page }) => {
  for (const url of ['/', '/?event=erdogan-putin-sochi-2021']) {
    await page.goto(url);
    await expect(eventList(page)).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('works on a 390-pixel-wide phone: the views stack and stay usable', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?event=erdogan-putin-sochi-2021');
  const map = page.getByLabel('Map of event locations');
  await expect(map).toBeVisible();
  const box = await map.boundingBox();
  expect(box?.width).toBeGreaterThan(300);
  await expect(page.locator('.vis-timeline')).toBeVisible();
  await expect(details(page).getByRole('heading', { name: SOCHI_2021 })).toBeAttached();
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  // Popovers stay on the screen.
  for (const name of ['Places', 'Export']) {
    await page.getByRole('button', { name, exact: true }).click();
    const panel = page.locator('.facet-panel');
    const box = await panel.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  }
});
