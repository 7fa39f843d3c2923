import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetWarnings } from '../../../src/util/warn.ts';
import { createDelivery, type DeliveryEvent, type Options } from '../../../src/transport/delivery.ts';
import type { Lock } from '../../../src/transport/lock.ts';
import { memoryStore } from '../../../src/transport/store.ts';
import type { Row } from '../../../src/transport/row.ts';
import { payload, row } from './fixtures.ts';

/** One scripted answer per request: a status, a status with headers, or a network error. */
type Step = number | [number, Record<string, string>] | 'network';
const END = 'https://collector.example/r';

/** Lets every pending promise chain (memory store, fake fetch) run to its end. */
const flush = async () => {
  for (let i = 0; i < 300; i++) await Promise.resolve();
};

function harness(script: Step[] = [], options: Partial<Options> = {}, lock?: Lock, win?: Window) {
  const m = new Map<unknown, Row>();
  const sent: { url: string; init: RequestInit; body: Record<string, unknown> }[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(url), init: init!, body: JSON.parse(String(init!.body)) });
    const step = script.shift() ?? 200;
    if (step == 'network') throw new TypeError('Failed to fetch');
    const [status, headers] = typeof step == 'number' ? [step, {}] : step;
    return new Response(null, { status, headers });
  };
  const d = createDelivery({
    fetch: fetch as typeof globalThis.fetch,
    store: () => memoryStore(m),
    lock: () => lock ?? (async (_id, fn) => (await fn(), true)),
    now: () => Date.now(),
    random: () => 0.5,
    win,
  });
  d.configure({ baseMs: 1000, ...options });
  const events: DeliveryEvent[] = [];
  d.subscribe((e) => events.push(e));
  const stop = d.start();
  return { d, m, sent, events, stop, of: (type: DeliveryEvent['type']) => events.filter((e) => e.type == type) };
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-23T10:00:00Z') });
  resetWarnings();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('submit', () => {
  it('persists, sends a CORS-simple POST at once and deletes the row on 2xx (R01)', async () => {
    const h = harness([200]);
    const p = payload();
    // The memory store's write lands before the fake fetch answers: memory only, not yet delivered.
    expect(await h.d.submit(END, p)).toEqual({ ok: true, id: p.id, durable: false, delivered: false });
    await flush();
    expect(h.sent).toHaveLength(1);
    const { init, body, url } = h.sent[0]!;
    expect(url).toBe(END);
    expect(init).toMatchObject({
      method: 'POST',
      credentials: 'omit',
      keepalive: true,
      referrerPolicy: 'no-referrer',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
    });
    expect(Object.getPrototypeOf(init)).toBeNull();
    expect(body).toMatchObject({ ...p, attempt: 1, sentAt: '2026-11-23T10:00:00.000Z' });
    expect(h.m.size).toBe(0);
    expect(h.events).toEqual([{ type: 'sent', id: p.id, status: 200 }]);
    expect(h.d.stats()).toMatchObject({ sent: 1, queued: 0 });
  });

  it.each([
    ['an invalid payload', END, { ...payload(), answers: [] }, /^cx-feedback: invalid payload: answers/],
    // The uuid format itself is the collector's check (QueuedPayloadV1 in src/schema/payload.ts): here, empty or long.
    ['an empty id', END, { ...payload(), id: '' }, /^cx-feedback: invalid payload: id/],
    ['an id longer than a uuid', END, { ...payload(), id: 'x'.repeat(41) }, /^cx-feedback: invalid payload: id/],
    ['a relative endpoint without a page', '/r', payload(), /^cx-feedback: endpoint must be an http\(s\) URL/],
    ['a javascript: endpoint', 'javascript:alert(1)', payload(), /^cx-feedback: endpoint must be an http\(s\) URL/],
    ['a payload over 24 KiB', END, payload(undefined, '€'.repeat(5000)), null],
  ])('refuses %s with a cx-feedback error and queues nothing', async (_, endpoint, p, message) => {
    const h = harness();
    const big = { ...p, answers: [...p.answers, ...p.answers.map((a) => ({ ...a, questionId: 'q2' }))] };
    const result = await h.d.submit(endpoint, (message ? p : big) as never);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message ?? /^cx-feedback: payload is \d+ bytes, over 24576$/);
    await flush();
    expect(h.sent).toHaveLength(0);
    expect(h.m.size).toBe(0);
  });

  it('submitting the same id twice keeps one row', async () => {
    const h = harness([503, 503, 503]);
    const p = payload();
    await h.d.submit(END, p);
    await h.d.submit(END, p);
    await flush();
    expect(h.m.size).toBe(1);
  });
});

/** A page whose visibility the test sets; lifecycle events are dispatched by hand. */
const fakePage = () => {
  const target = new EventTarget();
  const doc = { visibilityState: 'visible', baseURI: END };
  const hide = () => {
    doc.visibilityState = 'hidden';
    target.dispatchEvent(new Event('visibilitychange'));
    target.dispatchEvent(new Event('pagehide'));
  };
  return { win: Object.assign(target, { document: doc }) as unknown as Window, hide };
};

describe('the answer is on its way the moment it exists', () => {
  it('the POST starts inside submit, before the outbox write has landed', () => {
    const h = harness([200]);
    void h.d.submit(END, payload());
    // Synchronously: nothing has been awaited yet, so a tab closed now still sends the answer.
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]!.init.keepalive).toBe(true);
  });

  it('a row whose write never lands is still sent, and the page hide does not send it again', async () => {
    const page = fakePage();
    const h = harness([], {}, undefined, page.win);
    const hangingWrites: Row[] = [];
    const sent: RequestInit[] = [];
    const d = createDelivery({
      fetch: ((_url: string, init: RequestInit) => (sent.push(init), new Promise(() => {}))) as typeof fetch,
      store: () => ({ ...memoryStore(h.m), put: (row) => (hangingWrites.push(row), new Promise(() => {})) }),
      lock: () => async (_id, fn) => (await fn(), true),
      now: () => Date.now(),
      random: () => 0.5,
      win: page.win,
    });
    const stop = d.start();
    void d.submit(END, payload());
    await flush();
    page.hide();
    expect(sent.map((init) => init.keepalive)).toEqual([true]);
    expect(hangingWrites).toHaveLength(1);
    stop();
  });

  it('visibilitychange and pagehide send a due row once between them, not once each', async () => {
    const page = fakePage();
    const h = harness([200, 200], {}, undefined, page.win);
    h.d.setConsent(false);
    await h.d.submit(END, payload());
    await flush();
    expect(h.sent).toHaveLength(0);
    h.d.setConsent(true); // due now; its drain has not reached it yet
    page.hide();
    await flush();
    expect(h.sent.map((s) => s.init.keepalive)).toEqual([true]);
    expect(h.sent[0]!.init.referrerPolicy).toBe('no-referrer');
    expect(h.of('sent')).toHaveLength(1);
  });
});

describe('retries', () => {
  it('retries 5xx with full-jitter backoff, same id, growing attempt and sentAt (R02)', async () => {
    const h = harness([500, 500, 500, 200]);
    const p = payload();
    await h.d.submit(END, p);
    await flush();
    // random() = 0.5: half of the 1 s, 2 s, 4 s windows
    for (const ms of [500, 1000, 2000]) {
      await vi.advanceTimersByTimeAsync(ms - 1);
      const before = h.sent.length;
      await vi.advanceTimersByTimeAsync(1);
      await flush();
      expect(h.sent.length).toBe(before + 1);
    }
    expect(h.sent.map((s) => s.body.id)).toEqual([p.id, p.id, p.id, p.id]);
    expect(h.sent.map((s) => s.body.attempt)).toEqual([1, 2, 3, 4]);
    expect(new Set(h.sent.map((s) => s.body.sentAt)).size).toBe(4);
    expect(h.of('retry')).toEqual(
      [1, 2, 3].map((attempt, i) => ({
        type: 'retry',
        id: p.id,
        attempt,
        delayMs: [500, 1000, 2000][i],
        reason: 'status 500',
      })),
    );
    expect(h.m.size).toBe(0);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(h.sent).toHaveLength(4);
  });

  it.each([408, 409, 425, 502, 503, 504, 'network'] as const)('%s is retried (R06, R10, R15)', async (step) => {
    const h = harness([step, 200]);
    await h.d.submit(END, payload());
    await flush();
    await vi.advanceTimersByTimeAsync(1000);
    await flush();
    expect(h.sent).toHaveLength(2);
    expect(h.of('sent')).toHaveLength(1);
  });

  it('honours Retry-After in seconds and in HTTP-date form (R04)', async () => {
    const date = new Date(Date.now() + 14_000).toUTCString(); // 7 s after the second answer
    const h = harness([[429, { 'Retry-After': '7' }], [503, { 'Retry-After': date }], 200]);
    await h.d.submit(END, payload());
    await flush();
    await vi.advanceTimersByTimeAsync(6999);
    await h.d.drain(); // a forced drain still waits for the receiver's Retry-After
    expect(h.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await flush();
    expect(h.sent).toHaveLength(2);
    expect(h.of('retry').map((e) => e.type == 'retry' && e.delayMs)).toEqual([7000, 7000]);
  });

  it('caps Retry-After', async () => {
    const h = harness([[503, { 'Retry-After': '86400' }]], { retryAfterCapMs: 300_000 });
    await h.d.submit(END, payload());
    await flush();
    expect(h.of('retry')[0]).toMatchObject({ delayMs: 300_000 });
  });

  it('waits rateLimitMs after a 429 without Retry-After, and 429s do not grow the backoff (R05)', async () => {
    const h = harness([429, 429, 503, 200], { rateLimitMs: 60_000 });
    await h.d.submit(END, payload());
    await flush();
    await vi.advanceTimersByTimeAsync(60_000);
    await flush();
    await vi.advanceTimersByTimeAsync(60_000);
    await flush();
    // the 503 after two 429s is the first counted failure: half of the 1 s window
    expect(h.of('retry').map((e) => e.type == 'retry' && e.delayMs)).toEqual([60_000, 60_000, 500]);
  });

  it('a keepalive send that failed at the network level is retried without keepalive (R24 quota)', async () => {
    const h = harness(['network', 200]);
    await h.d.submit(END, payload());
    await flush();
    await vi.advanceTimersByTimeAsync(1000);
    await flush();
    expect(h.sent.map((s) => s.init.keepalive)).toEqual([true, false]);
  });

  it('uses keepalive only while our in-flight keepalive bytes stay within budget (R23)', async () => {
    const pending: (() => void)[] = [];
    const h = harness();
    const text = '€'.repeat(5000); // ≈ 15 KB per payload
    const d = createDelivery({
      fetch: ((_u: string, init: RequestInit) => {
        h.sent.push({ url: '', init, body: {} });
        return new Promise((ok) => pending.push(() => ok(new Response(null, { status: 200 }))));
      }) as typeof fetch,
      store: () => memoryStore(),
      lock: () => async (_id, fn) => (await fn(), true),
      now: () => Date.now(),
      random: () => 0.5,
    });
    for (let i = 0; i < 5; i++) await d.submit(END, payload(undefined, text));
    await flush();
    expect(h.sent.map((s) => s.init.keepalive)).toEqual([true, true, true, false, false]);
    pending.forEach((f) => f());
  });

  it('stops retrying a row on this page after pageTries failures, even when drained', async () => {
    const h = harness(['network', 'network', 'network', 200], { pageTries: 2, capMs: 1000 });
    await h.d.submit(END, payload());
    await flush();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.sent).toHaveLength(2);
    await h.d.drain();
    expect(h.sent).toHaveLength(2);
  });
});

describe('terminal answers', () => {
  it('dead-letters 400/413/422 with a reason and one console warning (R07, R08)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const h = harness([400, 400, 413]);
    const ids = [payload(), payload(), payload()];
    for (const p of ids) await h.d.submit(END, p);
    await flush();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(h.sent).toHaveLength(3);
    expect(h.of('dead')).toEqual([
      { type: 'dead', id: ids[0]!.id, reason: 'rejected with status 400' },
      { type: 'dead', id: ids[1]!.id, reason: 'rejected with status 400' },
      { type: 'dead', id: ids[2]!.id, reason: 'rejected with status 413' },
    ]);
    expect(warn.mock.calls.map((c) => String(c[0]).match(/status (\d+)/)?.[1])).toEqual(['400', '413']);
    expect(h.m.size).toBe(0);
    expect(h.d.stats().dead).toBe(3);
  });

  it.each([401, 403, 404])('pauses the endpoint on %i, keeps rows, warns once (R09)', async (status) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const h = harness([status, 200, 200]);
    await h.d.submit(END, payload());
    await flush();
    await h.d.submit(END, payload());
    await h.d.drain();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(h.sent).toHaveLength(1);
    expect(h.m.size).toBe(2);
    expect(h.of('paused')).toEqual([{ type: 'paused', endpoint: END, status }]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(
      new RegExp(`^cx-feedback: paused sending to ${END} .*answered ${status}; check the endpoint URL`),
    );
    // another endpoint is unaffected
    await h.d.submit('https://other.example/r', payload());
    await flush();
    expect(h.sent).toHaveLength(2);
  });
});

describe('outbox on drain', () => {
  it('dead-letters rows past the maximum age and counts them (R03)', async () => {
    const h = harness([]);
    const old = row({ t: Date.now() - 8 * 864e5, a: 3, m: 0 });
    h.m.set(old.id, old);
    await h.d.drain();
    expect(h.of('dead')).toEqual([{ type: 'dead', id: old.id, reason: 'aged out after 7 days' }]);
    expect(h.d.stats().aged).toBe(1);
    expect(h.sent).toHaveLength(0);
  });

  it('deletes garbage rows and sends old-version rows as they are (S04)', async () => {
    const h = harness([200, 200]);
    const v0 = { ...row(), p: { v: 0, id: 'legacy-1', text: 'hi' }, id: 'legacy-1' } as unknown as Row;
    h.m.set('junk', { id: 'junk' } as unknown as Row);
    h.m.set(v0.id, v0);
    await h.d.drain();
    await flush();
    expect(h.sent.map((s) => s.body)).toEqual([{ v: 0, id: 'legacy-1', text: 'hi' }]);
    expect(h.m.size).toBe(0);
    expect(h.d.stats()).toMatchObject({ invalid: 1, sent: 1 });
  });

  it('a row whose due date lies further out than any delay we set is due now (clock set back, R27)', async () => {
    const h = harness([200]);
    const r = row({ d: Date.now() + 3600_000, a: 1 });
    h.m.set(r.id, r);
    await h.d.drain();
    await flush();
    expect(h.sent).toHaveLength(1);
  });

  it('skips a row another tab holds and tries again later (C01)', async () => {
    let free = false;
    const h = harness([200], {}, async (_id, fn) => (free ? (await fn(), true) : false));
    const queued = row({ t: Date.now(), d: Date.now() });
    h.m.set(queued.id, queued);
    await h.d.drain();
    await flush();
    expect(h.sent).toHaveLength(0);
    free = true;
    await vi.advanceTimersByTimeAsync(1000);
    await flush();
    expect(h.sent).toHaveLength(1);
  });
});

describe('consent', () => {
  it.each([
    ['setConsent(false)', (d: ReturnType<typeof harness>['d']) => d.setConsent(false)],
    [
      'configure({ requireConsent: true })',
      (d: ReturnType<typeof harness>['d']) => d.configure({ requireConsent: true }),
    ],
  ])('%s holds responses until setConsent(true)', async (_, hold) => {
    const h = harness([200]);
    hold(h.d);
    await h.d.submit(END, payload());
    await h.d.drain();
    expect(h.sent).toHaveLength(0);
    expect([...h.m.values()][0]!.h).toBe(1);
    h.d.setConsent(true);
    await flush();
    expect(h.sent).toHaveLength(1);
  });

  it('a held row stays held on a later page until that page grants consent', async () => {
    const h = harness([200]);
    const held = { ...row({ t: Date.now(), d: Date.now() }), h: 1 as const };
    h.m.set(held.id, held);
    await h.d.drain();
    expect(h.sent).toHaveLength(0);
    h.d.setConsent(true);
    await flush();
    expect(h.sent).toHaveLength(1);
  });
});

describe('start / stop', () => {
  it('is refcounted and the last stop leaves no timer behind', async () => {
    const h = harness(['network']);
    const second = h.d.start();
    await h.d.submit(END, payload());
    await flush();
    expect(vi.getTimerCount()).toBe(1);
    h.stop();
    h.stop(); // idempotent
    expect(vi.getTimerCount()).toBe(1);
    second();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('configure ignores unknown, inherited and mistyped keys', async () => {
    const h = harness([503]);
    const opts = Object.assign(Object.create({ baseMs: 1 }), { capMs: 'x', nope: 1 }) as Partial<Options>;
    h.d.configure(opts);
    await h.d.submit(END, payload());
    await flush();
    expect(h.of('retry')[0]).toMatchObject({ delayMs: 500 });
  });
});
