import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** demo/server.ts as users run it: a child process on a free port, read back from its start-up line. */
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const SERVER = fileURLToPath(new URL('../../demo/server.ts', import.meta.url));
let child: ChildProcess;
let base = '';
const dir = mkdtempSync(join(tmpdir(), 'cx-demo-'));

beforeAll(async () => {
  child = spawn(TSX, [SERVER], {
    env: { ...process.env, PORT: '0', CX_DB_PATH: join(dir, 'demo.sqlite') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`demo server exited (${code})`)));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /cx-feedback demo: (http:\/\/localhost:\d+)\//.exec(out);
      if (match) resolve(match[1]);
    });
  });
}, 30_000);
afterAll(async () => {
  child.removeAllListeners('exit');
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  rmSync(dir, { recursive: true, force: true });
});

/** Raw path (no URL normalisation by the client), so traversal attempts reach the server as written. */
const fetchRaw = (path: string) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    const { port } = new URL(base);
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });

describe('demo server', () => {
  it('serves demo pages with the strict CSP and the right content type', async () => {
    const res = await fetchRaw('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types lit-html cx-feedback",
    );
    expect((await fetchRaw('/demo.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('routes collector paths to the collector', async () => {
    expect((await fetchRaw('/healthz')).headers['content-type']).toBe('application/json; charset=utf-8');
    expect((await fetchRaw('/results')).status).toBe(200);
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/dist/../../package.json',
    '/dist/%2e%2e/package.json',
    '/server.ts',
    '/%00',
  ])('refuses %s', async (path) => {
    expect((await fetchRaw(path)).status).toBe(404);
  });
});
