/**
 * The built page runs under its Content-Security-Policy (src/app/content-security-policy.ts). The fixture fails
 * every test on a violation; these tests show that the policy is really in force and what it lets through.
 */
import { CONTENT_SECURITY_POLICY } from '../src/app/content-security-policy.ts';
import { OSM_TILE_ORIGIN } from '../src/features/map/online-tiles.ts';
import { expect, test } from './fixtures.ts';

declare global {
  interface Window {
    __inlineScriptRan?: boolean;
  }
}

test('the page carries the policy, and it refuses inline scripts and styles', async ({ page, cspViolations }) => {
  await page.goto('/');
  await expect(page.getByRole('listbox', { name: /^Events,/ }).getByRole('option')).not.toHaveCount(0);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    CONTENT_SECURITY_POLICY,
  );
  expect(cspViolations).toEqual([]);
  // What injected markup would try: an inline script and an inline style element.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineScriptRan = true';
    const style = document.createElement('style');
    style.textContent = 'body { display: none }';
    document.head.append(script, style);
  });
  await expect
    .poll(() => cspViolations.map((v) => v.split(' ')[0]).sort())
    .toEqual(['script-src-elem', 'style-src-elem']);
  expect(await page.evaluate(() => window.__inlineScriptRan)).toBeUndefined();
  await expect(page.locator('body')).toBeVisible();
  // Provoked on purpose: not a failure of this test.
  cspViolations.length = 0;
});

test('online tiles are fetched from their one allowed host, and only once switched on', async ({ page }) => {
  // Refused here, before the fixture's catch-all (which would fail the test): the tiles are asked for on purpose.
  const tiles: string[] = [];
  await page.route(`${OSM_TILE_ORIGIN}/**`, (route) => {
    tiles.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  await page.goto('/');
  await expect(page.locator('.leaflet-event-map-basemap-pane canvas')).toBeAttached();
  await expect(page.getByRole('listbox', { name: /^Events,/ }).getByRole('option')).not.toHaveCount(0);
  expect(tiles).toEqual([]);
  // Clicked, not check()ed: the switch turns itself off again as soon as the tiles fail, which may be before
  // check() would read it.
  const onlineTiles = page.getByRole('checkbox', { name: 'Online map tiles (OpenStreetMap)' });
  await onlineTiles.click();
  // The policy lets the tile requests out (a refusal would be a violation, which fails the test); the network
  // refuses them, and the map says it fell back to the embedded basemap.
  await expect(page.getByText('Online tiles unavailable; showing the embedded map')).toBeVisible();
  await expect(onlineTiles).not.toBeChecked();
  expect(tiles.length).toBeGreaterThan(0);
});
