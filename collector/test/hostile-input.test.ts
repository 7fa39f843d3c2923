import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandler } from '../src/handler.ts';
import type { HandlerOptions } from '../src/handler.ts';
import type { Store } from '../src/store/types.ts';
import { memoryStore } from './support/memory-sqlite.ts';
import { get, payload, post } from './support/payload.ts';

let store: Store;
beforeEach(() => {
  store = memoryStore();
});
afterEach(() => store.close());

const REMOTE = { clientAddress: '203.0.113.7' };
const handler = (options: Partial<HandlerOptions> = {}) =>
  createHandler({ store, rateLimitPerMinute: 10_000, ...options });
const nested = (levels: number, inner: string) => `${'['.repeat(levels)}${inner}${']'.repeat(levels)}`;
type Refusal = { error: string; message: string; issues?: string[] };

describe('deeply nested JSON', () => {
  it.each([
    ['as an answer value', (deep: string) => `{"v":1,"answers":[{"questionId":"q","type":"text","value":${deep}}]}`],
    ['as metadata', (deep: string) => `{"v":1,"metadata":{"k":${deep}}}`],
    ['as the whole body', (deep: string) => deep],
  ])('5,000 levels %s: 400, at most one log line, no stack trace', async (_name, body) => {
    const logged = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'log')];
    logged.forEach((spy) => spy.mockImplementation(() => {}));
    const res = await handler()(post(body(nested(5000, '1'))), REMOTE);
    const lines = logged.flatMap((spy) => spy.mock.calls.map((args) => args.map(String).join(' ')));
    logged.forEach((spy) => spy.mockRestore());
    expect(res.status).toBe(400);
    expect(((await res.json()) as Refusal).message).toMatch(/levels deep/);
    expect(lines.join('\n').split('\n').length).toBeLessThanOrEqual(1);
  });

  it('the deepest body that fits in 64 KiB (32,000 levels) is refused as well', async () => {
    expect((await handler()(post(nested(32_000, '1')), REMOTE)).status).toBe(400);
  });
});

describe('ids in another case', () => {
  it('an id in upper case is the same response: 200 duplicate, one row, stored in lower case', async () => {
    const p = payload();
    const h = handler();
    expect((await h(post(p), REMOTE)).status).toBe(201);
    const again = await h(post({ ...p, id: p.id.toUpperCase(), attempt: 2 }), REMOTE);
    expect([again.status, await again.json()]).toEqual([200, { status: 'duplicate', id: p.id }]);
    expect((await store.listResponses({ limit: 10 })).map((r) => r.id)).toEqual([p.id]);
  });

  it('stores an upper-case id and followUpOf in lower case', async () => {
    const first = payload();
    const id = 'C0FFEE00-1234-4ABC-8DEF-0123456789AB';
    const res = await handler()(post(payload({ id, followUpOf: first.id.toUpperCase() })), REMOTE);
    expect(res.status).toBe(201);
    const [stored] = await store.listResponses({ limit: 1 });
    expect([stored.id, stored.followUpOf]).toEqual([id.toLowerCase(), first.id]);
  });
});

describe('names outside the documented character sets', () => {
  it.each([
    ['touchpoint', { touchpoint: 'spam <script>' }],
    ['surveyId', { surveyId: 'a'.repeat(65) }],
    ['context.locale', { context: { url: 'https://shop.example/', locale: 'en US; drop table' } }],
  ])('%s: 400 naming the field', async (field, override) => {
    const res = await handler()(post(payload(override)), REMOTE);
    expect(res.status).toBe(400);
    expect(((await res.json()) as Refusal).issues?.join('\n')).toMatch(
      new RegExp(`^${field.replace('.', '\\.')}: got`),
    );
  });
});

describe('CX_TOUCHPOINTS allow-list', () => {
  it('stores listed touchpoints (exact or prefix*), refuses others with 422 and counts them in /healthz', async () => {
    const h = handler({ touchpoints: ['checkout', 'help-*'] });
    expect((await h(post(payload({ touchpoint: 'checkout' })), REMOTE)).status).toBe(201);
    expect((await h(post(payload({ touchpoint: 'help-article-42' })), REMOTE)).status).toBe(201);
    for (const touchpoint of ['checkout-2', 'promo', 'promo']) {
      const res = await h(post(payload({ touchpoint })), REMOTE);
      expect(res.status).toBe(422);
      const body = (await res.json()) as Refusal;
      expect(body).toMatchObject({ error: 'unknown_touchpoint' });
      expect(body.message).toBe(`touchpoint "${touchpoint}" is not in CX_TOUCHPOINTS (checkout, help-*)`);
    }
    expect(await (await h(get('/healthz'), REMOTE)).json()).toEqual({
      status: 'ok',
      store: 'sqlite',
      refused: { unknownTouchpoints: 3 },
    });
    expect((await store.listResponses({ limit: 10 })).map((r) => r.touchpoint).sort()).toEqual([
      'checkout',
      'help-article-42',
    ]);
  });

  it('without a list every valid touchpoint is stored and /healthz stays as it was', async () => {
    expect((await handler()(post(payload({ touchpoint: 'anything' })), REMOTE)).status).toBe(201);
    expect(await (await handler()(get('/healthz'), REMOTE)).json()).toEqual({ status: 'ok', store: 'sqlite' });
  });
});
