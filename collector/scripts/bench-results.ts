import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createHandler } from '../src/handler.ts';
import { loadOverview, loadTouchpoint } from '../src/results/load.ts';
import { parseResultsQuery } from '../src/results/params.ts';
import { parseJourney } from '../src/stats/journey-order.ts';
import { openPostgresStore } from '../src/store/postgres.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import type { Store } from '../src/store/types.ts';
import { bulkPostgres, bulkSqlite } from './bench-seed.ts';
import { journeyResponses } from './journey-data.ts';
import { startPgCluster } from './pg-cluster.ts';

/**
 * Results-page timings at growing volumes (a benchmark, not a timed test):
 *   npx tsx collector/scripts/bench-results.ts [--store sqlite|postgres|both] [--counts 10000,100000,1000000]
 * Synthetic journey data (30 touchpoints, 7 stages, 90 days; scripts/journey-data.ts) is bulk-loaded up to each
 * count, the rollups are rebuilt (timed), then the overview and a drill-down are timed through the stats path and
 * as whole HTML pages: median of 7 after one warm-up. Prints a Markdown table for docs/collector.md.
 */
const { values } = parseArgs({
  options: { store: { type: 'string', default: 'both' }, counts: { type: 'string', default: '10000,100000' } },
});
const counts = values.counts.split(',').map(Number);
const now = Date.parse('2026-06-30T12:00:00Z');
const journey = parseJourney(undefined);

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[3];
}

type Row = {
  store: string;
  rows: number;
  rebuild: number;
  overview: number;
  drill: number;
  overviewPage: number;
  drillPage: number;
  allTime: number;
};

async function measure(label: string, store: Store, rows: number, rebuildMs: number): Promise<Row> {
  const handler = createHandler({ store, now: () => now });
  const q = parseResultsQuery(new URLSearchParams(), now);
  const all = parseResultsQuery(new URLSearchParams('from='), now);
  if (!q.ok || !all.ok) throw new Error('bad query');
  const page = (path: string) => async () =>
    (
      await handler(new Request(`http://127.0.0.1${path}`, { headers: { host: '127.0.0.1' } }), {
        clientAddress: '127.0.0.1',
      })
    ).text();
  return {
    store: label,
    rows,
    rebuild: rebuildMs,
    overview: await median(() => loadOverview(store, q.value, journey)),
    drill: await median(() => loadTouchpoint(store, q.value, 'checkout')),
    overviewPage: await median(page('/results')),
    drillPage: await median(page('/results/touchpoint?touchpoint=checkout')),
    allTime: await median(page('/results?from=')),
  };
}

async function run(
  label: string,
  open: () => Promise<Store>,
  load: (from: number, to: number) => Promise<void>,
): Promise<Row[]> {
  const out: Row[] = [];
  let loaded = 0;
  for (const count of counts) {
    const t0 = performance.now();
    await load(loaded, count);
    loaded = count;
    const store = await open();
    const t1 = performance.now();
    await store.rollups.rebuild();
    const rebuild = performance.now() - t1;
    console.error(
      `${label} ${count}: loaded in ${((t1 - t0) / 1000).toFixed(0)} s, rollups rebuilt in ${(rebuild / 1000).toFixed(1)} s`,
    );
    out.push(await measure(label, store, count, rebuild));
    console.error(JSON.stringify(out.at(-1)));
    await store.close();
  }
  return out;
}

/** The same deterministic stream every time, so growing from 10 000 to 100 000 adds rows and keeps the first ones. */
function* slice(from: number, to: number) {
  let i = 0;
  for (const r of journeyResponses(counts.at(-1) ?? to, now)) {
    if (i >= to) return;
    if (i >= from) yield r;
    i++;
  }
}

const rows: Row[] = [];
const dir = mkdtempSync(join(tmpdir(), 'cx-bench-'));
try {
  if (values.store !== 'postgres') {
    const path = join(dir, 'bench.sqlite');
    (await Promise.resolve(openSqliteStore(path))).close();
    rows.push(
      ...(await run(
        'SQLite',
        async () => openSqliteStore(path),
        async (from, to) => bulkSqlite(path, slice(from, to)),
      )),
    );
  }
  if (values.store !== 'sqlite') {
    const cluster = await startPgCluster({ durable: true });
    try {
      await (await openPostgresStore(cluster.url, { max: 2 })).close();
      rows.push(
        ...(await run(
          'PostgreSQL',
          () => openPostgresStore(cluster.url),
          (from, to) => bulkPostgres(cluster.url, slice(from, to)),
        )),
      );
    } finally {
      await cluster.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
console.log(
  '| store | responses | overview (stats) | drill-down (stats) | GET /results | GET /results/touchpoint | /results all time | rollup rebuild |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.store} | ${r.rows.toLocaleString('en')} | ${ms(r.overview)} | ${ms(r.drill)} | ${ms(r.overviewPage)} | ${ms(r.drillPage)} | ${ms(r.allTime)} | ${(r.rebuild / 1000).toFixed(1)} s |`,
  );
}
