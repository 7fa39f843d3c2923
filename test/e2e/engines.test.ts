import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_NAME } from '../../src/transport/store.ts';
import { chromiumDriver } from './support/drivers/chromium.ts';
import { until, waitInPage, type Driver, type EngineName, type Tab } from './support/drivers/driver.ts';
import { firefoxDriver } from './support/drivers/firefox.ts';
import { webkitDriver } from './support/drivers/webkit.ts';
import { startFaultServer, type FaultServer } from './support/fault-server.ts';

/**
 * The named engine subset of the reliability matrix (issue #18): the shipped script tag with a real <cx-feedback>
 * on the fault server's pages, written once against test/e2e/support/drivers and run in Chromium, Firefox and
 * WebKit. Faults come from the server (it is down, slow or answers 503), never from request interception, which
 * classic WebDriver cannot do. What the receiver stored is the assertion.
 */
const engines: { name: EngineName; start: () => Promise<Driver> }[] = [
  { name: 'chromium', start: chromiumDriver },
  { name: 'firefox', start: firefoxDriver },
  { name: 'webkit', start: webkitDriver },
];
const only = process.env.CX_ENGINE;

const THUMBS_DOWN = '[part~="option"][data-value="0"]';

describe.each(engines.filter((e) => !only || e.name == only))('$name', ({ start }) => {
  let driver: Driver;
  let server: FaultServer;

  beforeAll(async () => {
    // The delivery test bundle (/cx.js) is not used here: every page loads the built dist/cx-feedback.js.
    server = await startFaultServer('');
    driver = await start();
  }, 60_000);
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  /** The page URL carries a query string: a Referer would leak it. */
  const widget = (touchpoint: string, route = 'widget.html', extra: Record<string, string> = {}) =>
    `${server.origin}/${route}?${new URLSearchParams({ question: 'thumbs', touchpoint, ...extra })}&secret=order-4711`;
  const ready = (tab: Tab) =>
    waitInPage(
      tab,
      (selector) => !!document.querySelector('cx-feedback')?.shadowRoot?.querySelector(selector),
      THUMBS_DOWN,
      10_000,
      'the widget to render its options',
    );

  it('smoke: the shipped script tag, tap 👎: the receiver stores one v1 payload, the page sees no error', async () => {
    server.reset();
    const context = await driver.newContext();
    try {
      const tab = await context.newTab(widget('smoke'));
      await ready(tab);
      expect(server.received).toEqual([]); // nothing is sent before the tap
      await tab.clickInWidget(THUMBS_DOWN);
      await until(() => server.stored.size == 1, 10_000, 'the answer to be stored');
      const [stored] = [...server.stored.values()];
      expect(stored!.payload).toMatchObject({ v: 1, touchpoint: 'smoke', answers: [{ type: 'thumbs', value: 0 }] });
      expect(server.received).toHaveLength(1);
      expect(await tab.errors()).toEqual([]);
      expect((await tab.console()).filter((m) => /cx-feedback/.test(m))).toEqual([]);
      console.log('console', await tab.console());
    } finally {
      await context.close();
    }
  });
});
void DB_NAME;
