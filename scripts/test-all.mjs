// `npm test`: every check the project has, in one run, ending with the plain line `N passed, N failed`.
// Steps: build → typecheck (browser code, collector + demo server, e2e, React/Preact users' code) → package gates
// (publint, arethetypeswrong, the manifest) → lint and format → unit + collector tests (vitest) → browser tests
// (web-test-runner in Chromium, Firefox and WebKit)
// → end-to-end tests (vitest + playwright, real Chromium against fault-injecting servers) → size budgets → runtime gates.
// Neither vitest's nor the test runner's closing lines are read as a summary by CI, hence the combined count.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
mkdirSync('.tmp', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const rows = [];
const only = process.argv.slice(2);

function run(name, cmd, args, count, extraEnv = {}) {
  if (only.length && !only.includes(name) && !only.includes(name.split('-')[0])) return;
  const started = Date.now();
  console.log(`\n━━ ${name}: ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(res.stdout ?? '');
  process.stderr.write(res.stderr ?? '');
  let c = count ? count(`${res.stdout}\n${res.stderr}`) : undefined;
  if (!c) c = { passed: res.status === 0 ? 1 : 0, failed: res.status === 0 ? 0 : 1, skipped: 0 };
  // A runner that crashed or exited non-zero without reporting a failed test still fails the run.
  if (res.status !== 0 && c.failed === 0) c.failed = 1;
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  rows.push(
    `${name.padEnd(17)} ${String(c.passed).padStart(4)} passed ${String(c.failed).padStart(3)} failed ${String(c.skipped).padStart(3)} skipped  ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

const vitestCount = (file) => () => {
  if (!existsSync(file)) return undefined;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + (r.numTotalTestSuites > 0 && r.success === false && r.numFailedTests === 0 ? 1 : 0),
    skipped: r.numPendingTests + r.numTodoTests,
  };
};
const wtrCount = (out) => {
  const all = [...out.matchAll(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g)];
  const last = all.at(-1);
  return last ? { passed: +last[1], failed: +last[2], skipped: +(last[3] ?? 0) } : undefined;
};

// The browser tests need Debian's chromium, firefox-esr, and webkit2gtk-driver with xvfb (WebKit's MiniBrowser has no
// headless mode), the collector's PostgreSQL tests a local PostgreSQL server. Root on a Debian-like machine gets them
// installed; anyone else gets the exact command (tests that need them then fail/skip with their own message).
function preflight() {
  const missing = [];
  if (!existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium')) missing.push('chromium');
  if (!existsSync(process.env.FIREFOX_PATH || '/usr/bin/firefox-esr')) missing.push('firefox-esr');
  if (!existsSync(process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver')) missing.push('webkit2gtk-driver');
  if (!existsSync(process.env.XVFB_PATH || '/usr/bin/Xvfb')) missing.push('xvfb');
  let pg = [];
  try {
    pg = readdirSync('/usr/lib/postgresql').filter((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
  } catch {
    /* not installed */
  }
  if (!pg.length) missing.push('postgresql');
  if (!missing.length) return;
  const install = `apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`━━ installing ${missing.join(', ')} with apt (needed by the tests)`);
    const opts = { stdio: 'inherit', env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } };
    spawnSync('apt-get', ['update', '-qq'], opts);
    spawnSync('apt-get', ['install', '-y', '-qq', ...missing], opts);
  } else
    console.log(
      `━━ missing ${missing.join(', ')}: run \`sudo ${install}\` (Debian/Ubuntu) for the browser and PostgreSQL tests`,
    );
}
if (!only.length || only.includes('browser') || only.includes('unit')) preflight();

const npx = 'npx';
run('build', 'node', ['scripts/build.mjs']);
run('typecheck', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('typecheck-node', npx, ['tsc', '--noEmit', '-p', 'collector/tsconfig.json']);
run('typecheck-e2e', npx, ['tsc', '--noEmit', '-p', 'test/e2e/tsconfig.json']);
// What React 19 and Preact users write, checked against the built package's generated typings.
run('types-react', npx, ['tsc', '-p', 'test/types/react/tsconfig.json']);
run('types-preact', npx, ['tsc', '-p', 'test/types/preact/tsconfig.json']);
run('package', 'node', ['scripts/package-check.mjs'], (out) => {
  const m = /package: (\d+) passed, (\d+) failed/.exec(out);
  return m ? { passed: +m[1], failed: +m[2], skipped: 0 } : undefined;
});
// Lint (typescript-eslint, lit, wc) and formatting (Prettier, 120 columns), as CI sees them.
run('lint', npx, ['eslint', '.']);
run('format', npx, ['prettier', '--check', '.']);
run(
  'unit',
  npx,
  ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.tmp/unit.json'],
  vitestCount('.tmp/unit.json'),
);
// The browser suite in the three engines (docs/browsers.md); skips, each with its reason in the test, are counted.
for (const engine of ['chromium', 'firefox', 'webkit'])
  run(`browser-${engine}`, npx, ['web-test-runner'], wtrCount, { CX_ENGINE: engine });
run(
  'e2e',
  npx,
  [
    'vitest',
    'run',
    '--config',
    'test/e2e/vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=.tmp/e2e.json',
  ],
  vitestCount('.tmp/e2e.json'),
);
// Real React, Vue and Svelte apps (and a plain page) installing the packed package, each checked in Chromium.
run('examples', 'node', ['scripts/examples.mjs'], (out) => {
  const m = /examples: (\d+) passed, (\d+) failed/.exec(out);
  return m ? { passed: +m[1], failed: +m[2], skipped: 0 } : undefined;
});
run('size', 'node', ['scripts/size.mjs']);
// Always-fail runtime gates in Chromium: layout shift 0, no growth over open/close and connect/disconnect cycles,
// strict CSP, and a self-test that a deliberately bad widget is caught (the slow ratio benchmark is `npm run bench`).
run('gates', 'node', ['scripts/bench/gates.mjs'], (out) => {
  const m = /gates: (\d+) passed, (\d+) failed/.exec(out);
  return m ? { passed: +m[1], failed: +m[2], skipped: 0 } : undefined;
});

console.log(`\n${rows.join('\n')}`);
// The last line is exactly `N passed, N failed` (what CI reads); skips, each with its reason in the test, come before.
if (totals.skipped) console.log(`${totals.skipped} skipped (see the reason next to each skip)`);
const summary = `${totals.passed} passed, ${totals.failed} failed`;
writeFileSync('.tmp/summary.txt', `${summary}\n`);
console.log(summary);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
