import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DeliveryEvent } from '../../src/transport/index.ts';
import type { Action } from './support/fault-server.ts';
import { FAST, sleep, until, useEnv } from './support/harness.ts';

const env = useEnv();
const events = (page: Page) => page.evaluate(() => window.cxTest.events) as Promise<DeliveryEvent[]>;
const sent = async (page: Page, id: string) => (await events(page)).some((e) => e.type == 'sent' && e.id == id);
const outbox = (page: Page) => page.evaluate(() => window.cxTest.outbox());
const storedOnce = (id: string) => expect([...env.server.stored.keys()]).toEqual([id]);

// Native-looking spies: a Proxy of a native function still prints as [native code], so the delivery module keeps
// using it (it only swaps out functions that look replaced) and the test sees every call.
const SPY_FETCH = `window.__fetches=[];window.fetch=new Proxy(window.fetch,{apply(t,self,args){var i=args[1]||{};if(String(args[0]).indexOf('/collect')>0)__fetches.push({keepalive:!!i.keepalive,bytes:String(i.body||'').length});return Reflect.apply(t,self,args)}});`;
const SPY_BEACON = `window.__beacons=[];Navigator.prototype.sendBeacon=new Proxy(Navigator.prototype.sendBeacon,{apply(t,self,args){var r=Reflect.apply(t,self,args);__beacons.push(r);return r}});`;

/** A row that is due and not in flight when the page is hidden: queued under held consent, released at hide time. */
const submitHeldThenHide = (page: Page, text?: string) =>
  page.evaluate(async (text) => {
    window.cxTest.d.setConsent(false);
    const r = await window.cxTest.submit({ text });
    window.cxTest.d.setConsent(true);
    window.cxTest.hide();
    return r;
  }, text);

describe('page lifecycle', () => {
  it('R14 offline at submit, online later: persisted, flushed within about a second of `online`, stored once', async () => {
    // pageTries 1: after the offline failure only the `online` event may send it again (no backoff timer can).
    const { page, context } = await env.open({ cfg: { pageTries: 1, baseMs: 60_000, capMs: 60_000 } });
    await context.setOffline(true);
    const { id, durable } = await page.evaluate(() => window.cxTest.submit());
    expect(durable).toBe(true);
    await until(async () => (await events(page)).some((e) => e.type == 'retry'));
    expect(await outbox(page)).toHaveLength(1);
    await sleep(300);
    expect(env.server.received).toHaveLength(0);
    const t = Date.now();
    await context.setOffline(false);
    // Typically ~100 ms here; the bound leaves room for a busy CI machine and is still far below the 60 s backoff.
    await until(() => env.server.stored.has(id), 5000, 'delivery after online');
    expect(Date.now() - t).toBeLessThan(5000);
    await until(() => sent(page, id));
    storedOnce(id);
  });

  it.each<[string, Action]>([
    ['the keepalive request completes after the tab is gone', { delayMs: 500 }],
    ['the request is lost with the tab; the next visit delivers', { hang: true }],
  ])('R19 tab closed 50 ms after submit: %s; exactly once', async (_, action) => {
    env.server.plan(action);
    const { page, context } = await env.open();
    const { id } = await page.evaluate(() => window.cxTest.submit());
    await sleep(50);
    await page.close();
    if (!action.hang) await until(() => env.server.stored.has(id), 5000, 'keepalive delivery');
    const next = await env.tab(context);
    await until(() => env.server.stored.has(id));
    await until(async () => (await outbox(next.page)).length == 0);
    storedOnce(id);
  });

  it('R21 hidden, then the browser is closed mid-send: the row was persisted first and the next visit delivers', async () => {
    const profile = await env.profile();
    try {
      env.server.plan({ hang: true });
      // IndexedDB may take over FAST's 1 s to open on a loaded machine; then the outbox would be memory only.
      const cfg = { ...FAST, openMs: 10_000 };
      let ctx = await profile.launch();
      let page = await ctx.newPage();
      await page.goto(env.server.page({ cfg }));
      const { id, durable } = await page.evaluate(() => window.cxTest.submit());
      expect(durable).toBe(true);
      await until(() => env.server.received.length == 1);
      await page.evaluate(() => window.cxTest.hide());
      await ctx.close();
      expect(env.server.stored.size).toBe(0);
      ctx = await profile.launch();
      page = await ctx.newPage();
      await page.goto(env.server.page({ cfg }));
      await until(() => sent(page, id));
      storedOnce(id);
      expect(await outbox(page)).toEqual([]);
      expect(await page.evaluate(() => window.__errors)).toEqual([]);
    } finally {
      await profile.dispose();
    }
  });

  it('R22 bfcache round trip while the endpoint hangs: page restored (no unload listener), retries go on, stored once', async () => {
    env.server.plan({ hang: true });
    const { page } = await env.open({ cfg: { timeoutMs: 1500 } });
    const { id } = await page.evaluate(() => window.cxTest.submit());
    await until(() => env.server.received.length == 1); // in flight, unanswered
    await page.goto(`${env.server.origin}/blank.html`);
    await page.goBack({ waitUntil: 'commit' });
    await until(
      () => page.evaluate(() => window.__pageshow?.includes(true)).catch(() => false),
      5000,
      'pageshow.persisted',
    );
    await until(() => sent(page, id), 10_000);
    storedOnce(id);
    expect(env.server.stored.get(id)!.duplicates).toBe(0);
    // An acknowledged row is not sent again by a later round trip.
    const before = env.server.received.length;
    await page.goto(`${env.server.origin}/blank.html`);
    await page.goBack({ waitUntil: 'commit' });
    await until(() => page.evaluate(() => window.__pageshow?.filter(Boolean).length == 2).catch(() => false), 5000);
    await page.evaluate(() => window.cxTest.d.drain());
    expect(env.server.received.length).toBe(before);
  });

  it('R23 five 15 KB answers at once: keepalive only while our in-flight keepalive bytes stay under 48 KiB; all delivered', async () => {
    env.server.decide = () => ({ delayMs: 800 });
    const { page } = await env.open({ init: SPY_FETCH });
    const ids = await page.evaluate(() => window.cxTest.submitMany(5, { text: '€'.repeat(5000) }));
    await until(() => env.server.stored.size == 5);
    const fetches = (await page.evaluate(() => window.__fetches))!;
    expect(fetches.slice(0, 5).map((f) => f.keepalive)).toEqual([true, true, true, false, false]);
    expect([...env.server.stored.keys()].sort()).toEqual([...ids].sort());
    await until(async () => (await outbox(page)).length == 0);
  });

  it('R24 host used up the keepalive quota at page hide: our keepalive send fails, a plain fetch takes over, the row stays until the ack', async () => {
    const { page } = await env.open({ init: SPY_FETCH + SPY_BEACON });
    await page.evaluate(
      () => void fetch('/sink', { method: 'POST', body: 'x'.repeat(60 * 1024), keepalive: true }).catch(() => {}),
    );
    // 60 KiB of the host's plus our 5 KB answer is over the browser's 64 KiB keepalive quota.
    const { id } = await submitHeldThenHide(page, 'x'.repeat(5000));
    await until(() => sent(page, id));
    // No beacon: it would carry a Referer, and it shares the quota that is used up.
    expect(await page.evaluate(() => window.__beacons)).toEqual([]);
    expect((await page.evaluate(() => window.__fetches))!.map((f) => f.keepalive)).toEqual([true, false]);
    storedOnce(id);
    expect(await outbox(page)).toEqual([]);
  });

  it('R24 host used up the keepalive quota at submit: the keepalive send fails, the retry goes without keepalive', async () => {
    const { page } = await env.open({ init: SPY_FETCH });
    await page.evaluate(
      () => void fetch('/sink', { method: 'POST', body: 'x'.repeat(60 * 1024), keepalive: true }).catch(() => {}),
    );
    const { id } = await page.evaluate(() => window.cxTest.submit({ text: 'x'.repeat(5000) }));
    await until(() => sent(page, id));
    expect((await page.evaluate(() => window.__fetches))!.map((f) => f.keepalive)).toEqual([true, false]);
    storedOnce(id);
  });

  it.each([
    ['missing', 'delete Navigator.prototype.sendBeacon;'],
    ['throwing', "Navigator.prototype.sendBeacon = function () { throw new Error('blocked by host'); };"],
  ])('R25 sendBeacon %s: the exit flush still delivers, no exception reaches the page', async (_, init) => {
    const { page } = await env.open({ init });
    const { id } = await submitHeldThenHide(page);
    await until(() => env.server.stored.has(id));
    await until(async () => (await outbox(page)).length == 0);
    storedOnce(id);
  });
});
