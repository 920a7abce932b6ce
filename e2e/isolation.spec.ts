/**
 * A view that fails takes only its own pane down: the page says which view failed and offers Retry, and the other
 * views keep working. The timeline's code is its own chunk; the test serves, in its place, a module whose view
 * throws on its first render (as a deploy that ships a broken chunk, or a bug on some data, would).
 */
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
