import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { until, useEnv } from './support/harness.ts';

/**
 * Matrix R19/R19b/R21 as a customer does it: the shipped script tag, a real tap on a real <cx-feedback>, and the tab
 * closed (or hidden) at once, without waiting for anything the widget does. What the receiver stored is the assertion.
 * A run that the closing tab did not deliver gets a next visit in the same profile, which must deliver it.
 */
const env = useEnv();
const RUNS = Number(process.env.CX_TAB_CLOSE_RUNS || 100);

/** The page URL carries a query string: a Referer would leak it. */
const widgetPage = (attributes: Record<string, string>) =>
  `${env.server.origin}/widget.html?${new URLSearchParams({ question: 'thumbs', touchpoint: 'checkout', ...attributes })}&secret=order-4711`;

async function openWidget(context: BrowserContext, attributes: Record<string, string> = {}): Promise<Page> {
  const page = await context.newPage();
  await page.goto(widgetPage(attributes));
  await page.locator('cx-feedback [part~="option"][data-value="0"]').waitFor();
  return page;
}

/** Delivered by the closing tab, or else by the next visit in the same context; returns which. */
async function deliveredBy(context: BrowserContext, count: number): Promise<'tab' | 'next visit' | 'lost'> {
  const arrived = () => env.server.stored.size >= count;
  try {
    await until(arrived, 3000, 'delivery from the closed tab');
    return 'tab';
  } catch {
    await openWidget(context);
    return (await until(arrived, 5000).catch(() => false)) ? 'next visit' : 'lost';
  }
}

describe('an answer survives the tab closing right after the tap', () => {
  it.each<[string, number]>([
    ['cx-feedback.js', RUNS],
    ['cx-feedback.iife.js', Math.min(RUNS, 20)],
  ])(
    'R19 with %s: tap 👎, close the tab at once: all %i arrive, each stored once, with no Referer',
    async (script, runs) => {
      const tally = { tab: 0, 'next visit': 0, lost: 0, 'with Referer': 0 };
      for (let run = 0; run < runs; run++) {
        env.server.reset();
        const context = await env.browser.newContext();
        try {
          const page = await openWidget(context, script == 'cx-feedback.iife.js' ? { script: 'iife' } : {});
          await page.locator('cx-feedback [part~="option"][data-value="0"]').click();
          await page.close();
          tally[await deliveredBy(context, 1)]++;
        } finally {
          await context.close();
        }
        if (env.server.received.some((r) => r.referer !== undefined || r.cookie !== undefined)) tally['with Referer']++;
        const [stored] = [...env.server.stored.values()];
        if (stored) expect(stored.payload).toMatchObject({ v: 1, answers: [{ type: 'thumbs', value: 0 }] });
      }
      console.log(`R19 tab close with ${script}: ${JSON.stringify(tally)} of ${runs}`);
      expect(tally).toMatchObject({ lost: 0, 'with Referer': 0 });
    },
    600_000,
  );

  it('R21 tap, page hidden at once (a phone switching apps), then closed: 20 of 20 arrive, one request per row', async () => {
    const tally = { lost: 0, 'sent twice': 0 };
    for (let run = 0; run < 20; run++) {
      env.server.reset();
      const context = await env.browser.newContext();
      try {
        const page = await openWidget(context);
        await page.locator('cx-feedback [part~="option"][data-value="0"]').click();
        await page.evaluate(() => {
          Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
          document.dispatchEvent(new Event('visibilitychange'));
        });
        await page.close();
        if ((await deliveredBy(context, 1)) == 'lost') tally.lost++;
        // visibilitychange and pagehide both came: still one request for the row.
        if (env.server.received.length > 1) tally['sent twice']++;
      } finally {
        await context.close();
      }
    }
    console.log(`R21 hidden then closed: ${JSON.stringify(tally)} of 20`);
    expect(tally).toEqual({ lost: 0, 'sent twice': 0 });
  }, 300_000);

  it('R19 the tab closed right after a follow-up’s Send: the tap and the follow-up both arrive', async () => {
    let lost = 0;
    for (let run = 0; run < 20; run++) {
      env.server.reset();
      const context = await env.browser.newContext();
      try {
        const page = await openWidget(context, { 'follow-up': 'What was missing?' });
        await page.locator('cx-feedback [part~="option"][data-value="0"]').click();
        await page.locator('cx-feedback textarea').fill('The size chart');
        await page.locator('cx-feedback button[part~="button-primary"]').click();
        await page.close();
        if ((await deliveredBy(context, 2)) == 'lost') lost++;
        const followUp = [...env.server.stored.values()].find((s) => s.payload.followUpOf);
        expect(followUp?.payload).toMatchObject({ answers: [{ type: 'text', value: 'The size chart' }] });
      } finally {
        await context.close();
      }
    }
    expect(lost).toBe(0);
  }, 300_000);
});
