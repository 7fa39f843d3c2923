import { chromium as playwright, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../../support/engines/chromium.mjs';
import { readRecord, until, type Context, type PageFunction, type Driver, type Tab } from './driver.ts';

function tab(page: Page): Tab {
  const console: string[] = [];
  page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.push(`pageerror: ${e.message}`));
  // Arguments and results are plain JSON here; playwright's handle unboxing does not apply.
  const evaluate = <A, R>(fn: PageFunction<A, R>, arg: A) =>
    page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown);
  return {
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    evaluate,
    // Playwright's CSS locators pierce open shadow roots.
    clickInWidget: (selector) => page.locator(`cx-feedback ${selector}`).first().click(),
    async firstFrame() {
      const frame = await until(() => page.frames().find((f) => f !== page.mainFrame()), 10_000, 'an iframe');
      return {
        evaluate: <A, R>(fn: PageFunction<A, R>, arg: A) =>
          frame.evaluate(fn as (arg: unknown) => R | Promise<R>, arg as unknown),
        clickInWidget: (selector) => frame.locator(`cx-feedback ${selector}`).first().click(),
      };
    },
    console: async () => [...console],
    errors: () => evaluate(readRecord, '__errors'),
    close: () => page.close(),
  };
}

/** Debian's Chromium through playwright-core; a context is a browser context. */
export async function chromiumDriver(): Promise<Driver> {
  const browser = await playwright.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    // Playwright turns the back/forward cache off by default; the other engines keep theirs, so Chromium does too.
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  });
  return {
    name: 'chromium',
    async newContext(): Promise<Context> {
      const context = await browser.newContext();
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
