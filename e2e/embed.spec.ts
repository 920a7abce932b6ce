/**
 * Publish and embed: the explorer in an iframe beside an article (`?embed=1`), a story opened there at a step,
 * stepped with the keyboard and left; the link to the full explorer; and the share control's iframe snippet. The
 * stories and titles are read from the built data, so the stories can change.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

interface BuiltStory {
  id: string;
  title: string;
  steps: { title?: string; text: string; events: string[] }[];
}

async function served() {
  const read = async (path: string) =>
    JSON.parse(await readFile(new URL(`../dist/data/${path}`, import.meta.url), 'utf8'));
  const { stories } = (await read('pack/stories.json')) as { stories: BuiltStory[] };
  const dataset = (await read('dataset.json')) as { title: string; events: { id: string; title: string }[] };
  return { stories, title: dataset.title, titleOf: new Map(dataset.events.map((e) => [e.id, e.title])) };
}

/** A story with at least four steps, each selecting an event: the journeys step from 3 to 4 and back. */
async function aStory() {
  const { stories, title, titleOf } = await served();
  const story = stories.find((s) => s.steps.length >= 4 && s.steps.every((step) => step.events.length > 0));
  expect(story, 'a bundled story of four or more steps, each with an event').toBeDefined();
  const stepTitle = (n: number) => story!.steps[n - 1]!.title ?? titleOf.get(story!.steps[n - 1]!.events[0]!)!;
  const eventOf = (n: number) => story!.steps[n - 1]!.events[0]!;
  return {
    story: story!,
    datasetTitle: title,
    stepTitle,
    eventOf,
    eventTitle: (n: number) => titleOf.get(eventOf(n))!,
  };
}

const panel = (page: Page) => page.locator('section.story-panel');
const details = (page: Page) => page.getByRole('region', { name: 'Event details' });
const fullExplorerLink = (page: Page) => page.getByRole('link', { name: /^Open the full explorer/ });

async function expectStep(page: Page, n: number, total: number, stepTitle: string) {
  await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(stepTitle);
  await expect(panel(page).getByText(`Step ${n} of ${total}`, { exact: true })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`[?&]step=${n}(&|$)`));
}

/** The header's controls, none of which an embedded page shows. */
async function expectNoHeaderChrome(page: Page) {
  await expect(page.getByRole('heading', { name: 'News Event Explorer', exact: true })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Story' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Open a file…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Copy link to this view' })).toHaveCount(0);
  await expect(page.getByRole('searchbox', { name: 'Search events' })).toHaveCount(0);
}

/** The link's target is this page's view without `embed`: same path, same parameters otherwise. */
async function expectFullExplorerLinkToThisView(page: Page) {
  const link = fullExplorerLink(page);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /\bnoopener\b/);
  const here = new URL(page.url());
  expect(here.searchParams.get('embed')).toBe('1');
  here.searchParams.delete('embed');
  await expect
    .poll(async () => {
      const href = new URL((await link.getAttribute('href')) ?? '', page.url());
      return `${href.origin}${href.pathname}?${href.searchParams}`;
    })
    .toBe(`${here.origin}${here.pathname}?${here.searchParams}`);
}

test('an embedded story opens by link at step 3, steps with the keyboard and Back, stays embedded, and is left', async ({
  page,
}) => {
  const { story, datasetTitle, stepTitle, eventOf, eventTitle } = await aStory();
  const total = story.steps.length;
  // A typical frame beside an article.
  await page.setViewportSize({ width: 800, height: 560 });
  await page.goto(`/?story=${story.id}&step=3&embed=1`);
  await expectStep(page, 3, total, stepTitle(3));
  await expect(details(page).getByRole('heading', { name: eventTitle(3), exact: true })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`event=${eventOf(3)}.*&embed=1(#|$)`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(datasetTitle);
  await expectNoHeaderChrome(page);
  await expectFullExplorerLinkToThisView(page);

  await page.keyboard.press('ArrowRight');
  await expectStep(page, 4, total, stepTitle(4));
  await expect(page).toHaveURL(/[?&]embed=1(#|$)/);
  await expect(fullExplorerLink(page)).toHaveAttribute('href', new RegExp(`[?&]step=4(&|$)`));
  await expectFullExplorerLinkToThisView(page);
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, 3, total, stepTitle(3));
  // Back and Forward inside the frame stay embedded.
  await page.goBack();
  await expectStep(page, 4, total, stepTitle(4));
  await expect(page).toHaveURL(/[?&]embed=1(#|$)/);
  await expectNoHeaderChrome(page);
  await page.goForward();
  await expectStep(page, 3, total, stepTitle(3));

  // Keyboard: the skip link leads to the story, whose buttons step it.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the story' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(details(page)).toBeFocused();
  await panel(page).getByRole('button', { name: /Next/ }).focus();
  await page.keyboard.press('Enter');
  await expectStep(page, 4, total, stepTitle(4));
  await panel(page)
    .getByRole('button', { name: /Previous/ })
    .focus();
  await page.keyboard.press('Enter');
  await expectStep(page, 3, total, stepTitle(3));
  await expect(page.getByText(`Step 3 of ${total}: ${stepTitle(3)}`)).toBeAttached();

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Leaving the story keeps the page embedded, with the step's event selected and the list to choose others from.
  await panel(page).getByRole('button', { name: 'Leave story' }).click();
  await expect(page.getByText(/^Step \d+ of \d+$/)).toHaveCount(0);
  await expect(page).not.toHaveURL(/story=/);
  await expect(page).toHaveURL(new RegExp(`event=${eventOf(3)}.*&embed=1(#|$)`));
  await expect(details(page).getByRole('heading', { name: eventTitle(3), exact: true })).toBeVisible();
  await expect(page.getByRole('listbox')).toBeVisible();
  await expectNoHeaderChrome(page);
  await expectFullExplorerLinkToThisView(page);

  // The full explorer opens in a new tab on the same view, with its header.
  const [full] = await Promise.all([page.context().waitForEvent('page'), fullExplorerLink(page).click()]);
  await expect(full).not.toHaveURL(/embed=/);
  await expect(full.getByRole('heading', { name: 'News Event Explorer', exact: true })).toBeVisible();
  await expect(full.getByRole('searchbox', { name: 'Search events' })).toBeVisible();
  await expect(details(full).getByRole('heading', { name: eventTitle(3), exact: true })).toBeVisible();
  await full.close();
});

/** True when the middle of `locator`'s box shows it (or a child of it), not something drawn over it. */
function uncovered(locator: Locator) {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return hit !== null && element.contains(hit);
  });
}

test('an embedded story is usable in a 390-pixel-wide frame: the step, its text and Next come first', async ({
  page,
}) => {
  const { story, stepTitle } = await aStory();
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto(`/?story=${story.id}&step=3&embed=1`);
  await expectStep(page, 3, story.steps.length, stepTitle(3));
  // Once the map has drawn the step's event: it is what would be drawn over the story if the layout failed.
  await expect(page.locator('.leaflet-event-map-selection-pane path.event-map-selection').first()).toBeAttached();
  const text = panel(page).getByText(story.steps[2]!.text, { exact: true });
  const next = panel(page).getByRole('button', { name: /Next/ });
  for (const what of [text, next]) {
    await expect(what).toBeInViewport();
    await expect.poll(() => uncovered(what), 'nothing is drawn over it (the map, the timeline)').toBe(true);
  }
  await expect(fullExplorerLink(page)).toBeInViewport();
  // Nothing is wider than the frame.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await next.click();
  await expectStep(page, 4, story.steps.length, stepTitle(4));
  await expect(next).toBeInViewport();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

/**
 * The attributes of the iframe a snippet is, read as an HTML parser reads them: one `<iframe …></iframe>`, each
 * value double-quoted, with no raw `"`, `<`, `>` or bare `&` in it, its references decoded. (Parsed here rather
 * than by the page's DOMParser, whose parse of a style attribute the page's own policy reports as a violation.)
 */
function iframeOf(snippet: string): Record<string, string> | null {
  const element = /^<iframe((?: [a-z]+="[^"<>]*")*)><\/iframe>$/.exec(snippet);
  if (!element || /&(?!(amp|quot|lt|gt|#39);)/.test(element[1]!)) return null;
  const references: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'" };
  const decode = (value: string) => value.replace(/&(amp|quot|lt|gt|#39);/g, (_, name: string) => references[name]!);
  return Object.fromEntries([...element[1]!.matchAll(/ ([a-z]+)="([^"]*)"/g)].map((m) => [m[1]!, decode(m[2]!)]));
}

test('the share control copies the embed code of the current view; pasted in a page, it opens that view embedded', async ({
  page,
  context,
}) => {
  const { story, stepTitle, eventOf } = await aStory();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/?story=${story.id}&step=3`);
  await expectStep(page, 3, story.steps.length, stepTitle(3));
  // The share menu: a disclosure button, its two actions, closed by Escape without clearing the selection.
  const share = page.getByRole('button', { name: 'Share', exact: true });
  const actions = page.getByRole('group', { name: 'Share this view' });
  await expect(share).toHaveAttribute('aria-expanded', 'false');
  await share.click();
  await expect(share).toHaveAttribute('aria-expanded', 'true');
  await expect(actions.getByRole('button', { name: 'Copy link to this view' })).toBeVisible();
  const open = await new AxeBuilder({ page })
    .include('.explorer-header')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(open.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(actions).toHaveCount(0);
  await expect(share).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`event=${eventOf(3)}`));
  const status = page.locator('.explorer-header').getByRole('status');

  await share.click();
  await actions.getByRole('button', { name: 'Copy embed code' }).click();
  await expect(status).toHaveText(/^Embed code copied/);
  await expect(share).toBeFocused();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  const frame = iframeOf(snippet);
  expect(frame, snippet).not.toBeNull();
  expect(frame!.title).toBe(`${story.title} · News Event Explorer`);
  expect(frame).toMatchObject({ width: '100%', height: '560', loading: 'lazy', style: 'border:0' });
  const src = new URL(frame!.src!);
  expect(src.origin + src.pathname).toBe(new URL(page.url()).origin + new URL(page.url()).pathname);
  expect(src.searchParams.get('embed')).toBe('1');
  expect(src.searchParams.get('story')).toBe(story.id);
  expect(src.searchParams.get('step')).toBe('3');
  expect(src.searchParams.get('event')).toBe(eventOf(3));

  // Opened, the snippet's address is the same step, embedded.
  const embedded = await context.newPage();
  await embedded.goto(src.href);
  await expectStep(embedded, 3, story.steps.length, stepTitle(3));
  await expectNoHeaderChrome(embedded);
  await embedded.close();

  // Outside the story, the snippet follows the selection: another event, chosen in the list.
  await panel(page).getByRole('button', { name: 'Leave story' }).click();
  await expect(page).not.toHaveURL(/story=/);
  await page.getByRole('listbox').getByRole('option', { selected: false }).first().click();
  await expect(page).not.toHaveURL(new RegExp(`event=${eventOf(3)}(&|$)`));
  const chosen = new URL(page.url()).searchParams.get('event');
  expect(chosen).toMatch(/./);
  const chosenTitle = (await served()).titleOf.get(chosen!)!;
  await expect(details(page).getByRole('heading', { name: chosenTitle, exact: true })).toBeVisible();
  await share.click();
  await actions.getByRole('button', { name: 'Copy embed code' }).click();
  await expect
    .poll(async () => {
      const copied = iframeOf(await page.evaluate(() => navigator.clipboard.readText()));
      const url = new URL(copied?.src ?? 'about:blank');
      return [url.searchParams.get('event'), url.searchParams.get('story'), url.searchParams.get('embed')];
    })
    .toEqual([chosen, null, '1']);
  const copied = iframeOf(await page.evaluate(() => navigator.clipboard.readText()));
  expect(copied!.title).toBe(`${chosenTitle} · News Event Explorer`);
});
