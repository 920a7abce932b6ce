/**
 * Every test runs offline: any request that leaves the loopback interface is aborted and recorded, and the test
 * fails if there was one. The product must work with no network (the basemap is embedded).
 *
 * Every test also runs under the built app's Content-Security-Policy (src/app/content-security-policy.ts): each
 * page of the test's browser context records the `securitypolicyviolation` events it sees (on `window` too, for a
 * look in the trace), and the test fails if there was one. A test that provokes a violation on purpose reads and
 * empties `cspViolations` itself.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';

declare global {
  interface Window {
    /** The violations this document saw, as the fixture words them. */
    __cspViolations?: string[];
    /** Reports a violation to the test (a Playwright binding: it outlives navigations). */
    __reportCspViolation?: (violation: string) => Promise<void>;
  }
}

export const test = base.extend<{ externalRequests: string[]; cspViolations: string[] }>({
  externalRequests: [
    async ({ page }, use) => {
      const external: string[] = [];
      await page.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
        if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
        external.push(url.href);
        return route.abort('blockedbyclient');
      });
      await use(external);
      expect(external, 'requests that left the machine').toEqual([]);
    },
    { auto: true },
  ],
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.exposeBinding('__reportCspViolation', (_source, violation: string) => {
        violations.push(violation);
      });
      await context.addInitScript(() => {
        window.__cspViolations = [];
        // Capture: the event is dispatched at the offending element (or the document) and bubbles up from there.
        document.addEventListener(
          'securitypolicyviolation',
          (e) => {
            const what = e.blockedURI || 'inline';
            const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}` : '';
            const sample = e.sample ? ` (${e.sample})` : '';
            const violation = `${e.effectiveDirective} blocked ${what}${where}${sample} on ${e.documentURI}`;
            window.__cspViolations?.push(violation);
            void window.__reportCspViolation?.(violation);
          },
          true,
        );
      });
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Where `locator` comes to rest: its box once `readings` consecutive readings, each at least one animation frame
 * after the last, agree. Counted in frames, not milliseconds: on a busy machine it simply takes longer. Anything
 * that moves it in the meantime (a pan, a restack, an animation) starts the count again, so a box that was going
 * to move is read where it ends up, and comparing it with the box before an action shows whether the action moved
 * it. Fails if it never rests.
 */
export async function restingBox(page: Page, locator: Locator, readings = 20) {
  let last = await locator.boundingBox();
  let still = 0;
  for (let frame = 0; still < readings; frame++) {
    if (frame > 1000) throw new Error(`${String(locator)} did not come to rest within 1000 frames`);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const box = await locator.boundingBox();
    still = box && last && box.x === last.x && box.y === last.y ? still + 1 : 0;
    last = box;
  }
  return last;
}
