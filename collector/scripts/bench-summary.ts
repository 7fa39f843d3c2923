import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandler } from '../src/handler.ts';
import { loadSummary } from '../src/load-summary.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { Filters } from '../src/store/types.ts';
import { addDays, utcDay } from '../src/stats/timeline.ts';
import { syntheticResponses } from './seed.ts';

/**
 * Summary time at N stored responses (default 100 000) in SQLite:
 *   npx tsx collector/scripts/bench-summary.ts [count]
 * Seeds a temp database, then times the summary (3 aggregate queries + the stats module) and the full /results
 * page, median of 7 runs after one warm-up. Prints figures for docs/collector.md; deletes the database.
 */
const count = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'cx-bench-'));
const now = Date.now();
const today = utcDay(now);

try {
  const seeding = openSqliteStore(join(dir, 'bench.sqlite'), { synchronous: 'OFF' });
  const t0 = performance.now();
  for (const r of syntheticResponses(count, now)) await seeding.insertResponse(r);
  console.log(`seeded ${count} responses in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await seeding.close();

  const store = openSqliteStore(join(dir, 'bench.sqlite'));
  const handler = createHandler({ store, now: () => now });
  const median = async (label: string, fn: () => Promise<unknown>) => {
    await fn();
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      await fn();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`${label}: median ${times[3].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[6].toFixed(0)})`);
  };
  const last30: Filters = { from: addDays(today, -29), to: today };
  await median('summary, all time (90 days of data)', () => loadSummary(store, {}));
  await median('summary, last 30 days', () => loadSummary(store, last30));
  await median('summary, one touchpoint, last 30 days', () => loadSummary(store, { ...last30, touchpoint: 'checkout' }));
  await median('GET /results (all time, HTML)', async () => (await handler(new Request('http://x/results?from='), { clientAddress: '127.0.0.1' })).text());
  await median('GET /export.csv (all rows, streamed)', async () => (await handler(new Request('http://x/export.csv'), { clientAddress: '127.0.0.1' })).text());
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
