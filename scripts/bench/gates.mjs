// Fast always-fail gates for CI (issue 6): layout shift, connect/disconnect and open/close growth, strict CSP, and the
// harness's own checks (the bad variant is flagged; the page itself never shifts). One line per gate (`ok <gate> …` /
// `FAIL <gate> …`), then `gates: N passed, N failed`; exit 1 on any failure. The slow ratio benchmark is
// scripts/bench/run.mjs (`npm run bench`).
import { loadAssets } from './lib/assets.mjs';
import { launch } from './lib/browser.mjs';
import { cspCheck } from './lib/csp.mjs';
import { PAGE_SPLIT, clsGate, cspGate, growthGate, pageGate, selfTest } from './lib/judge.mjs';
import { growth } from './lib/memory.mjs';
import { visit } from './lib/probes.mjs';
import { startServer } from './lib/server.mjs';

const started = Date.now();
const results = [];
const report = (gate, { ok, detail }) => {
  results.push(ok);
  console.log(`${ok ? 'ok' : 'FAIL'} ${gate}  ${detail}`);
};
/** A gate whose probe throws fails with the error instead of ending the run. */
const gate = async (name, probe, judge) => {
  try {
    report(name, judge(await probe()));
  } catch (error) {
    report(name, { ok: false, detail: `probe failed: ${String(error?.message ?? error).split('\n')[0]}` });
  }
};
const times = (n, f) => async () => {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await f());
  return out;
};

const { files } = await loadAssets();
const server = await startServer(files);
const browser = await launch();
// Growth is read from V8's heap: without JIT compilers no optimised code lands on it halfway, so a few hundred cycles
// give the same per-cycle figure as the benchmark's 1000 + 1000. The connect cycles warm up for 500: between the 300th
// and the 400th element V8 grows a table once (64 KiB, then nothing: 2.7 B per cycle over 400 + 400, 1.8 over
// 600 + 600), and a first block that ends before it would count it as growth.
const jitless = await launch({ jitless: true });
try {
  for (const kind of ['inline', 'popover', 'classic', 'floating'])
    await gate(
      `cls-${kind}`,
      times(2, () => visit(browser, server, kind)),
      (runs) => clsGate(kind, runs),
    );
  await gate('growth-connect', () => growth(jitless, server, 'connect', 500), growthGate);
  await gate('growth-popover', () => growth(jitless, server, 'popover', 150), growthGate);
  await gate('csp', () => cspCheck(browser, server), cspGate);
  await gate(
    'self-test',
    times(1, () => visit(browser, server, 'bad')),
    selfTest,
  );
  await gate(
    'page-stable',
    times(1, () => visit(browser, server, 'empty', { query: `split=${encodeURIComponent(PAGE_SPLIT)}` })),
    pageGate,
  );
} finally {
  await Promise.all([browser.close(), jitless.close()]);
  await server.close();
}
const failed = results.filter((ok) => !ok).length;
console.log(`gates took ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`gates: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
