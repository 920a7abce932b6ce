/**
 * `npm run screenshot`: the README's pictures, taken from the real built app (run `npm run build` first) in headless
 * Chromium at 1280×800 — the Sochi 2021 visit selected, and a story at its third step — so the pictures always show
 * what users get.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = 4398;
const target = path.join(root, 'docs', 'explorer.png');
const storyTarget = path.join(root, 'docs', 'story.png');

const server = spawn(
  path.join(root, 'node_modules/.bin/vite'),
  ['preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
  { cwd: root, stdio: 'ignore' },
);
try {
  for (let i = 0; ; i++) {
    if (
      await fetch(`http://127.0.0.1:${PORT}/`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 100) throw new Error('vite preview did not start (run "npm run build" first)');
    await new Promise((r) => setTimeout(r, 100));
  }
  const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium'].find(existsSync);
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, timezoneId: 'UTC', locale: 'en-GB' });
  await page.goto(`http://127.0.0.1:${PORT}/?event=erdogan-putin-sochi-2021&window=2021-08-25..2021-10-25`);
  await page.getByRole('heading', { name: 'Erdoğan visits Putin in Sochi' }).waitFor();
  await page.waitForTimeout(2000); // the map's fly-to and the timeline's pan finish
  await page.screenshot({ path: target });
  console.log(`wrote ${path.relative(root, target)}`);
  await page.goto(`http://127.0.0.1:${PORT}/?story=idlib-agreements&step=3`);
  await page.getByText(/^Step 3 of \d+$/).waitFor();
  await page.waitForTimeout(2000); // the map's flight and the timeline's glide to the step finish
  await page.screenshot({ path: storyTarget });
  console.log(`wrote ${path.relative(root, storyTarget)}`);
  await browser.close();
} finally {
  server.kill();
}
