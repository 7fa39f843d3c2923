import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { DB_NAME } from '../../src/transport/store.ts';
import type { DeliveryEvent } from '../../src/transport/index.ts';
import { FAST, until, useEnv } from './support/harness.ts';

const env = useEnv();
const events = (page: Page | Frame) => page.evaluate(() => window.cxTest.events) as Promise<DeliveryEvent[]>;
const sent = async (page: Page | Frame, id: string) => (await events(page)).some((e) => e.type == 'sent' && e.id == id);

/** Fake IDBOpenDBRequests: the failure modes a real browser shows (matrix S02). */
const fakeOpen = (fire: string) =>
  `IDBFactory.prototype.open = function () { var rq = {}; ${fire ? `setTimeout(function () { rq.${fire} && rq.${fire}(new Event('x')); }, 10);` : ''} return rq; };`;

describe('storage faults', () => {
  it('S01 sandboxed iframe (storage throws SecurityError): memory outbox, delivered, no uncaught errors', async () => {
    const { page } = await env.open({ goto: env.server.sandboxed({ cfg: FAST }) });
    const frame = await until(() => page.frames().find((f) => f !== page.mainFrame()));
    await until(() => frame.evaluate(() => !!window.cxTest).catch(() => false));
    expect(await frame.evaluate(() => window.origin)).toBe('null');
    expect(
      await frame.evaluate(() => {
        try {
          return (void indexedDB.open('probe'), 'open');
        } catch (e) {
          return (e as Error).name;
        }
      }),
    ).toBe('SecurityError');
    const { id, durable } = await frame.evaluate(() => window.cxTest.submit());
    expect(durable).toBe(false);
    await until(() => sent(frame, id));
    expect([...env.server.stored.keys()]).toEqual([id]);
    expect(await frame.evaluate(() => window.__errors)).toEqual([]);
  });

  it.each([
    ['indexedDB missing', "Object.defineProperty(window, 'indexedDB', { value: undefined });"],
    [
      'open() throws',
      "IDBFactory.prototype.open = function () { throw new DOMException('denied', 'SecurityError'); };",
    ],
    ['open() errors', fakeOpen('onerror')],
    ['open() is blocked', fakeOpen('onblocked')],
    ['open() never answers', fakeOpen('')],
  ])('S02 %s: memory outbox, delivered, no uncaught errors', async (_, init) => {
    const { page } = await env.open({ init, cfg: { openMs: 500 } });
    const { id, durable } = await page.evaluate(() => window.cxTest.submit());
    expect(durable).toBe(false);
    await until(() => sent(page, id));
    expect([...env.server.stored.keys()]).toEqual([id]);
  });

  it('S02 a newer version owns the database (VersionError): memory outbox, delivered', async () => {
    const context = await env.browser.newContext();
    try {
      const blank = await context.newPage();
      await blank.goto(`${env.server.origin}/blank.html`);
      await blank.evaluate(
        (name) =>
          new Promise(
            (ok) => (indexedDB.open(name, 2).onsuccess = (e) => ok(((e.target as IDBOpenDBRequest).result.close(), 1))),
          ),
        DB_NAME,
      );
      const tab = await env.tab(context);
      const { id, durable } = await tab.page.evaluate(() => window.cxTest.submit());
      expect(durable).toBe(false);
      await until(() => sent(tab.page, id));
      expect([...env.server.stored.keys()]).toEqual([id]);
    } finally {
      await context.close();
    }
  });

  it('S03 QuotaExceededError on write: caught, host data untouched, sent from memory', async () => {
    const { page } = await env.open({
      init: "IDBObjectStore.prototype.put = function () { throw new DOMException('full', 'QuotaExceededError'); };",
    });
    await page.evaluate(
      () =>
        new Promise((ok) => {
          localStorage.setItem('host-key', 'host-value');
          const rq = indexedDB.open('host-db', 1);
          rq.onupgradeneeded = () => rq.result.createObjectStore('things', { keyPath: 'k' });
          rq.onsuccess = () => {
            const tx = rq.result.transaction('things', 'readwrite');
            tx.objectStore('things').add({ k: 1, v: 'host data' });
            tx.oncomplete = () => ok(rq.result.close());
          };
        }),
    );
    const { id, durable } = await page.evaluate(() => window.cxTest.submit());
    expect(durable).toBe(false);
    await until(() => sent(page, id));
    expect([...env.server.stored.keys()]).toEqual([id]);
    expect(
      await page.evaluate(
        () =>
          new Promise((ok) => {
            const rq = indexedDB.open('host-db', 1);
            rq.onsuccess = () => {
              const get = rq.result.transaction('things').objectStore('things').get(1);
              get.onsuccess = () => ok([localStorage.getItem('host-key'), get.result?.v]);
            };
          }),
      ),
    ).toEqual(['host-value', 'host data']);
  });

  it('S03 outbox bounds: beyond maxRows the oldest rows are dropped, counted and reported', async () => {
    const { page } = await env.open({ cfg: { maxRows: 3, consent: false } });
    const ids = await page.evaluate(() => window.cxTest.submitMany(5));
    const rows = (await page.evaluate(() => window.cxTest.outbox())) as { id: string }[];
    expect(rows.map((r) => r.id).sort()).toEqual(ids.slice(2).sort());
    expect(await page.evaluate(() => window.cxTest.d.stats().dropped)).toBe(2);
    expect((await events(page)).filter((e) => e.type == 'dead')).toEqual(
      ids.slice(0, 2).map((id) => ({ type: 'dead', id, reason: 'outbox full' })),
    );
  });

  it('S04 corrupt and old-version rows: garbage deleted, valid v1 and old-version rows sent as they are', async () => {
    const context = await env.browser.newContext();
    try {
      const seeder = await env.tab(context, { cfg: { start: false } });
      const endpoint = env.server.endpoint;
      const v1 = await seeder.page.evaluate(async (e) => {
        const now = Date.now();
        const good = window.cxTest.payload();
        const bad = window.cxTest.payload();
        const row = { e, t: now, d: now, a: 1, f: 1, b: 100 };
        await window.cxTest.seed([
          { id: 'garbage-1' },
          { id: 'garbage-2', ...row, p: 'not an object' },
          { id: 42, junk: true },
          { id: bad.id, ...row, p: { ...bad, answers: [] } },
          { id: 'mismatch', ...row, p: { v: 1, id: 'other' } },
          { id: good.id, ...row, p: good },
          { id: 'legacy-1', ...row, p: { v: 0, id: 'legacy-1', rating: 5, when: 'yesterday' } },
        ]);
        return good.id;
      }, endpoint);
      const { page } = await env.tab(context);
      await until(() => env.server.stored.size == 2);
      expect([...env.server.stored.keys()].sort()).toEqual([v1, 'legacy-1'].sort());
      expect(env.server.stored.get('legacy-1')!.payload).toEqual({
        v: 0,
        id: 'legacy-1',
        rating: 5,
        when: 'yesterday',
      });
      expect(env.server.stored.get(v1)!.payload).toMatchObject({ id: v1, attempt: 2 });
      await until(async () => ((await page.evaluate(() => window.cxTest.outbox())) as unknown[]).length == 0);
      expect(await page.evaluate(() => window.cxTest.d.stats().invalid)).toBe(5);
    } finally {
      await context.close();
    }
  });

  it('S05 storage cleared between visits while offline: the documented loss boundary, and no "sent" was ever claimed', async () => {
    const first = await env.open();
    await first.context.setOffline(true);
    const { id, durable } = await first.page.evaluate(() => window.cxTest.submit());
    expect(durable).toBe(true);
    await until(async () => (await events(first.page)).some((e) => e.type == 'retry'));
    expect((await events(first.page)).filter((e) => e.type == 'sent')).toEqual([]);
    await first.page.close();
    // What ITP's 7-day cap or "clear site data" does to the outbox.
    const cdp = await first.context.newCDPSession(await first.context.newPage());
    await cdp.send('Storage.clearDataForOrigin', { origin: env.server.origin, storageTypes: 'indexeddb' });
    await first.context.setOffline(false);
    const next = await env.tab(first.context);
    await next.page.evaluate(() => window.cxTest.d.drain());
    expect(await next.page.evaluate(() => window.cxTest.outbox())).toEqual([]);
    expect(env.server.received).toEqual([]);
    expect(env.server.stored.has(id)).toBe(false);
  });
});
