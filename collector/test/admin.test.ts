import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isLoopback, isLoopbackHost } from '../src/http/admin-auth.ts';
import { createHandler } from '../src/handler.ts';
import type { Store } from '../src/store/types.ts';
import { memoryStore } from './support/memory-sqlite.ts';
import { get } from './support/payload.ts';

let store: Store;
beforeEach(() => {
  store = memoryStore();
});
afterEach(() => store.close());

const ADMIN_PATHS = ['/responses', '/results', '/api/summary', '/export.csv', '/export.ndjson'];
const TOKEN = 'a-long-admin-token-0123456789';

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['128.0.0.1', false],
    ['', false],
    ['localhost', false],
  ])('%s → %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['localhost:8787', true],
    ['LOCALHOST:8787', true],
    ['results.localhost:8787', true],
    ['127.0.0.1:8787', true],
    ['127.1.2.3', true],
    ['[::1]:8787', true],
    ['[::1]', true],
    ['[::ffff:127.0.0.1]:8787', true],
    ['rebind.attacker.example:8787', false],
    ['localhost.attacker.example', false],
    ['127.0.0.1.nip.io', false],
    ['10.0.0.5:8787', false],
    ['[::2]:8787', false],
    ['', false],
    [null, false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('admin routes without CX_ADMIN_TOKEN', () => {
  const handler = () => createHandler({ store });

  it.each(ADMIN_PATHS)('%s answers a loopback client', async (path) => {
    expect((await handler()(get(path), { clientAddress: '::1' })).status).toBe(200);
  });

  it.each(ADMIN_PATHS)('%s refuses a remote client with 401 telling to set CX_ADMIN_TOKEN', async (path) => {
    const res = await handler()(get(path), { clientAddress: '192.0.2.10' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toContain('set CX_ADMIN_TOKEN');
  });

  it.each([
    ['X-Forwarded-For', { 'x-forwarded-for': '203.0.113.9' }],
    ['Via (a plain nginx or Caddy proxy_pass sends none of the X- headers)', { via: '1.1 caddy' }],
    ['Forwarded', { forwarded: 'for=203.0.113.9' }],
    ['X-Real-IP', { 'x-real-ip': '203.0.113.9' }],
    ['X-Forwarded-Host', { 'x-forwarded-host': 'cx.example.com' }],
    ['X-Forwarded-Proto', { 'x-forwarded-proto': 'https' }],
  ])('does not trust a loopback peer whose request carries %s', async (_name, headers) => {
    const res = await handler()(get('/results', headers), { clientAddress: '127.0.0.1' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toContain('set CX_ADMIN_TOKEN');
  });

  it.each([
    ['a public name (DNS rebinding from a browser on this machine)', 'rebind.attacker.example:8787'],
    ['the public name a proxy passes on (nginx proxy_pass with proxy_set_header Host $host)', 'cx.example.com'],
    ['no Host at all', ''],
  ])('does not trust a loopback peer that asked for %s', async (_name, host) => {
    const res = await handler()(get('/api/summary', { host }), { clientAddress: '127.0.0.1' });
    expect(res.status).toBe(401);
  });

  it("does not trust HTTP/1.0 (nginx's default to its upstream, with the upstream's loopback Host)", async () => {
    const res = await handler()(get('/results'), { clientAddress: '127.0.0.1', httpVersion: '1.0' });
    expect(res.status).toBe(401);
    expect((await handler()(get('/results'), { clientAddress: '127.0.0.1', httpVersion: '1.1' })).status).toBe(200);
  });

  it('keeps the stylesheet and health check public', async () => {
    expect((await handler()(get('/results.css'), { clientAddress: '192.0.2.10' })).status).toBe(200);
    expect((await handler()(get('/healthz'), { clientAddress: '192.0.2.10' })).status).toBe(200);
  });
});

describe('admin routes with CX_ADMIN_TOKEN', () => {
  const handler = () => createHandler({ store, adminToken: TOKEN });
  const REMOTE = { clientAddress: '192.0.2.10' };

  it.each(ADMIN_PATHS)('%s accepts the bearer token from anywhere', async (path) => {
    expect((await handler()(get(path, { authorization: `Bearer ${TOKEN}` }), REMOTE)).status).toBe(200);
  });

  it('accepts ?token= for links from a browser', async () => {
    // Accepted: answered with a cookie and the same view without the token (see results.test.ts).
    expect((await handler()(get(`/results?token=${TOKEN}`), REMOTE)).status).toBe(303);
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer nope' }],
    ['a prefix of the token', { authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
  ])('refuses %s with 401, even from loopback', async (_name, headers) => {
    const res = await handler()(get('/responses', headers as Record<string, string>), { clientAddress: '127.0.0.1' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });
});
