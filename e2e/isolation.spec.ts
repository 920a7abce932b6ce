/**
 * A view that fails takes only its own pane down: the page says which view failed and offers Retry, and the other
 * views keep working. The timeline's code is its own chunk; the test serves, in its place, a module whose view
 * throws on its first render (as a deploy that ships a broken chunk, or a bug on some data, would).
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';

/** Fails while the page's flag says so (React renders a failing component twice before it gives up). */
const FAILING_TIMELINE = `
export function EventTimeline() {
  if (window.__timelineFails !== false) throw new Error('forced failure of the timeline for this test');
  return null;
}
`;

test('a failing view says so and offers Retry, and the others keep working', async ({ page }) => {
  await page.route('**/assets/event-timeline-*.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: FAILING_TIMELINE }),
  );
  await page.goto('/');

  const timeline = page.getByRole('region', { name: 'Timeline' });
  const failure = timeline.getByRole('alert');
  await expect(failure).toContainText('The timeline could not be shown');
  await expect(failure).toContainText('forced failure of the timeline');

  // The rest of the page works: the map draws, and a selection in the list fills the details.
  await expect(page.locator('.leaflet-event-map-basemap-pane canvas')).toBeAttached();
  const first = page.getByRole('listbox').getByRole('option').first();
  const title = (await first.locator('.event-row-title').textContent()) ?? '';
  await first.click();
  await expect(page.getByRole('region', { name: 'Event details' }).getByRole('heading', { name: title })).toBeVisible();

  // Once the cause is gone, Retry mounts the view afresh.
  await page.evaluate(() => Object.assign(window, { __timelineFails: false }));
  await failure.getByRole('button', { name: 'Retry' }).click();
  await expect(timeline.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Event details' }).getByRole('heading', { name: title })).toBeVisible();
});

test('a view whose code failed to download comes back on Retry once the network does', async ({ page }) => {
  let blocked = true;
  await page.route('**/assets/event-timeline-*.js', (route) => (blocked ? route.abort('failed') : route.continue()));
  await page.goto('/');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const failure = timeline.getByRole('alert');
  await expect(failure).toContainText('The timeline could not be shown');
  blocked = false;
  await failure.getByRole('button', { name: 'Retry' }).click();
  await expect(timeline.getByRole('alert')).toHaveCount(0);
  await expect(timeline.locator('.vis-timeline')).toBeVisible();
});

test('search still answers when its worker cannot start, from the same index loaded on the page', async ({ page }) => {
  // A word of the served data that is in some event's summary or excerpts but in no title: only the full-text
  // index finds it (titles alone are matched on the page while that index loads).
  const dataset = JSON.parse(await readFile(new URL('../dist/data/dataset.json', import.meta.url), 'utf8')) as {
    events: { title: string; summary: string; evidence: { quote: string }[] }[];
  };
  const words = (text: string) => text.toLowerCase().match(/[a-z]{7,}/g) ?? [];
  const inTitles = new Set(dataset.events.flatMap((e) => words(e.title)));
  const word = dataset.events
    .flatMap((e) => [...words(e.summary), ...e.evidence.flatMap((q) => words(q.quote))])
    .find((w) => ![...inTitles].some((t) => t.startsWith(w.slice(0, 5))));
  expect(word, 'a word found only outside titles').toBeDefined();

  let workerRefused = false;
  await page.route('**/assets/search-worker-*.js', (route) => {
    workerRefused = true;
    return route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("workers are blocked here");' });
  });
  await page.goto('/');
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options).not.toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Search events' }).fill(word!);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${word}`));
  // The page's own copy of the index answered: matches are listed, and not only the titles' partial ones.
  await expect(options.first()).toBeVisible();
  await expect(page.getByText(/Matches in titles so far/)).toHaveCount(0);
  await expect(page.getByText(/No events match/)).toHaveCount(0);
  expect(workerRefused).toBe(true);
});
