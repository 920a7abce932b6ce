/**
 * What a user sees when the dataset cannot be shown as it is: a clear error screen that names the file and what
 * is wrong, with Retry — never a blank page or a silently wrong view — and the explorer once the file is sound.
 */
import { expect, test } from './fixtures.ts';

test('a truncated table of the pack gets the error screen, and Retry recovers once it is whole', async ({ page }) => {
  let damaged = true;
  await page.route('**/data/pack/events.arrow', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    // Half the file, as an interrupted download or a full disk would leave it.
    return route.fulfill({ response, body: damaged ? body.subarray(0, Math.floor(body.length / 2)) : body });
  });
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'The events could not be shown' })).toBeVisible();
  await expect(alert).toContainText('events.arrow is damaged or incomplete');
  await expect(alert).toContainText(/bytes; the manifest declares \d+/);

  damaged = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(
    page
      .getByRole('listbox', { name: /^Events,/ })
      .getByRole('option')
      .first(),
  ).toBeVisible();
});

test('a manifest of another format version is refused with the versions named', async ({ page }) => {
  await page.route('**/data/pack/manifest.json', async (route) => {
    const response = await route.fetch();
    const manifest = (await response.json()) as Record<string, unknown>;
    return route.fulfill({ response, json: { ...manifest, packVersion: 99 } });
  });
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('does not match the expected format');
  await expect(alert).toContainText(/packVersion: this app reads version \d+, the pack is 99/);
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
});

test('the evidence of a selected event loads on demand, with a Retry when it cannot', async ({ page }) => {
  let failing = true;
  await page.route('**/data/pack/details-*.arrow', (route) =>
    failing ? route.fulfill({ status: 503, body: 'unavailable' }) : route.continue(),
  );
  await page.goto('/');
  const list = page.getByRole('listbox', { name: /^Events,/ });
  await list.getByRole('option').first().click();
  const details = page.getByRole('region', { name: 'Event details' });
  // What the hot columns hold shows at once; the evidence says it could not be loaded.
  await expect(details.getByRole('heading', { level: 2 })).toBeVisible();
  await expect(details.getByRole('alert')).toContainText('could not be loaded');
  failing = false;
  await details.getByRole('button', { name: 'Retry' }).click();
  await expect(details.getByText(/cited by \d+ of \d+ sources/)).toBeVisible();
  await expect(details.locator('blockquote.excerpt').first()).toBeVisible();
});
