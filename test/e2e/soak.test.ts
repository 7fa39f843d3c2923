import { expect, it } from 'vitest';
import { sleep, until, useEnv, type Tab } from './support/harness.ts';

const env = useEnv();

/** Small seeded PRNG (mulberry32) so a failing soak run can be replayed with CX_SOAK_SEED. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
};

it('R16 soak: 150 submissions over 3 tabs with reloads, 40 % aborted connections, 10 % 503, random latency → all stored once, outbox empty', async () => {
  const seed = Number(process.env.CX_SOAK_SEED ?? Date.now() % 1e6);
  const random = prng(seed);
  console.log(`R16 soak seed ${seed}`);
  env.server.decide = () => {
    const r = random();
    const delayMs = Math.floor(random() * 300); // the matrix's 0–5 s latency, scaled down to keep the suite short
    if (r < 0.2) return { reset: 'before-store', delayMs };
    if (r < 0.4) return { reset: 'after-store', delayMs };
    if (r < 0.5) return { status: 503, delayMs };
    return { delayMs };
  };
  const cfg = { baseMs: 100, capMs: 1000, timeoutMs: 3000 };
  const first = await env.open({ cfg });
  const tabs: Tab[] = [first, await env.tab(first.context, { cfg }), await env.tab(first.context, { cfg })];
  const submitted: string[] = [];
  for (let round = 0; round < 10; round++) {
    const batches = await Promise.all(tabs.map((t) => t.page.evaluate(() => window.cxTest.submitMany(5))));
    submitted.push(...batches.flat());
    // Reload one tab while its requests are in flight: the outbox, not the page, owns the rows.
    await tabs[round % 3]!.page.reload();
    await sleep(Math.floor(random() * 200));
  }
  expect(new Set(submitted).size).toBe(150);
  await until(() => env.server.stored.size >= 150, 50_000, 'every submission stored');
  expect([...env.server.stored.keys()].sort()).toEqual([...submitted].sort());
  for (const t of tabs)
    await until(
      async () => ((await t.page.evaluate(() => window.cxTest.outbox())) as unknown[]).length == 0,
      20_000,
      'empty outbox',
    );
  const outcomes = env.server.received.reduce<Record<string, number>>(
    (n, r) => ((n[r.outcome] = (n[r.outcome] ?? 0) + 1), n),
    {},
  );
  console.log(`R16 soak: ${env.server.received.length} requests`, outcomes);
  // Insert by id: a lost ack or a reload makes the client send again and the receiver answer "duplicate"; what
  // matters is that every submitted id is stored, nothing else is, and every stored payload passed the schema.
  expect(outcomes.rejected ?? 0).toBe(0);
  expect(env.server.stored.size).toBe(150);
});
