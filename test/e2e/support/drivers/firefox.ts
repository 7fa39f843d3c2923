import puppeteer, { type Frame as PuppeteerFrame, type Page } from 'puppeteer-core';
import { FIREFOX } from '../../../support/engines/firefox-launcher.mjs';
import { readRecord, until, type Context, type PageFunction, type Driver, type Tab } from './driver.ts';

/** `>>>` is puppeteer's deep combinator: it descends into shadow roots. */
async function clickIn(frame: Page | PuppeteerFrame, selector: string) {
  const handle = await frame.waitForSelector(`cx-feedback >>> ${selector}`, { timeout: 10_000 });
  if (!handle) throw new Error(`firefox: no ${selector} in <cx-feedback>`);
  await handle.click();
  await handle.dispose();
}

function tab(page: Page): Tab {
  const console: string[] = [];
  page.on('console', (m) => console.push(`${m.type() == 'warn' ? 'warning' : m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
  // Arguments and results are plain JSON here; puppeteer's handle flattening does not apply.
  const evaluate = async <A, R>(fn: PageFunction<A, R>, arg: A) =>
    (await page.evaluate(fn as (arg: unknown) => unknown, arg as unknown)) as R;
  return {
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    evaluate,
    clickInWidget: (selector) => clickIn(page, selector),
    async firstFrame() {
      const frame = await until(() => page.frames().find((f) => f !== page.mainFrame()), 10_000, 'an iframe');
      return {
        evaluate: async <A, R>(fn: PageFunction<A, R>, arg: A) =>
          (await frame.evaluate(fn as (arg: unknown) => unknown, arg as unknown)) as R,
        clickInWidget: (selector) => clickIn(frame, selector),
      };
    },
    console: async () => [...console],
    errors: () => evaluate(readRecord, '__errors'),
    close: () => page.close(),
  };
}

/** Firefox ESR through puppeteer-core over WebDriver BiDi; a context is a BiDi user context (own storage). */
export async function firefoxDriver(): Promise<Driver> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
  });
  return {
    name: 'firefox',
    async newContext(): Promise<Context> {
      const context = await browser.createBrowserContext();
      return {
        async newTab(url) {
          const page = await context.newPage();
          const opened = tab(page);
          await opened.goto(url);
          return opened;
        },
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
