// Firefox ESR (Debian's firefox-esr) for @web/test-runner, driven by puppeteer-core over WebDriver BiDi. The
// launcher class is @web/test-runner-chrome's, which @web/test-runner-puppeteer wraps too; given puppeteer-core
// itself, it needs no `puppeteer` package (which would download a browser at install).
import { ChromeLauncher } from '@web/test-runner-chrome';
import * as puppeteerCore from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

export function firefoxLauncher() {
  return new ChromeLauncher(
    { browser: 'firefox', executablePath: FIREFOX, headless: true, protocol: 'webDriverBiDi' },
    ({ browser }) => browser.defaultBrowserContext(),
    ({ context }) => context.newPage(),
    puppeteerCore,
  );
}
