import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler } from '../src/handler.ts';
import { toNodeListener } from '../src/node-adapter.ts';
import { loadOverview } from '../src/results/load.ts';
import { parseResultsQuery } from '../src/results/params.ts';
import { listen } from '../src/serve.ts';
import type { Listening } from '../src/serve.ts';
import { parseJourney } from '../src/stats/journey-order.ts';
import type { Store } from '../src/store/types.ts';
import { memoryStore } from './support/memory-sqlite.ts';
import { NOW, PERIOD, seedJourney } from './support/results-fixture.ts';

/** The results pages in Chromium: figures, attention, themes, axe and narrow screens, on a seeded journey. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let store: Store;
let server: Listening;
let browser: Browser;

beforeAll(async () => {
  store = memoryStore();
  await seedJourney(store);
  server = await listen(toNodeListener(createHandler({ store, now: () => NOW })), 0, '127.0.0.1');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await store?.close();
});

/** axe needs its script on the page; the page's CSP rightly forbids that, so the test context bypasses CSP. */
async function open(path: string, width = 1280, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true, colorScheme });
  const page = await context.newPage();
  const res = await page.goto(`${server.url.replace(/\/$/, '')}${path}`);
  expect(res?.status()).toBe(200);
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } })
      .axe;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

describe.skipIf(!existsSync(CHROMIUM))('results pages in Chromium', () => {
  it('shows the same figures as the stats module', async () => {
    const q = parseResultsQuery(new URLSearchParams(PERIOD), NOW);
    if (!q.ok) throw new Error('bad query');
    const expected = await loadOverview(store, q.value, parseJourney(undefined));
    const page = await open(`/results?${PERIOD}`);
    const cards = await page.$$eval('.touchpoint', (list) =>
      list.map((li) => ({
        name: li.querySelector('h4')?.textContent?.trim(),
        value: li.querySelector('.figure .value')?.textContent?.trim(),
        ci: li.querySelector('.ci-text')?.textContent?.trim(),
      })),
    );
    const fromStats = expected.stages.flatMap((s) =>
      s.touchpoints.map((t) => {
        const f = t.questions[0];
        const unit = (v: number | null) => `${v} %`;
        return {
          name: t.touchpoint,
          value: unit(f.current.value),
          ci: `95 % interval ${unit(f.current.low)} to ${unit(f.current.high)}`,
        };
      }),
    );
    expect(cards).toEqual(fromStats);
    // Journey order: discover, purchase, receive.
    expect(cards.map((c) => c.name)).toEqual(['search', 'checkout', 'delivery']);
  });

  it('lists a significant drop under "needs attention" and not a drop that is noise', async () => {
    const page = await open(`/results?${PERIOD}`);
    const attention = await page.$eval('.attention', (el) => el.textContent ?? '');
    expect(attention).toContain('checkout');
    expect(attention).toMatch(/dropped by 30 pts/);
    expect(attention).not.toContain('delivery');
    const delivery = await page.$eval(
      '.touchpoint:has(a[href*="touchpoint=delivery"]) .change',
      (el) => el.textContent ?? '',
    );
    expect(delivery).toContain('no significant change');
  });

  it('lists the seeded phrases as themes of negative answers on the drill-down, linked to their comments', async () => {
    const page = await open(`/results/touchpoint?${PERIOD}&touchpoint=checkout`);
    const themes = await page.$$eval('.themes.negative li a', (links) => links.map((a) => a.textContent));
    expect(themes).toEqual(expect.arrayContaining(['wrong size', 'slow delivery']));
    await page.click('.themes.negative a:text-is("wrong size")');
    const comments = await page.$$eval('.comment .text', (list) => list.map((p) => p.textContent));
    expect(comments.length).toBe(9);
    expect(comments.every((c) => /wrong size/i.test(c ?? ''))).toBe(true);
    expect(page.url()).not.toContain('token');
  });

  it.each([
    ['overview, light', `/results?${PERIOD}`, 'light'],
    ['overview, dark', `/results?${PERIOD}`, 'dark'],
    ['drill-down, light', `/results/touchpoint?${PERIOD}&touchpoint=checkout`, 'light'],
    ['drill-down, dark', `/results/touchpoint?${PERIOD}&touchpoint=checkout`, 'dark'],
  ] as const)('%s has no axe violations and no sideways scrolling at 320 px', async (_name, path, scheme) => {
    const wide = await open(path, 1280, scheme);
    expect(await axeViolations(wide)).toEqual([]);
    const narrow = await open(path, 320, scheme);
    const overflow = await narrow.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(narrow)).toEqual([]);
    const smallest = await narrow.evaluate(() =>
      Math.min(
        ...[...document.querySelectorAll('body *')]
          .filter(
            (e) => e.childNodes.length && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()),
          )
          .map((e) => parseFloat(getComputedStyle(e).fontSize)),
      ),
    );
    expect(smallest).toBeGreaterThanOrEqual(12);
  });

  it('can be used with the keyboard: every link and control is reachable by Tab', async () => {
    const page = await open(`/results?${PERIOD}`);
    const selector = 'a[href], select, input:not([type=hidden]), button';
    const focusable = await page.$$eval(selector, (els) => els.length);
    const reached = new Set<number>();
    // A date input takes three Tab stops (day, month, year), hence the extra presses.
    for (let i = 0; i < focusable + 8; i++) {
      await page.keyboard.press('Tab');
      reached.add(
        await page.evaluate(
          (sel) => [...document.querySelectorAll(sel)].indexOf(document.activeElement as Element),
          selector,
        ),
      );
    }
    reached.delete(-1);
    expect(reached.size).toBe(focusable);
  });
});
