import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHandler } from '../src/handler.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { backoffDelay, parseRetryAfter } from '../src/webhook/backoff.ts';
import { startWebhookForwarder } from '../src/webhook/forwarder.ts';
import type { ForwarderOptions } from '../src/webhook/forwarder.ts';
import { sign, verify } from '../src/webhook/sign.ts';
import { redactUrl } from '../src/webhook/target.ts';
import { memoryStore } from './support/memory-sqlite.ts';
import { payload, post, record } from './support/payload.ts';
import { startReceiver } from './support/webhook-receiver.ts';

// The Standard Webhooks specification's published test vector.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
};
const VECTOR_SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
const SECRET = 'whsec_dGVzdC1zZWNyZXQtZm9yLWN4LWZlZWRiYWNr';

describe('signing', () => {
  it('reproduces the Standard Webhooks reference signature', () => {
    expect(sign(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR_SIGNATURE);
  });

  const input = { id: VECTOR.id, timestamp: String(VECTOR.timestamp), signature: VECTOR_SIGNATURE, body: VECTOR.body };
  it.each([
    ['the genuine delivery', input, VECTOR.timestamp + 10, true],
    [
      'one of several space-separated signatures',
      { ...input, signature: `v1,bm9wZQ== ${VECTOR_SIGNATURE}` },
      VECTOR.timestamp,
      true,
    ],
    ['an altered body', { ...input, body: '{"test": 2432232315}' }, VECTOR.timestamp, false],
    ['another message id', { ...input, id: 'msg_other' }, VECTOR.timestamp, false],
    ['a replay ten minutes later', input, VECTOR.timestamp + 600, false],
    ['a missing signature', { ...input, signature: null }, VECTOR.timestamp, false],
  ])('verify: %s → %s', (_name, candidate, now, expected) => {
    expect(verify(VECTOR.secret, candidate, now)).toBe(expected);
  });

  it('refuses secrets that are not whsec_<base64 of ≥ 24 bytes>', () => {
    expect(() => sign('plain-secret', 'id', 1, '')).toThrow(/whsec_/);
    expect(() => sign('whsec_c2hvcnQ=', 'id', 1, '')).toThrow(/24 bytes/);
    expect(() => sign(`whsec_${Buffer.alloc(16).toString('base64')}`, 'id', 1, '')).toThrow(/24 bytes, got 16/);
  });
});

describe('backoff', () => {
  const options = { baseMs: 1000, maxMs: 60_000 };
  it.each([
    [1, 0, undefined, 500], // half fixed, half jitter: 1000 × (0.5 + 0 × 0.5)
    [1, 1, undefined, 1000],
    [3, 0.5, undefined, 3000], // 4000 × 0.75
    [10, 1, undefined, 60_000], // 512 000 capped at 60 000
    [1, 0, 30_000, 30_000], // Retry-After asks for longer
    [1, 0, 600_000, 60_000], // … but stays capped
  ])('attempt %i, random %d, Retry-After %s → %i ms', (attempt, random, retryAfter, expected) => {
    expect(backoffDelay(attempt, options, () => random, retryAfter)).toBe(expected);
  });

  it.each([
    ['7', 7000],
    ['Tue, 10 Mar 2026 12:00:30 GMT', 30_000],
    ['soon', undefined],
    [null, undefined],
    // Numbers V8's Date.parse would read as dates (the widget's parser, src/transport/policy.ts, refuses them).
    ['1.5', undefined],
    ['-5', undefined],
    ['2099-01-01', undefined],
    [' 7 ', 7000],
  ])('Retry-After %j → %s ms', (value, expected) => {
    expect(parseRetryAfter(value, Date.parse('2026-03-10T12:00:00Z'))).toBe(expected);
  });
});

describe('forwarding', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const dir = mkdtempSync(join(tmpdir(), 'cx-webhook-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const fast = (o: Omit<ForwarderOptions, 'secret'>) =>
    startWebhookForwarder({ secret: SECRET, backoff: { baseMs: 5, maxMs: 20 }, log: () => {}, ...o });

  it('forwards each new response once, signed, with the response id as webhook-id', async () => {
    const receiver = await startReceiver(SECRET);
    const store = memoryStore();
    const forwarder = fast({ store, url: receiver.url });
    cleanups.push(
      () => store.close(),
      () => forwarder.stop(),
      receiver.close,
    );
    const handle = createHandler({ store, webhook: forwarder });
    const p = payload();
    expect((await handle(post(p), { clientAddress: '127.0.0.1' })).status).toBe(201);
    expect((await handle(post(p), { clientAddress: '127.0.0.1' })).status).toBe(200); // duplicate: not forwarded again
    await receiver.received(1);
    await forwarder.idle();
    expect(receiver.deliveries).toHaveLength(1);
    const [d] = receiver.deliveries;
    expect(d).toMatchObject({ id: p.id, verified: true, body: { type: 'response.created', data: { id: p.id } } });
    expect(await store.webhookOutbox.nextDueAt()).toBeNull();
  });

  it('retries failures with backoff until the receiver accepts', async () => {
    const receiver = await startReceiver(SECRET);
    receiver.respondWith([500, 503]);
    const store = memoryStore();
    await store.insertResponse(record(payload()), { enqueueWebhook: true });
    const forwarder = fast({ store, url: receiver.url });
    cleanups.push(
      () => store.close(),
      () => forwarder.stop(),
      receiver.close,
    );
    await receiver.received(3);
    await forwarder.idle();
    expect(receiver.deliveries.map((d) => d.verified)).toEqual([true, true, true]);
    expect(new Set(receiver.deliveries.map((d) => d.id)).size).toBe(1);
    expect(await store.webhookOutbox.nextDueAt()).toBeNull();
  });

  it('continues after a restart from the outbox table', async () => {
    const path = join(dir, 'restart.sqlite');
    const receiver = await startReceiver(SECRET);
    cleanups.push(receiver.close);
    receiver.respondWith([500]);
    const p = payload();
    const before = openSqliteStore(path);
    await before.insertResponse(record(p), { enqueueWebhook: true });
    const first = fast({ store: before, url: receiver.url, backoff: { baseMs: 60_000, maxMs: 60_000 } });
    await receiver.received(1);
    await first.stop();
    await before.close(); // the "crash": one failed attempt recorded, retry scheduled a minute ahead

    const after = openSqliteStore(path);
    expect(await after.webhookOutbox.nextDueAt()).toBeGreaterThan(Date.now());
    const second = fast({ store: after, url: receiver.url, now: () => Date.now() + 120_000 });
    cleanups.push(
      () => after.close(),
      () => second.stop(),
    );
    await receiver.received(2);
    await second.idle();
    expect(receiver.deliveries.map((d) => [d.id, d.verified])).toEqual([
      [p.id, true],
      [p.id, true],
    ]);
    expect(await after.webhookOutbox.nextDueAt()).toBeNull();
  });

  it('gives up after maxAttempts and keeps the entry as dead', async () => {
    const receiver = await startReceiver(SECRET);
    receiver.respondWith([], 400);
    const store = memoryStore();
    await store.insertResponse(record(payload()), { enqueueWebhook: true });
    const logs: string[] = [];
    const forwarder = fast({ store, url: receiver.url, maxAttempts: 2, log: (m) => logs.push(m) });
    cleanups.push(
      () => store.close(),
      () => forwarder.stop(),
      receiver.close,
    );
    await receiver.received(2);
    await forwarder.idle();
    expect(await store.webhookOutbox.nextDueAt()).toBeNull();
    expect(logs.join('\n')).toMatch(/giving up .* after 2 attempts \(HTTP 400\)/);
  });
});

describe('webhook URLs in logs', () => {
  it.each([
    ['https://hooks.example/cx?apikey=s3cret', 'https://hooks.example/cx?…'],
    ['http://hooks.example:8080/a/b#frag', 'http://hooks.example:8080/a/b'],
    ['https://u:p@hooks.example/', 'https://hooks.example/'],
  ])('%s is shown as %s', (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
  });
});
