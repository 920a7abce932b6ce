/**
 * Every test runs offline: any request that leaves the loopback interface is aborted and recorded, and the test
 * fails if there was one. The product must work with no network (the basemap is embedded).
 */
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ externalRequests: string[] }>({
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
});

export { expect };
