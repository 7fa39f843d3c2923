import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandler } from '../src/handler.ts';
import type { HandlerOptions } from '../src/handler.ts';
import type { Store } from '../src/store/types.ts';
import { memoryStore } from './support/memory-sqlite.ts';
import { LOCAL, REMOTE, answer, get, payload, post } from './support/payload.ts';

let store: Store;
beforeEach(() => {
  store = memoryStore();
});
afterEach(() => store.close());

const NOW = Date.parse('2026-03-10T12:00:05.000Z');
const handler = (options: Partial<HandlerOptions> = {}) => createHandler({ store, now: () => NOW, ...options });

describe('POST /responses', () => {
  it('stores a valid payload: 201 with its id', async () => {
    const p = payload();
    const res = await handler()(post(p), REMOTE);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ status: 'stored', id: p.id });
    expect((await store.listResponses({ limit: 10 })).map((r) => r.id)).toEqual([p.id]);
  });

  it('accepts application/json as well as text/plain', async () => {
    const res = await handler()(post(payload(), { headers: { 'content-type': 'application/json' } }), REMOTE);
    expect(res.status).toBe(201);
  });

  it('answers a re-delivery with 200 duplicate and stores it once', async () => {
    const h = handler();
    const p = payload();
    expect((await h(post(p), REMOTE)).status).toBe(201);
    const again = await h(post({ ...p, attempt: 2, sentAt: '2026-03-10T12:00:04.000Z' }), REMOTE);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: 'duplicate', id: p.id });
    expect(await store.listResponses({ limit: 10 })).toHaveLength(1);
  });

  it.each([
    ['a wrong answer value type', { answers: [answer('nps', true as unknown as number)] }, 'answers[0].value'],
    ['a missing touchpoint', { touchpoint: undefined }, 'touchpoint'],
    ['an id that is not a uuid', { id: 'abc' }, 'id'],
    [
      'an NPS rating off the scale',
      { answers: [answer('nps', 11)] },
      'answers[0].value: got 11, expected a whole number 0–10 for nps',
    ],
    ['a text answer given as a number', { answers: [answer('text', 3)] }, 'answers[0].value: got 3, expected text'],
  ])('refuses %s with 400 naming the field', async (_name, overrides, field) => {
    const res = await handler()(post(payload(overrides as object)), REMOTE);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; issues: string[] };
    expect(body.error).toBe('invalid_payload');
    expect(body.issues.some((i) => i.startsWith(field))).toBe(true);
    expect(await store.listResponses({ limit: 10 })).toHaveLength(0);
  });

  it('refuses an unknown payload version with a clear 400', async () => {
    const res = await handler()(post({ ...payload(), v: 2 }), REMOTE);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe('unsupported_version');
    expect(body.message).toMatch(/v=2 is not supported.*accepts v=1/);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const res = await handler()(post('{"v":1,'), REMOTE);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_json');
  });

  it('refuses an oversize body with 413, whether declared or streamed', async () => {
    const big = JSON.stringify(payload({ metadata: { pad: 'x'.repeat(500) } })).padEnd(70_000, ' ');
    expect((await handler()(post(big), REMOTE)).status).toBe(413);
    const chunked = new Request('http://collector.test/responses', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      duplex: 'half',
      body: new ReadableStream({
        start(c) {
          for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode('x'.repeat(10_000)));
          c.close();
        },
      }),
    } as RequestInit);
    expect(chunked.headers.get('content-length')).toBeNull();
    expect((await handler()(chunked, REMOTE)).status).toBe(413);
  });

  it('refuses other content types with 415', async () => {
    const res = await handler()(
      post(payload(), { headers: { 'content-type': 'multipart/form-data; boundary=x' } }),
      REMOTE,
    );
    expect(res.status).toBe(415);
  });

  it('stores receivedAt and the clock-corrected submit time', async () => {
    // The visitor's clock runs 3 days fast: submitted 2 s before sending, by its own clock.
    const p = payload({ createdAt: '2026-03-13T12:00:00.000Z', sentAt: '2026-03-13T12:00:02.000Z' });
    await handler()(post(p), REMOTE);
    const [stored] = await store.listResponses({ limit: 1 });
    expect(stored.receivedAt).toBe('2026-03-10T12:00:05.000Z');
    expect(stored.correctedAt).toBe('2026-03-10T12:00:03.000Z');
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    new Request('http://collector.test/responses', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it('lets any origin POST by default, answering with *', async () => {
    const res = await handler()(post(payload(), { headers: { origin: 'https://shop.example' } }), REMOTE);
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('vary')).toBe('Origin');
    expect(res.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });

  it('answers a preflight from an allowed origin by echoing it', async () => {
    const res = await handler({ allowedOrigins: 'https://shop.example, https://blog.example' })(
      preflight('https://blog.example'),
      REMOTE,
    );
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://blog.example');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type');
    expect(res.headers.get('vary')).toBe('Origin');
  });

  it('refuses a preflight and a POST from an origin not on the list with 403', async () => {
    const h = handler({ allowedOrigins: ['https://shop.example'] });
    expect((await h(preflight('https://evil.example'), REMOTE)).status).toBe(403);
    const res = await h(post(payload(), { headers: { origin: 'https://evil.example' } }), REMOTE);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toBe('origin_not_allowed');
    expect(await store.listResponses({ limit: 10 })).toHaveLength(0);
  });

  it('echoes an allowed origin on the POST answer', async () => {
    const res = await handler({ allowedOrigins: ['https://shop.example'] })(
      post(payload(), { headers: { origin: 'https://shop.example' } }),
      REMOTE,
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once a client spends its bucket, per client address', async () => {
    let now = NOW;
    const h = handler({ rateLimitPerMinute: 3, now: () => now });
    for (let i = 0; i < 3; i++) expect((await h(post(payload()), REMOTE)).status).toBe(201);
    const limited = await h(post(payload()), REMOTE);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('20'); // 3 per minute → one token every 20 s
    expect((await h(post(payload()), { clientAddress: '198.51.100.1' })).status).toBe(201);
    now += 20_000;
    expect((await h(post(payload()), REMOTE)).status).toBe(201);
  });
});

describe('routing', () => {
  it('answers unknown paths with a JSON 404 and wrong methods with 405', async () => {
    expect((await handler()(get('/nope'), LOCAL)).status).toBe(404);
    const res = await handler()(new Request('http://collector.test/results', { method: 'DELETE' }), LOCAL);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers 503 (retryable) when the store fails', async () => {
    await store.close();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await handler()(post(payload()), REMOTE);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    store = memoryStore();
  });
});
