/**
 * Several datasets in one deployment, and files opened in the browser. The server (playwright.config.ts) serves
 * the bundled dataset and the ACLED fixture imported with `npm run import` as "e2e-acled": switching, filtering,
 * deep links and Back/Forward across datasets; an unknown dataset in a link; a file opened by drag-and-drop or
 * with the file input, parsed in the page's worker, with its problems listed like the CLI lists them.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import Papa from 'papaparse';
import type { FileChooser, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const IMPORTED = 'e2e-acled';
const IMPORTED_TITLE = 'E2E ACLED fixture';
const BUNDLED_TITLE = 'Turkey–Russia diplomacy and the Idlib conflict';
const FIXTURE = new URL('../data/fixtures/import/acled-2023.csv', import.meta.url);
const INVALID_FIXTURE = new URL('../data/fixtures/import/acled-invalid.csv', import.meta.url);
/** The pack `npm run import` wrote for the server (playwright.config.ts). */
const IMPORTED_PACK = new URL(`../dist/data/datasets/${IMPORTED}/`, import.meta.url);

async function headerViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('.explorer-header')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Opens files as a user does: the header's "Open a file…" button, then the browser's file chooser. */
async function openFiles(page: Page, files: Parameters<FileChooser['setFiles']>[0]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a file…' }).click();
  await (await chooser).setFiles(files);
}

/** The datasets the e2e server lists, in its order (dist/data/datasets.json, written by the build and the import). */
async function servedDatasets(): Promise<{ id: string; title: string; events: number }[]> {
  const registry = JSON.parse(await readFile(new URL('../dist/data/datasets.json', import.meta.url), 'utf8')) as {
    datasets: { id: string; title: string; events: number }[];
  };
  return registry.datasets;
}

/** A served dataset's event count, as the server lists it. */
async function countOf(id: string): Promise<number> {
  const entry = (await servedDatasets()).find((d) => d.id === id);
  if (!entry) throw new Error(`the e2e server does not list the dataset "${id}"`);
  return entry.events;
}
/** What the header says when nothing is filtered: "57 events". */
const allEvents = async (id: string) => `${(await countOf(id)).toLocaleString('en')} events`;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type AcledRow = Record<string, string>;

/** The fixture's events as ACLED lists them (a repeated event id is one event), to compute what a filter shows. */
async function fixtureEvents(): Promise<AcledRow[]> {
  const text = (await readFile(FIXTURE, 'utf8')).replace(/^\uFEFF/, '');
  const rows = Papa.parse<AcledRow>(text, { header: true, skipEmptyLines: true }).data;
  return [...new Map(rows.map((r) => [r.event_id_cnty, r])).values()];
}

const actorsOf = (r: AcledRow) =>
  [r.actor1, r.actor2, ...(r.assoc_actor_1 ?? '').split(';'), ...(r.assoc_actor_2 ?? '').split(';')]
    .map((a) => a?.trim())
    .filter(Boolean);

function eventList(page: Page) {
  return page.getByRole('listbox', { name: /^Events,/ });
}

function details(page: Page) {
  return page.getByRole('region', { name: 'Event details' });
}

function switcher(page: Page) {
  return page.getByRole('combobox', { name: 'Dataset' });
}

function header(page: Page) {
  return page.getByRole('banner');
}

async function openFacet(page: Page, name: 'Actors' | 'Places') {
  await page.getByRole('button', { name, exact: false }).first().click();
  return page.getByRole('group', { name: `Filter by ${name.toLowerCase()}` });
}

/** Drops `files` on the page as a user dragging them from a file manager would (dragenter, dragover, drop). */
async function dropFiles(page: Page, files: { name: string; text: string; type: string }[]) {
  const transfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: f.type }));
    return dt;
  }, files);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await expect(page.getByText('Drop to open')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
}

test('the switcher lists every served dataset with its size and dates, and opens the imported one', async ({
  page,
}) => {
  await page.goto('/');
  await expect(header(page).getByText(BUNDLED_TITLE, { exact: true })).toBeVisible();
  await expect(switcher(page)).toHaveValue('bundled');
  // Every dataset the server lists (a developer may have imported more than the fixture), with its event count.
  const served = await servedDatasets();
  await expect(switcher(page).getByRole('option')).toHaveText(
    served.map((d) => new RegExp(`^${escapeRegExp(d.title)} — ${d.events.toLocaleString('en')} events, .+$`)),
  );
  const fixtureCount = (await fixtureEvents()).length;
  await expect(switcher(page).getByRole('option', { name: IMPORTED_TITLE })).toHaveText(
    `${IMPORTED_TITLE} — ${fixtureCount} events, Feb–Aug 2020`,
  );
  await switcher(page).selectOption(IMPORTED);
  await expect(page).toHaveURL(new RegExp(`\\?dataset=${IMPORTED}$`));
  await expect(header(page).getByText(IMPORTED_TITLE, { exact: true })).toBeVisible();
  await expect(header(page).getByText(`${fixtureCount} events`, { exact: true })).toBeVisible();
  await expect(eventList(page).getByRole('option')).not.toHaveCount(0);
  // The imported dataset is served, not local: its links can be shared.
  await expect(header(page).getByText('Local file — not shareable')).toHaveCount(0);
  await expect(page.locator('.event-map-count').first()).toBeVisible();
  expect(await headerViolations(page)).toEqual([]);
});

test('filter the imported dataset by an actor and a country, select, deep-link, reload, and Back to the bundled one', async ({
  page,
  context,
}) => {
  const events = await fixtureEvents();
  const hts = events.filter((r) => actorsOf(r).includes('Hayat Tahrir al Sham'));
  const htsInSyria = hts.filter((r) => r.country === 'Syria');
  const inTurkey = events.filter((r) => r.country === 'Turkey');
  expect(hts.length).toBeGreaterThan(1);
  expect(inTurkey.length).toBeGreaterThan(1);

  await page.goto('/?event=erdogan-putin-sochi-2021');
  await expect(details(page).getByRole('heading', { name: 'Erdoğan visits Putin in Sochi' })).toBeVisible();
  await switcher(page).selectOption(IMPORTED);
  // Ids differ between datasets: the selection and filters of the bundled dataset do not follow.
  await expect(page).toHaveURL(new RegExp(`\\?dataset=${IMPORTED}$`));
  await expect(details(page).getByRole('heading', { name: 'What the articles say' })).toBeVisible();

  // A country includes the events at its admin areas and towns: ACLED's places are a hierarchy.
  let facet = await openFacet(page, 'Places');
  await facet.getByRole('searchbox', { name: 'Find places' }).fill('turkey');
  await facet.getByRole('checkbox', { name: /^Turkey/ }).check();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`dataset=${IMPORTED}.*place=turkey`));
  await expect(header(page).getByText(`${inTurkey.length} of ${await countOf(IMPORTED)} events`)).toBeVisible();
  await expect(eventList(page).getByRole('option')).toHaveCount(inTurkey.length);

  // Now Syria (the events at Idleb's towns, Aleppo's, …) and one of its armed groups.
  await page.goto(`/?dataset=${IMPORTED}&place=syria`);
  await expect(
    header(page).getByText(`${(await countOf(IMPORTED)) - inTurkey.length} of ${await countOf(IMPORTED)} events`),
  ).toBeVisible();
  facet = await openFacet(page, 'Actors');
  await facet.getByRole('searchbox', { name: 'Find actors' }).fill('tahrir');
  await facet.getByRole('checkbox', { name: /Hayat Tahrir al Sham/ }).check();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/actor=hayat-tahrir-al-sham/);
  await expect(header(page).getByText(`${htsInSyria.length} of ${await countOf(IMPORTED)} events`)).toBeVisible();
  const options = eventList(page).getByRole('option');
  await expect(options).toHaveCount(htsInSyria.length);

  // Select an event: the details show it, the URL names it, the map draws it.
  const first = options.first();
  const title = (await first.locator('.event-row-title').textContent()) ?? '';
  await first.click();
  await expect(page).toHaveURL(/[?&]event=syr\d+/);
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(title);
  await expect(page.locator('.leaflet-event-map-selection-pane path.event-map-selection').first()).toBeAttached();

  // Copy the link: it names the dataset, and opened again it gives the same view.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await header(page).getByRole('button', { name: 'Share' }).click();
  await header(page).getByRole('button', { name: 'Copy link to this view' }).click();
  await expect(header(page).getByText('Link copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  expect(new URL(link).searchParams.get('dataset')).toBe(IMPORTED);
  const other = await context.newPage();
  await other.goto(link);
  await expect(switcher(other)).toHaveValue(IMPORTED);
  await expect(details(other).getByRole('heading', { level: 2 })).toHaveText(title);
  await expect(header(other).getByText(`${htsInSyria.length} of ${await countOf(IMPORTED)} events`)).toBeVisible();
  await expect(other.getByRole('button', { name: /Actors\s*1/ })).toBeVisible();
  await other.close();

  await page.reload();
  await expect(switcher(page)).toHaveValue(IMPORTED);
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(title);
  await expect(eventList(page).getByRole('option', { selected: true })).toContainText(title);

  // Back walks the selection, the actor, the place (the link typed), then … the first dataset's page as it was.
  await page.goBack();
  await expect(page).not.toHaveURL(/event=/);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`\\?dataset=${IMPORTED}&place=syria$`));
  await expect(
    header(page).getByText(`${(await countOf(IMPORTED)) - inTurkey.length} of ${await countOf(IMPORTED)} events`),
  ).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`dataset=${IMPORTED}&place=turkey`));
  await expect(header(page).getByText(`${inTurkey.length} of ${await countOf(IMPORTED)} events`)).toBeVisible();
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/\/\?event=erdogan-putin-sochi-2021$/);
  await expect(switcher(page)).toHaveValue('bundled');
  await expect(header(page).getByText(BUNDLED_TITLE, { exact: true })).toBeVisible();
  await expect(details(page).getByRole('heading', { name: 'Erdoğan visits Putin in Sochi' })).toBeVisible();
  await expect(header(page).getByText(await allEvents('bundled'), { exact: true })).toBeVisible();
  // And Forward returns to the imported dataset, from its start.
  await page.goForward();
  await expect(switcher(page)).toHaveValue(IMPORTED);
  await expect(header(page).getByText(await allEvents(IMPORTED), { exact: true })).toBeVisible();
});

test('a link to a dataset that is not here says so and shows the default dataset', async ({ page }) => {
  await page.goto('/?dataset=nope&event=syr90001');
  const notice = page.getByRole('alert').filter({ hasText: 'There is no dataset "nope" here' });
  await expect(notice).toBeVisible();
  await expect(switcher(page)).toHaveValue('bundled');
  await expect(header(page).getByText(await allEvents('bundled'), { exact: true })).toBeVisible();
  // The rest of the link was for that dataset: nothing of it applies, and the address bar no longer names it.
  await expect(page).toHaveURL(/\/$/);
  await expect(details(page).getByRole('heading', { name: 'What the articles say' })).toBeVisible();
});

test('a file dropped on the page opens as a local dataset that cannot be shared', async ({ page }) => {
  await page.goto('/');
  await expect(eventList(page).getByRole('option')).not.toHaveCount(0);
  await dropFiles(page, [{ name: 'acled-2023.csv', text: await readFile(FIXTURE, 'utf8'), type: 'text/csv' }]);
  await expect(page.getByText('Drop to open')).toBeHidden();
  await expect(header(page).getByText('Local file — not shareable')).toBeVisible();
  await expect(header(page).getByText(await allEvents(IMPORTED), { exact: true })).toBeVisible();
  await expect(page).toHaveURL(/\?dataset=local-\d+$/);
  // The import's warning (a repeated row) is said, not hidden.
  await expect(page.getByRole('alert').filter({ hasText: /duplicate/i })).toBeVisible();
  const list = eventList(page);
  await list.getByRole('option').first().click();
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(
    (await list.getByRole('option').first().locator('.event-row-title').textContent()) ?? '',
  );
  // Search and the facets work on it as on a served dataset.
  const wagner = (await fixtureEvents()).filter((r) => /wagner/i.test(`${actorsOf(r).join(' ')} ${r.notes}`));
  expect(wagner.length).toBeGreaterThan(0);
  await page.getByRole('searchbox', { name: 'Search events' }).fill('wagner');
  await expect(header(page).getByText(`${wagner.length} of ${await countOf(IMPORTED)} events`)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search events' }).fill('');

  // The copy-link control says that the link cannot carry a local file.
  await expect(
    header(page).getByText("This view's link cannot be shared: the file stays in this browser."),
  ).toBeVisible();
  const share = header(page).getByRole('button', { name: 'Share' });
  await expect(share).toHaveAccessibleDescription("This view's link cannot be shared: the file stays in this browser.");
  await share.click();
  const copy = header(page).getByRole('button', { name: 'Copy link to this view' });
  await expect(copy).toBeDisabled();
  await expect(copy).toHaveAccessibleDescription("This view's link cannot be shared: the file stays in this browser.");
  // It stays focusable (aria-disabled), so a keyboard user who presses it hears why nothing was copied.
  await copy.focus();
  await page.keyboard.press('Enter');
  await expect(header(page).getByText(/Not copied: this view shows a local file/)).toBeVisible();
  // So does the embed code: an iframe elsewhere cannot open a file that stays in this browser.
  await expect(share).toBeFocused();
  await page.keyboard.press('Enter');
  const embed = header(page).getByRole('button', { name: 'Copy embed code' });
  await expect(embed).toHaveAccessibleDescription("This view's link cannot be shared: the file stays in this browser.");
  await embed.focus();
  await page.keyboard.press('Enter');
  await expect(header(page).getByText(/Not copied: .* which an embedded page cannot carry/)).toBeVisible();
  expect(await headerViolations(page)).toEqual([]);

  // The switcher lists it for the session, and a served dataset opens from it again.
  await expect(switcher(page).getByRole('option', { name: /local file/ })).toHaveCount(1);
  await switcher(page).selectOption('bundled');
  await expect(header(page).getByText(await allEvents('bundled'), { exact: true })).toBeVisible();
  await expect(header(page).getByText('Local file — not shareable')).toHaveCount(0);
  await page.goBack();
  await expect(header(page).getByText('Local file — not shareable')).toBeVisible();

  // A reload forgets the file, and says so.
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: /opened files are not kept/ })).toBeVisible();
  await expect(header(page).getByText(await allEvents('bundled'), { exact: true })).toBeVisible();
});

test('a file with bad rows lists each by line and column, and the valid rows can be imported', async ({ page }) => {
  await page.goto('/');
  await expect(eventList(page).getByRole('option')).not.toHaveCount(0);
  await openFiles(page, INVALID_FIXTURE.pathname);
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: /rows of acled-invalid\.csv cannot be imported/ })).toBeVisible();
  const problems = dialog.getByRole('list', { name: 'Problems' });
  await expect(problems.getByRole('listitem').first()).toBeVisible();
  await expect(problems).toContainText('acled-invalid.csv line 3, column "event_date": "31 Febuary 2020"');
  // Nothing was opened yet.
  await expect(switcher(page)).toHaveValue('bundled');

  await dialog.getByRole('button', { name: 'Import the valid rows' }).click();
  await expect(dialog).toBeHidden();
  await expect(header(page).getByText('Local file — not shareable')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /with problems (was|were) left out/ })).toBeVisible();
  await expect(eventList(page).getByRole('option')).not.toHaveCount(0);
});

test('opening a file shows its progress, and Cancel leaves the open dataset as it was', async ({ page }) => {
  await page.goto('/?event=erdogan-putin-sochi-2021');
  await expect(details(page).getByRole('heading', { name: 'Erdoğan visits Putin in Sochi' })).toBeVisible();
  // A large file, so that the progress bar is seen before the import ends.
  const text = (await readFile(FIXTURE, 'utf8')).replace(/^\uFEFF/, '');
  const [head, ...rows] = text.split(/\r?\n(?=[A-Z]{3}\d)/);
  const big = [
    head,
    ...Array.from({ length: 1500 }, (_, i) => rows.map((r) => r.replace(/^([A-Z]{3})(\d+)/, `$1${i}x$2`))).flat(),
  ].join('\n');
  await openFiles(page, {
    name: 'big.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(big),
  });
  const progress = page.getByRole('progressbar', { name: /Reading big\.csv/ });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('aria-valuenow', /^\d+$/);
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toBeHidden();
  await expect(page).toHaveURL(/\?event=erdogan-putin-sochi-2021$/);
  await expect(details(page).getByRole('heading', { name: 'Erdoğan visits Putin in Sochi' })).toBeVisible();
});

test('the files of a dataset pack open as they are, search included', async ({ page }) => {
  await page.goto('/');
  await expect(eventList(page).getByRole('option')).not.toHaveCount(0);
  const dir = fileURLToPath(IMPORTED_PACK);
  const files = (await readdir(dir)).map((name) => `${dir}${name}`);
  expect(files.some((f) => f.endsWith('manifest.json'))).toBe(true);
  await openFiles(page, files);
  await expect(header(page).getByText('Local file — not shareable')).toBeVisible();
  await expect(header(page).getByText(IMPORTED_TITLE, { exact: true })).toBeVisible();
  await expect(header(page).getByText(await allEvents(IMPORTED), { exact: true })).toBeVisible();
  // The search index and the details come from the opened files too (nothing is fetched for them).
  await page.getByRole('searchbox', { name: 'Search events' }).fill('wagner');
  await expect(header(page).getByText(new RegExp(`^\\d+ of ${await countOf(IMPORTED)} events$`))).toBeVisible();
  await eventList(page).getByRole('option').first().click();
  await expect(details(page).getByRole('heading', { level: 2 })).toBeVisible();
  await expect(details(page).getByRole('alert')).toHaveCount(0);
});

test('a pack with a file missing is refused with what is missing, and the open dataset stays', async ({ page }) => {
  await page.goto('/');
  await expect(eventList(page).getByRole('option')).not.toHaveCount(0);
  const dir = fileURLToPath(IMPORTED_PACK);
  const files = (await readdir(dir)).filter((name) => name !== 'events.arrow').map((name) => `${dir}${name}`);
  await openFiles(page, files);
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'The dataset pack could not be opened' })).toBeVisible();
  await expect(dialog).toContainText('The opened files have no events.arrow.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(switcher(page)).toHaveValue('bundled');
});
