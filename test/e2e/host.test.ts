import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DeliveryEvent } from '../../src/transport/index.ts';
import { sleep, until, useEnv } from './support/harness.ts';

const env = useEnv();
const events = (page: Page) => page.evaluate(() => window.cxTest.events) as Promise<DeliveryEvent[]>;
const sent = async (page: Page, id: string) => (await events(page)).some((e) => e.type == 'sent' && e.id == id);

describe('hostile or strict host pages', () => {
  it.each([
    ['throws synchronously', "window.fetch = function () { throw new Error('host broke fetch'); };"],
    ['returns a promise that never settles', 'window.fetch = function () { return new Promise(function () {}); };'],
    ['rejects', "window.fetch = function () { return Promise.reject(new TypeError('host says no')); };"],
  ])(
    'H01 window.fetch replaced by one that %s: the native fetch is used, delivered, nothing thrown',
    async (_, head) => {
      // A host script before ours (not addInitScript: that would also patch the blank iframe we take fetch from).
      const { page } = await env.open({ head });
      const { id } = await page.evaluate(() => window.cxTest.submit());
      await until(() => sent(page, id));
      expect([...env.server.stored.keys()]).toEqual([id]);
      expect(await page.evaluate(() => /native code/.test(String(window.fetch)))).toBe(false); // the host's patch stays
    },
  );

  it('H02 Array.prototype.toJSON (Prototype.js) and a replaced JSON.stringify: the server receives schema-valid JSON', async () => {
    const init =
      "Array.prototype.toJSON = function () { return 'array as string'; }; JSON.stringify = function () { return '\"hijacked\"'; };";
    const { page } = await env.open({ init });
    const { id } = await page.evaluate(() => window.cxTest.submit());
    await until(() => sent(page, id));
    const { payload } = env.server.stored.get(id)!;
    expect((payload.answers as { value: unknown }[])[1]!.value).toEqual(['a', 'b']);
    expect(env.server.received[0]!.outcome).toBe('stored'); // passed the receiver's schema check
  });

  it('H03 polluted Object.prototype (endpoint, v, fetch and lock options): no request elsewhere, request unchanged', async () => {
    // Non-enumerable, so only property reads ([[Get]]: config lookups, WebIDL dictionaries such as fetch's init)
    // see them. Enumerable pollution already breaks the bundle's namespace helper (esbuild __export, rolldown
    // __exportAll: for…in over zod/mini's `iso` namespace) before any widget code runs: see docs/reliability.md.
    const init = `for (const [k, v] of Object.entries({ endpoint: 'https://evil.example/collect', v: 99, method: 'GET',
      credentials: 'include', mode: 'no-cors', keepalive: false, referrerPolicy: 'unsafe-url', steal: true, ifAvailable: false,
      headers: { 'X-Evil': '1' }, body: 'evil', integrity: 'sha256-evil', referrer: 'https://evil.example/', baseMs: 1, requireConsent: true, keyPath: 'evil', autoIncrement: true }))
      Object.defineProperty(Object.prototype, k, { value: v, writable: true, configurable: true });`;
    let evil = 0;
    const context = await env.browser.newContext();
    try {
      await context.route('https://evil.example/**', (route) => (evil++, route.fulfill({ status: 200, body: 'ok' })));
      await context.addInitScript(init);
      const { page } = await env.tab(context);
      await page.evaluate(() => (document.cookie = 'session=secret; path=/'));
      const { id } = await page.evaluate(() => window.cxTest.submit());
      await until(() => sent(page, id));
      expect(evil).toBe(0);
      expect(env.server.stored.get(id)!.payload.v).toBe(1);
      expect(env.server.received[0]).toMatchObject({
        contentType: 'text/plain;charset=UTF-8',
        cookie: undefined,
        referer: undefined,
      });
      expect(await page.evaluate(() => window.cxTest.outbox())).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("R17 CSP connect-src 'self' blocks the endpoint: detected, sending paused for the page, one warning, row kept, no host errors", async () => {
    const tab = await env.open({ csp: "connect-src 'self'" });
    const { page } = tab;
    const a = await page.evaluate(() => window.cxTest.submit());
    await until(async () => (await events(page)).some((e) => e.type == 'paused'));
    expect((await events(page)).filter((e) => e.type == 'paused')).toEqual([
      { type: 'paused', endpoint: env.server.endpoint, status: 0 },
    ]);
    await page.evaluate(() => window.cxTest.submit());
    await page.evaluate(() => window.cxTest.d.drain());
    await sleep(800); // several backoff windows (100–800 ms): nothing more may be tried on this page
    expect((await events(page)).filter((e) => e.type == 'retry').length).toBeLessThanOrEqual(1);
    expect(tab.warnings.filter((w) => w.startsWith('cx-feedback'))).toEqual([
      expect.stringMatching(
        /^cx-feedback: paused sending to http:\/\/127\.0\.0\.1:\d+\/collect .*Content-Security-Policy blocks it; add its origin to connect-src/,
      ),
    ]);
    expect(env.server.received).toHaveLength(0);
    expect(((await page.evaluate(() => window.cxTest.outbox())) as { id: string }[]).map((r) => r.id)).toContain(a.id);
    expect(await page.evaluate(() => window.cxTest.outbox())).toHaveLength(2);
  });

  it('H04 fetch broken everywhere and a throwing listener: contained, no uncaught error or unhandled rejection, bounded retries, row kept', async () => {
    // addInitScript also patches the blank iframe the native fetch would come from: every send throws synchronously.
    const init = "window.fetch = function () { throw new Error('fetch is broken here'); };";
    const { page } = await env.open({ init, cfg: { baseMs: 20, capMs: 50, pageTries: 5 } });
    await page.evaluate(() =>
      window.cxTest.d.subscribe(() => {
        throw new Error('a listener bug');
      }),
    );
    await page.evaluate(() => window.cxTest.submit());
    await until(
      async () => (await page.evaluate(() => window.cxTest.events.filter((e) => e.type == 'retry').length)) >= 5,
    );
    await sleep(500);
    expect(await page.evaluate(() => window.cxTest.events.filter((e) => e.type == 'retry').length)).toBe(5); // pageTries
    expect(await page.evaluate(() => window.cxTest.outbox())).toHaveLength(1);
    expect(await page.evaluate(() => window.__errors)).toEqual([]);
  });

  it('H06 endpoint answers after 30 s: the page stays responsive, navigation is not delayed, no beforeunload prompt', async () => {
    env.server.decide = () => ({ delayMs: 30_000 });
    const { page } = await env.open({ cfg: { timeoutMs: 60_000 } });
    let dialogs = 0;
    page.on('dialog', (d) => (dialogs++, d.dismiss()));
    await page.evaluate(() => window.cxTest.submitMany(3));
    await until(() => env.server.received.length == 3);
    const t = Date.now();
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await page.goto(`${env.server.origin}/blank.html`);
    expect(Date.now() - t).toBeLessThan(3000);
    expect(dialogs).toBe(0);
  });
});
