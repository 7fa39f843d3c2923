import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { DeliveryEvent } from '../../src/transport/index.ts';
import { FAST, until, useEnv } from './support/harness.ts';

const env = useEnv();
const events = (page: Page) => page.evaluate(() => window.cxTest.events) as Promise<DeliveryEvent[]>;
const sent = async (page: Page, id: string) => (await events(page)).some((e) => e.type == 'sent' && e.id == id);
const outbox = (page: Page) => page.evaluate(() => window.cxTest.outbox());
const storedOnce = (id: string) => {
  expect([...env.server.stored.keys()]).toEqual([id]);
};

describe('receiver contract', () => {
  it('R01 happy path: one CORS-simple POST without cookies or referrer, stored once, outbox emptied', async () => {
    const { page } = await env.open();
    await page.evaluate(() => (document.cookie = 'session=secret; path=/'));
    // Resolves on whichever comes first: the durable write or the acknowledgement.
    const { id, durable, delivered } = await page.evaluate(() => window.cxTest.submit());
    expect(durable || delivered).toBe(true);
    await until(() => sent(page, id));
    storedOnce(id);
    expect(env.server.received).toHaveLength(1);
    expect(env.server.received[0]).toMatchObject({
      id,
      attempt: 1,
      contentType: 'text/plain;charset=UTF-8',
      cookie: undefined,
      referer: undefined,
      outcome: 'stored',
    });
    expect(env.server.preflights).toBe(0);
    expect(await outbox(page)).toEqual([]);
  });

  it('R02 transient 5xx: 500 ×3 then 200, same id, attempt and sentAt move, jittered growing delays, nothing after the 200', async () => {
    env.server.plan({ status: 500 }, { status: 500 }, { status: 500 });
    const { page } = await env.open();
    const { id } = await page.evaluate(() => window.cxTest.submit());
    await until(() => sent(page, id));
    storedOnce(id);
    const got = env.server.received;
    expect(got.map((r) => [r.id, r.attempt])).toEqual([1, 2, 3, 4].map((a) => [id, a]));
    const sentAt = got.map((r) => Date.parse(String(r.sentAt)));
    expect(sentAt).toEqual([...sentAt].sort((a, b) => a - b));
    expect(new Set(sentAt).size).toBe(4);
    const retries = (await events(page)).filter((e) => e.type == 'retry');
    expect(retries.map((e) => e.type == 'retry' && [e.attempt, e.reason])).toEqual([
      [1, 'status 500'],
      [2, 'status 500'],
      [3, 'status 500'],
    ]);
    // full jitter below 100, 200, 400 ms windows
    retries.forEach((e, i) => e.type == 'retry' && expect(e.delayMs).toBeLessThan(FAST.baseMs * 2 ** i));
    // drain() resolves when its pass is over: whatever it sent has been answered by then.
    await page.evaluate(() => window.cxTest.d.drain());
    expect(env.server.received).toHaveLength(4);
    expect(await outbox(page)).toEqual([]);
  });

  it.each([
    ['seconds', (now: number) => (void now, '7')],
    ['an HTTP-date', (now: number) => new Date(now + 7000).toUTCString()],
  ])('R04 429 with Retry-After in %s: no retry before 7 s, then delivered', async (_, header) => {
    const t0 = Date.parse('2026-11-23T10:00:00Z');
    const { page } = await env.open({ before: (c) => c.clock.install({ time: t0 }) });
    await page.clock.pauseAt(t0 + 2000);
    env.server.plan({ status: 429, headers: { 'Retry-After': header(t0 + 2000) } });
    const { id } = await page.evaluate(() => window.cxTest.submit());
    await until(async () => (await events(page)).some((e) => e.type == 'retry'));
    expect((await events(page)).find((e) => e.type == 'retry')).toMatchObject({ delayMs: 7000, reason: 'status 429' });
    await page.clock.runFor(6990);
    // Even a forced drain respects the receiver's Retry-After; drain() resolves when its pass is over.
    await page.evaluate(() => window.cxTest.d.drain());
    expect(env.server.received).toHaveLength(1);
    await page.clock.runFor(20);
    await until(() => sent(page, id));
    storedOnce(id);
    expect(env.server.received).toHaveLength(2);
  });

  it('R04 Retry-After is capped at retryAfterCapMs', async () => {
    env.server.plan({ status: 503, headers: { 'Retry-After': '86400' } });
    const { page } = await env.open({ cfg: { retryAfterCapMs: 1500 } });
    const { id } = await page.evaluate(() => window.cxTest.submit());
    await until(() => sent(page, id));
    expect((await events(page)).find((e) => e.type == 'retry')).toMatchObject({ delayMs: 1500 });
    storedOnce(id);
  });

  it('R05 429 ×2 without Retry-After: default wait, not dropped, no growth of the backoff', async () => {
    env.server.plan({ status: 429 }, { status: 429 });
    const { page } = await env.open({ cfg: { rateLimitMs: 700 } });
    const { id } = await page.evaluate(() => window.cxTest.submit());
    await until(() => sent(page, id));
    const retries = (await events(page)).filter((e) => e.type == 'retry');
    expect(retries.map((e) => e.type == 'retry' && [e.attempt, e.delayMs])).toEqual([
      [1, 700],
      [2, 700],
    ]);
    const [a, b, c] = env.server.received.map((r) => r.at);
    expect(b! - a!).toBeGreaterThanOrEqual(650);
    expect(c! - b!).toBeGreaterThanOrEqual(650);
    storedOnce(id);
  });

  it.each([408, 425, 502, 503, 504])('R06 %i is retried and delivered once', async (status) => {
    env.server.plan({ status });
    const { page } = await env.open();
    const { id } = await page.evaluate(() => window.cxTest.submit());
    await until(() => sent(page, id));
    storedOnce(id);
    expect(env.server.received.map((r) => r.status)).toEqual([status, 200]);
  });

  it.each([400, 422, 413])('R07/R08 %i: dead-lettered with a reason, one warning, no retry loop', async (status) => {
    env.server.plan({ status }, { status });
    const tab = await env.open();
    const { page } = tab;
    const a = await page.evaluate(() => window.cxTest.submit());
    const b = await page.evaluate(() => window.cxTest.submit());
    await until(async () => (await events(page)).filter((e) => e.type == 'dead').length == 2);
    expect((await events(page)).filter((e) => e.type == 'dead')).toEqual(
      [a.id, b.id].map((id) => ({ type: 'dead', id, reason: `rejected with status ${status}` })),
    );
    // drain() resolves when its pass is over: whatever it sent has been answered by then.
    await page.evaluate(() => window.cxTest.d.drain());
    expect(env.server.received).toHaveLength(2);
    expect(env.server.stored.size).toBe(0);
    expect(tab.warnings.filter((w) => w.startsWith('cx-feedback:'))).toEqual([
      expect.stringContaining(`rejected a response with status ${status}`),
    ]);
    expect(await outbox(page)).toEqual([]);
    expect(await page.evaluate(() => window.cxTest.d.stats().dead)).toBe(2);
  });

  it('R09 403: endpoint paused for the page, rows kept, one warning naming the problem; a later page delivers', async () => {
    env.server.plan({ status: 403 });
    const tab = await env.open();
    const { page, context } = tab;
    const a = await page.evaluate(() => window.cxTest.submit());
    await until(async () => (await events(page)).some((e) => e.type == 'paused'));
    const b = await page.evaluate(() => window.cxTest.submit());
    // drain() resolves when its pass is over: whatever it sent has been answered by then.
    await page.evaluate(() => window.cxTest.d.drain());
    expect(env.server.received).toHaveLength(1);
    expect((await events(page)).filter((e) => e.type == 'paused')).toEqual([
      { type: 'paused', endpoint: env.server.endpoint, status: 403 },
    ]);
    expect(tab.warnings).toEqual([
      expect.stringMatching(/^cx-feedback: paused sending to .* answered 403; check the endpoint URL/),
    ]);
    expect(await outbox(page)).toHaveLength(2);
    // The receiver's configuration is fixed: the next page load sends both.
    const next = await env.tab(context);
    await until(() => env.server.stored.size == 2);
    expect([...env.server.stored.keys()].sort()).toEqual([a.id, b.id].sort());
    await until(async () => (await outbox(next.page)).length == 0);
  });

  it('R10 409 "in progress" is retried, not a failure', async () => {
    env.server.plan({ status: 409 });
    const { page } = await env.open();
    const { id } = await page.evaluate(() => window.cxTest.submit());
    await until(() => sent(page, id));
    storedOnce(id);
    expect((await events(page)).filter((e) => e.type == 'dead')).toEqual([]);
  });

  it('R11 duplicate acknowledged: 200 {"status":"duplicate"} deletes the row and reports sent', async () => {
    const { page } = await env.open();
    const id = await page.evaluate(() => window.cxTest.newId());
    env.server.stored.set(id, { payload: {}, receivedAt: 0, duplicates: 0 });
    await page.evaluate((id) => window.cxTest.submit({ id }), id);
    await until(() => sent(page, id));
    expect(env.server.received[0]).toMatchObject({ id, outcome: 'duplicate', status: 200 });
    expect(await outbox(page)).toEqual([]);
  });

  it('R12 stored then connection reset (lost ack): retried with the same id, deduplicated, stored once', async () => {
    env.server.plan({ reset: 'after-store' });
    const { page } = await env.open();
    const { id } = await page.evaluate(() => window.cxTest.submit());
    await until(() => sent(page, id));
    storedOnce(id);
    expect(env.server.received.map((r) => r.outcome)).toEqual(['reset', 'duplicate']);
    expect((await events(page)).find((e) => e.type == 'retry')).toMatchObject({ reason: 'network error' });
    expect(await outbox(page)).toEqual([]);
  });

  it('R13 server hangs: aborted after timeoutMs with an identifiable reason, retried, stored once', async () => {
    env.server.plan({ hang: true });
    const { page } = await env.open({ cfg: { timeoutMs: 1000 } });
    const { id } = await page.evaluate(() => window.cxTest.submit());
    await until(() => sent(page, id));
    expect((await events(page)).find((e) => e.type == 'retry')).toMatchObject({ reason: 'timeout after 1000 ms' });
    expect(env.server.received.map((r) => r.outcome)).toEqual(['hang', 'stored']);
    storedOnce(id);
  });

  it('R15 DNS failure while navigator.onLine is true: backoff continues, no tight loop, then delivered', async () => {
    const { page } = await env.open({ cfg: { baseMs: 200, capMs: 400 } });
    let aborted = 0;
    await page.route(`${env.server.endpoint}*`, (route) =>
      aborted < 1e9 ? (aborted++, route.abort('namenotresolved')) : route.continue(),
    );
    const { id } = await page.evaluate(() => window.cxTest.submit());
    const retries = async () => (await events(page)).filter((e) => e.type == 'retry');
    await until(async () => (await retries()).length >= 4);
    expect(await page.evaluate(() => navigator.onLine)).toBe(true);
    // No tight loop: every failed attempt was followed by a backoff (attempt 1, 2, 3, … with a delay within the cap)
    // before the next one, so attempts and scheduled retries match one for one.
    const seen = await retries();
    expect(seen.map((e) => e.type == 'retry' && e.attempt)).toEqual(seen.map((_, i) => i + 1));
    seen.forEach((e) => e.type == 'retry' && expect(e.delayMs).toBeLessThanOrEqual(400));
    expect(aborted - seen.length).toBeGreaterThanOrEqual(0);
    expect(aborted - seen.length).toBeLessThanOrEqual(1);
    await page.unroute(`${env.server.endpoint}*`);
    await until(() => sent(page, id));
    storedOnce(id);
  });

  it('R18 CORS headers missing (stored anyway): retried, deduplicated, counted while stuck, delivered once fixed', async () => {
    env.server.decide = () => ({ cors: false });
    const { page } = await env.open({ cfg: { baseMs: 100, capMs: 200 } });
    const { id } = await page.evaluate(() => window.cxTest.submit());
    await until(() => page.evaluate(() => window.cxTest.d.stats().network >= 3));
    expect(env.server.received.length).toBeGreaterThanOrEqual(3);
    expect(env.server.stored.get(id)?.duplicates).toBeGreaterThanOrEqual(2);
    expect(await outbox(page)).toHaveLength(1);
    env.server.decide = undefined;
    await until(() => sent(page, id));
    storedOnce(id);
    expect(await outbox(page)).toEqual([]);
  });
});
