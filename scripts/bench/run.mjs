// `npm run bench` (issue 6): the runtime benchmark. Headless Debian Chromium, CPU throttled 4×, a fresh context per
// visit, the variants of the synthetic checkout page (lib/variants.mjs) in a new random order every round, the first
// round discarded as warm-up; medians and quartiles of ratios taken within a round. Then the growth checks (1000 +
// 1000 cycles), the strict-CSP page and the gates, including the self-test on the deliberately bad variant and the
// check that the page itself never shifts.
// Prints the tables, writes docs/performance.md (between its markers) and bench-results/<date>.json.
//   node scripts/bench/run.mjs [--rounds 15] [--cycles 1000] [--rate 4] [--no-write]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { ROOT, loadAssets } from './lib/assets.mjs';
import { launch } from './lib/browser.mjs';
import { cspCheck } from './lib/csp.mjs';
import { PAGE_SPLIT, clsGate, cpuGate, cspGate, growthGate, pageGate, selfTest } from './lib/judge.mjs';
import { growth } from './lib/memory.mjs';
import { visit } from './lib/probes.mjs';
import { tables, toMarkdown, toText } from './lib/report.mjs';
import { startServer } from './lib/server.mjs';
import { shuffle } from './lib/stats.mjs';
import { VARIANTS } from './lib/variants.mjs';

const { values: opt } = parseArgs({
  options: {
    rounds: { type: 'string', default: '15' },
    cycles: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '4' },
    'no-write': { type: 'boolean', default: false },
  },
});
const ROUNDS = Number(opt.rounds);
const CYCLES = Number(opt.cycles);
const RATE = Number(opt.rate);
if (!(ROUNDS >= 1 && CYCLES >= 1 && RATE >= 1)) throw new Error('--rounds, --cycles and --rate take positive numbers');
if (ROUNDS < 15) console.log(`note: ${ROUNDS} rounds; issue 6 asks for at least 15 for the committed figures`);

const started = new Date();
const { files, versions } = await loadAssets();
const server = await startServer(files);
const browser = await launch();
const variants = [
  'empty',
  'baseline',
  'inline',
  'popover',
  'classic',
  'floating',
  'script',
  'bad',
  'posthog',
  'formbricks',
].filter((v) => VARIANTS[v].scripts.every((p) => files.has(p)));
const missing = ['posthog', 'formbricks'].filter((v) => !variants.includes(v));
if (missing.length) console.log(`not installed, left out: ${missing.join(', ')}`);

const rounds = [];
try {
  for (let round = 0; round <= ROUNDS; round++) {
    const t0 = Date.now();
    const results = {};
    for (const v of shuffle(variants)) results[v] = await visit(browser, server, v, { rate: RATE });
    const errors = Object.values(results).flatMap((r) => r.errors.map((e) => `${r.variant}: ${e}`));
    console.log(
      `round ${round}${round ? '' : ' (warm-up, discarded)'}: ${((Date.now() - t0) / 1000).toFixed(1)} s${errors.length ? `, page errors: ${errors.join('; ')}` : ''}`,
    );
    if (round) rounds.push(results);
  }
  // Gated without JIT (optimised code landing on the heap halfway is not a leak, but Runtime.getHeapUsage counts it);
  // the same cycles with JIT are reported beside them.
  var growths = [];
  const jitless = await launch({ jitless: true });
  try {
    for (const [b, jit] of [
      [jitless, false],
      [browser, true],
    ]) {
      for (const kind of ['connect', 'popover']) {
        const g = { ...(await growth(b, server, kind, CYCLES)), jit };
        console.log(`growth ${kind}${jit ? ' (JIT)' : ' (jitless)'}: ${(g.ms / 1000).toFixed(1)} s`);
        growths.push(g);
      }
    }
  } finally {
    await jitless.close();
  }
  var csp = await cspCheck(browser, server);
  var split = await visit(browser, server, 'empty', { rate: RATE, query: `split=${encodeURIComponent(PAGE_SPLIT)}` });
  var chromium = browser.version();
} finally {
  await browser.close();
  await server.close();
}

const all = (v) => rounds.map((r) => r[v]);
const gates = [
  ...['inline', 'popover', 'classic', 'floating'].map((k) => ({ name: `cls-${k}`, ...clsGate(k, all(k)) })),
  ...['inline', 'popover', 'classic', 'floating'].map((k) => ({ name: `cpu-${k}`, ...cpuGate(all(k)) })),
  ...growths.filter((g) => !g.jit).map((g) => ({ name: `growth-${g.kind}`, ...growthGate(g) })),
  { name: 'csp', ...cspGate(csp) },
  { name: 'self-test', ...selfTest(all('bad')) },
  { name: 'page-stable', ...pageGate([split]) },
];

const t = tables({ rounds, files, versions, variants, growths, gates });
console.log(toText(t));

const machine = {
  date: started.toISOString(),
  cpu: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}`,
  memory: `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
  os: `${os.type()} ${os.release()}${existsSync('/etc/debian_version') ? ` (Debian ${readFileSync('/etc/debian_version', 'utf8').trim()})` : ''}`,
  node: process.version,
  chromium,
  load: os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' '),
  commit: (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })(),
};
const command = `npm run bench${ROUNDS != 15 || CYCLES != 1000 || RATE != 4 ? ` -- --rounds ${ROUNDS} --cycles ${CYCLES} --rate ${RATE}` : ''}`;

if (!opt['no-write']) {
  mkdirSync(new URL('bench-results/', ROOT), { recursive: true });
  const stamp = machine.date.replace(/[:.]/g, '-');
  writeFileSync(
    new URL(`bench-results/${stamp}.json`, ROOT),
    JSON.stringify({ machine, command, versions, rounds, growths, csp, gates }, null, 1),
  );
  const generated = [
    `<!-- bench:begin (generated by scripts/bench/run.mjs; edit the text outside these markers) -->`,
    `Measured ${machine.date.slice(0, 16).replace('T', ' ')} UTC at commit ${machine.commit} with \`${command}\` (${ROUNDS} rounds after one warm-up round, ${CYCLES} + ${CYCLES} growth cycles).`,
    '',
    `Machine: ${machine.cpu}, ${machine.memory}, ${machine.os}; Node ${machine.node}; Chromium ${machine.chromium} (headless, playwright-core); load average at the end ${machine.load}.`,
    '',
    toMarkdown(t),
    '<!-- bench:end -->',
  ].join('\n');
  const file = new URL('docs/performance.md', ROOT);
  const doc = existsSync(file)
    ? readFileSync(file, 'utf8')
    : '# Performance\n\n<!-- bench:begin -->\n<!-- bench:end -->\n';
  const next = doc.replace(/<!-- bench:begin[\s\S]*?<!-- bench:end -->/, () => generated);
  writeFileSync(file, next);
  console.log(`\nwrote docs/performance.md and bench-results/${stamp}.json`);
}

const failed = gates.filter((g) => !g.ok);
console.log(
  `\nbench: ${gates.length - failed.length} gates passed, ${failed.length} failed${failed.length ? ` (${failed.map((g) => g.name).join(', ')})` : ''}`,
);
process.exit(failed.length ? 1 : 0);
