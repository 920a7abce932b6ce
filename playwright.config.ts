import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests drive the built app (vite preview) in Chromium. These machines cannot download browsers:
 * use CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own browser where it is installed.
 */
const systemChromium = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
const PORT = Number(process.env.E2E_PORT ?? 4317);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  // Generous for a loaded 2-core CI machine (another job beside it): every wait is on a state the user sees, so a
  // longer timeout only costs time when something is really wrong.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    timezoneId: 'UTC',
    locale: 'en-GB',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          ...(systemChromium ? { executablePath: systemChromium } : {}),
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    // The built app serves an imported dataset beside the bundled one (dist/data/datasets.json lists both), as a
    // deployment with `npm run import` does; e2e/datasets.spec.ts switches to it. Our own port, and never someone
    // else's server: a stale server would test stale code.
    command: [
      'npm run import --silent -- acled data/fixtures/import/acled-2023.csv --name e2e-acled --title "E2E ACLED fixture" --out dist/data',
      `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    ].join(' && '),
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
