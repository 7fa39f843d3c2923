import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { FAST, sleep, until, useEnv } from './support/harness.ts';

const env = useEnv();
const outbox = (page: Page) => page.evaluate(() => window.cxTest.outbox()) as Promise<unknown[]>;
const NO_WEB_LOCKS = "Object.defineProperty(Navigator.prototype, 'locks', { get: function () { return undefined; } });";
const variants = [
  ['Web Locks', ''],
  ['localStorage lease (no Web Locks)', NO_WEB_LOCKS],
] as const;

const contextWith = async (init: string): Promise<BrowserContext> => {
  const context = await env.browser.newContext();
  if (init) await context.addInitScript(init);
  return context;
};

describe('several tabs', () => {
  it.each(variants)(
    'C01 two tabs drain a seeded outbox of 20 at once (%s): each row in flight from one tab, stored once',
    async (_, init) => {
      const context = await contextWith(init);
      try {
        const seeder = await env.tab(context, { cfg: { start: false } });
        const ids = await seeder.page.evaluate(async (e) => {
          const now = Date.now();
          const rows = Array.from({ length: 20 }, () => window.cxTest.payload()).map((p, i) => ({
            id: p.id,
            e,
            p,
            t: now + i,
            d: now,
            a: 0,
            f: 0,
            b: 400,
          }));
          await window.cxTest.seed(rows);
          return rows.map((r) => r.id);
        }, env.server.endpoint);
        await seeder.page.close();
        env.server.decide = () => ({ delayMs: 150 });
        const [a, b] = await Promise.all([env.tab(context), env.tab(context)]);
        await until(() => env.server.stored.size == 20, 20_000);
        expect([...env.server.stored.keys()].sort()).toEqual([...ids].sort());
        expect(env.server.maxConcurrentPerId).toBe(1);
        await until(async () => (await outbox(a.page)).length == 0);
        await sleep(300);
        // No row was sent twice (each tab counts what it delivered).
        const sentBy = await Promise.all([a, b].map((t) => t.page.evaluate(() => window.cxTest.d.stats().sent)));
        expect(sentBy[0]! + sentBy[1]!).toBe(20);
        expect(env.server.received).toHaveLength(20);
      } finally {
        await context.close();
      }
    },
  );

  it.each(variants)(
    'C02 the tab holding a row dies mid-send (%s): the other tab resends it, stored once',
    async (name, init) => {
      const context = await contextWith(init);
      try {
        env.server.plan({ hang: true });
        const a = await env.tab(context, { cfg: { timeoutMs: 30_000 } });
        const { id } = await a.page.evaluate(() => window.cxTest.submit());
        await until(() => env.server.received.length == 1);
        const b = await env.tab(context);
        await sleep(500);
        expect(env.server.received).toHaveLength(1); // A still holds it
        const closed = Date.now();
        await a.page.close();
        await until(() => env.server.stored.has(id), 10_000);
        if (name != 'Web Locks') expect(Date.now() - closed).toBeGreaterThan(FAST.leaseMs - 1500); // waited for the lease to expire
        expect([...env.server.stored.keys()]).toEqual([id]);
        expect(env.server.received.map((r) => r.outcome)).toEqual(['hang', 'stored']);
        await until(async () => (await outbox(b.page)).length == 0);
      } finally {
        await context.close();
      }
    },
  );

  it('C04 several widgets on one page share one delivery: one flush loop, one retry per failure, every listener told once', async () => {
    env.server.plan({ status: 503 });
    const { page } = await env.open({ cfg: { baseMs: 200, capMs: 200 } });
    const seen = await page.evaluate(async () => {
      const d = window.cxTest.d;
      const counts = [0, 0, 0];
      [0, 1, 2].forEach((i) => {
        d.start();
        d.subscribe(() => counts[i]!++);
      });
      const { id } = await window.cxTest.submit();
      await new Promise<void>((ok) => d.subscribe((e) => e.type == 'sent' && e.id == id && ok()));
      return counts;
    });
    expect(seen).toEqual([2, 2, 2]); // one retry event and one sent event each
    expect(env.server.received.map((r) => r.status)).toEqual([503, 200]);
  });

  it('C05 the last widget removed mid-send: the send completes and is acknowledged, then no timer is left to retry', async () => {
    env.server.decide = () => ({ delayMs: 300 });
    const { page } = await env.open({ cfg: { start: false } });
    const { id } = await page.evaluate(async () => {
      const stop = window.cxTest.d.start();
      const r = await window.cxTest.submit();
      stop(); // like el.remove() right after submit
      return r;
    });
    await until(() => page.evaluate((id) => window.cxTest.events.some((e) => e.type == 'sent' && e.id == id), id));
    expect(await page.evaluate(() => window.cxTest.outbox())).toEqual([]);
    // stopped: a failing row gets its one immediate send, and no timer tries again
    env.server.decide = () => ({ status: 503 });
    await page.evaluate(() => window.cxTest.submit());
    await sleep(1000);
    expect(env.server.received.map((r) => r.status ?? r.outcome)).toEqual([200, 503]);
  });

  it('C06 the script loaded twice: two copies share one outbox and never send a row from both at once', async () => {
    env.server.decide = () => ({ delayMs: 100 });
    env.server.plan({ status: 503, delayMs: 100 }, { status: 503, delayMs: 100 });
    const { page } = await env.open({ twice: true });
    expect(await page.evaluate(() => !!window.cxTestFirst && window.cxTestFirst.d !== window.cxTest.d)).toBe(true);
    const ids = await page.evaluate(async () => [
      (await window.cxTestFirst!.submit()).id,
      (await window.cxTest.submit()).id,
    ]);
    await page.evaluate(() => Promise.all([window.cxTestFirst!.d.drain(), window.cxTest.d.drain()]));
    await until(() => env.server.stored.size == 2);
    expect([...env.server.stored.keys()].sort()).toEqual([...ids].sort());
    expect(env.server.maxConcurrentPerId).toBe(1);
    await until(async () => ((await page.evaluate(() => window.cxTest.outbox())) as unknown[]).length == 0);
  });
});
