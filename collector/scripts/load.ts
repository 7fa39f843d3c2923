import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { startPgCluster } from './pg-cluster.ts';

/**
 * Bounded load test: starts the real collector (`tsx collector/src/main.ts`) as a child process on 127.0.0.1 with
 * SQLite and/or a throw-away PostgreSQL cluster (durable settings: fsync on), POSTs `--count` distinct responses
 * from `--concurrency` keep-alive clients, stops after the count or `--seconds`, whichever comes first, and prints
 * accepted responses per second. Then checks the collector stored exactly what it acknowledged.
 *   npx tsx collector/scripts/load.ts [--mode sqlite|postgres|both] [--count 5000] [--concurrency 16] [--seconds 60]
 */
const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'both' },
    count: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '60' },
  },
});
const COUNT = Number(values.count);
const CONCURRENCY = Number(values.concurrency);
const DEADLINE_MS = Number(values.seconds) * 1000;
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

type Collector = { url: string; stop(): Promise<void> };

/** Runs main.ts with the given env and waits for its "listening on" line (PORT=0: the OS picks a free port). */
function startCollectorProcess(env: Record<string, string>): Promise<Collector> {
  const child = spawn(TSX, [MAIN], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', CX_RATE_LIMIT: '100000000', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const early = (code: number | null) => reject(new Error(`collector exited early (${code}): ${out}`));
    child.once('exit', early);
    const onData = (chunk: string) => {
      out += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (!match) return;
      child.stdout.off('data', onData).resume();
      child.off('exit', early);
      resolve({
        url: match[1],
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout.setEncoding('utf8').on('data', onData);
  });
}

const body = () =>
  JSON.stringify({
    v: 1,
    id: randomUUID(),
    surveyId: 'load',
    touchpoint: 'checkout',
    answers: [
      { questionId: 'nps', type: 'nps', value: Math.floor(Math.random() * 11) },
      { questionId: 'why', type: 'text', value: 'Quick checkout, but the shipping estimate was vague.' },
    ],
    context: { url: 'https://shop.example/thanks', locale: 'en' },
    metadata: { plan: 'pro' },
    createdAt: new Date().toISOString(),
    sentAt: new Date().toISOString(),
    attempt: 1,
  });

async function hammer(
  url: string,
): Promise<{ accepted: number; failed: number; seconds: number; p50: number; p99: number }> {
  if (!url.startsWith('http://127.0.0.1:')) throw new Error('load tests run against loopback only');
  let issued = 0;
  let accepted = 0;
  let failed = 0;
  const latencies: number[] = [];
  const start = performance.now();
  const worker = async () => {
    while (issued < COUNT && performance.now() - start < DEADLINE_MS) {
      issued++;
      const t = performance.now();
      try {
        const res = await fetch(`${url}responses`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain;charset=UTF-8' },
          body: body(),
        });
        await res.arrayBuffer();
        if (res.status === 201) accepted++;
        else failed++;
      } catch {
        failed++;
      }
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    accepted,
    failed,
    seconds,
    p50: latencies[Math.floor(latencies.length * 0.5)],
    p99: latencies[Math.floor(latencies.length * 0.99)],
  };
}

async function measure(label: string, env: Record<string, string>): Promise<void> {
  const collector = await startCollectorProcess(env);
  try {
    const r = await hammer(collector.url);
    const summary = (await (await fetch(`${collector.url}api/summary?from=`)).json()) as {
      responses: { current: number };
    };
    console.log(
      `${label}: ${(r.accepted / r.seconds).toFixed(0)} accepted responses/s (${r.accepted} in ${r.seconds.toFixed(1)} s, ` +
        `${r.failed} failed, latency p50 ${r.p50.toFixed(1)} ms / p99 ${r.p99.toFixed(1)} ms, concurrency ${CONCURRENCY}); stored: ${summary.responses.current}`,
    );
    if (summary.responses.current !== r.accepted)
      throw new Error(`stored ${summary.responses.current} but acknowledged ${r.accepted}`);
  } finally {
    await collector.stop();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'cx-load-'));
try {
  if (values.mode !== 'postgres')
    await measure('SQLite (WAL, synchronous=FULL)', { CX_DB_PATH: join(dir, 'load.sqlite') });
  if (values.mode !== 'sqlite') {
    const cluster = await startPgCluster({ durable: true });
    try {
      await measure('PostgreSQL 15 (fsync on, pool of 10)', { DATABASE_URL: cluster.url });
    } finally {
      await cluster.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
