import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler } from '../src/handler.ts';
import { toNodeListener } from '../src/node-adapter.ts';
import { listen } from '../src/serve.ts';
import type { Listening } from '../src/serve.ts';
import type { Store } from '../src/store/types.ts';
import { memoryStore } from './support/memory-sqlite.ts';
import { payload } from './support/payload.ts';

/** The real node:http path: sockets, chunked bodies, streaming responses. */
let store: Store;
let server: Listening;
beforeAll(async () => {
  store = memoryStore();
  server = await listen(toNodeListener(createHandler({ store })), 0, '127.0.0.1');
});
afterAll(async () => {
  await server.close();
  await store.close();
});

/** A raw request, so the test controls chunking (fetch would buffer or set Content-Length). */
function send(
  method: string,
  path: string,
  chunks: string[] = [],
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url.replace(/\/$/, '')}${path}`, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

/** A request line exactly as written: node's client would normalise a path such as `//`. */
function rawRequestLine(target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(server.url);
    const socket = connect(Number(port), hostname, () =>
      socket.end(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
    );
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => (answer += c));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('node adapter', () => {
  it.each(['//', '//evil.example/x', '*'])(
    'answers a request for %s (it used to throw outside the handler and end the process)',
    async (target) => {
      const answer = await rawRequestLine(target);
      expect(answer).toMatch(/^HTTP\/1\.1 4\d\d /);
      expect((await send('GET', '/healthz')).status).toBe(200);
    },
  );

  it('stores a POST sent over a socket and reports the client address', async () => {
    const p = payload();
    const res = await send('POST', '/responses', [JSON.stringify(p)], { 'content-type': 'text/plain' });
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body)).toEqual({ status: 'stored', id: p.id });
    // Admin routes see 127.0.0.1 as the client address, so the loopback rule lets this test read them.
    const list = await send('GET', '/responses');
    expect(list.status).toBe(200);
    expect(JSON.parse(list.body).responses.map((r: { id: string }) => r.id)).toContain(p.id);
  });

  it('answers 413 to a chunked body past the cap without reading it all', async () => {
    const chunk = 'x'.repeat(16 * 1024);
    const res = await send(
      'POST',
      '/responses',
      Array.from({ length: 8 }, () => chunk),
      { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' },
    );
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe('close');
  });

  it('answers HEAD without a body and streams exports', async () => {
    const head = await send('HEAD', '/export.csv');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const csv = await send('GET', '/export.csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')[0]).toBe(
      '\uFEFFresponse_id,received_at,corrected_at,created_at,survey_id,touchpoint,locale,url,follow_up_of,question_id,type,value,other',
    );
  });
});
