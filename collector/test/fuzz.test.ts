import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import postgres from 'postgres';
import { findPgBin, startPgCluster } from '../scripts/pg-cluster.ts';
import type { PgCluster } from '../scripts/pg-cluster.ts';
import { createHandler } from '../src/handler.ts';
import type { Handler } from '../src/handler.ts';
import { openPostgresStore } from '../src/store/postgres.ts';
import type { Store } from '../src/store/types.ts';
import { memoryStore } from './support/memory-sqlite.ts';
import { get, payload, post } from './support/payload.ts';

/**
 * Property: whatever arrives at POST /responses, the answer is a 2xx or a 4xx, never a 5xx (a 5xx tells the widget
 * to retry forever), and the collector stays healthy. Bodies are random JSON, hostile strings (NUL, lone surrogates,
 * markup), deep nesting, and valid payloads with one field swapped for something hostile, so that some get past the
 * schema and reach the store.
 */
const REMOTE = { clientAddress: '203.0.113.7' };

const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'a\uD800',
    '\uDC00b',
    '😀'.slice(0, 1),
    '<script>x</script>',
    "'; DROP TABLE responses; --",
  ),
  fc.constantFrom('__proto__', 'constructor', 'x'.repeat(70), '', ' ', '\r\n', 'C0FFEE00-1234-4ABC-8DEF-0123456789AB'),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(1e308, -0, 2 ** 53 + 1, -1, 0.5, true, null, [], {}),
  fc.integer({ min: 1, max: 200 }).map((depth) => JSON.parse(`${'['.repeat(depth)}1${']'.repeat(depth)}`)),
);
const isoDate = fc.oneof(
  fc
    .date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  // Edges a store may refuse although the format is valid (PostgreSQL has no year 0).
  fc.constantFrom(
    '0000-01-01T00:00:00.000Z',
    '9999-12-31T23:59:59.999Z',
    '1970-01-01T00:00:00Z',
    '2024-02-29T23:59:60Z',
  ),
);

/** A valid payload with one field (at some depth) replaced by a hostile value. */
const mutatedPayload = fc
  .record({
    path: fc.constantFrom(
      ['id'],
      ['surveyId'],
      ['touchpoint'],
      ['followUpOf'],
      ['createdAt'],
      ['sentAt'],
      ['attempt'],
      ['v'],
      ['context', 'url'],
      ['context', 'locale'],
      ['context', 'stage'],
      ['context', 'trigger'],
      ['context', 'redacted'],
      ['metadata', 'k'],
      ['metadata'],
      ['answers'],
      ['answers', 0, 'value'],
      ['answers', 0, 'type'],
      ['answers', 0, 'other'],
    ),
    value: fc.oneof(hostileValue, isoDate),
    createdAt: isoDate,
  })
  .map(({ path, value, createdAt }) => {
    const body: Record<string, unknown> = JSON.parse(JSON.stringify(payload({ createdAt })));
    let target: Record<string | number, unknown> = body;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
    target[path[path.length - 1]] = value;
    return JSON.stringify(body);
  });

const body = fc.oneof(
  mutatedPayload,
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.integer({ min: 1000, max: 20_000 }).map((depth) => `{"v":1,"metadata":${'['.repeat(depth)}${']'.repeat(depth)}}`),
);

async function neverFails(handler: Handler, runs: number): Promise<void> {
  const seen = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(body, async (text) => {
      const res = await handler(post(text), REMOTE);
      await res.text();
      seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
      return res.status >= 200 && res.status < 500;
    }),
    { numRuns: runs, seed: Number(process.env.CX_FUZZ_SEED ?? Date.now() % 2 ** 31) },
  );
  // Still healthy: the health check answers and a normal response is stored.
  expect((await handler(get('/healthz'), REMOTE)).status).toBe(200);
  expect((await handler(post(payload()), REMOTE)).status).toBe(201);
  expect([...seen.keys()].every((status) => status < 500)).toBe(true);
}

describe('POST /responses under random and hostile JSON', () => {
  it('SQLite: every answer is 2xx or 4xx, and the collector stays healthy (300 runs)', async () => {
    const store = memoryStore();
    await neverFails(createHandler({ store, rateLimitPerMinute: 1_000_000 }), 300);
    await store.close();
  }, 60_000);

  describe.skipIf(findPgBin() === undefined)('PostgreSQL', () => {
    let cluster: PgCluster;
    let store: Store;
    beforeAll(async () => {
      cluster = await startPgCluster();
      const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
      await admin.unsafe('CREATE DATABASE fuzz');
      await admin.end();
      store = await openPostgresStore(cluster.url.replace(/\/postgres$/, '/fuzz'), { max: 4 });
    }, 60_000);
    afterAll(async () => {
      await store?.close();
      await cluster?.stop();
    });

    it('every answer is 2xx or 4xx, and the collector stays healthy (300 runs)', async () => {
      await neverFails(createHandler({ store, rateLimitPerMinute: 1_000_000 }), 300);
    }, 120_000);
  });
});
