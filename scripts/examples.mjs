// `npm test`'s examples step, or `node scripts/examples.mjs [app…]`: every app in examples/ installs the packed
// package, type-checks strictly, builds for production and passes examples/shared/check.mjs in Chromium.
// Needs a built dist/ (`npm run build`). Ends with the plain line `examples: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const examples = join(root, 'examples');
// Next.js would otherwise try to send telemetry, which this machine cannot reach.
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', NEXT_TELEMETRY_DISABLED: '1' };
const only = process.argv.slice(2);

/** Apps left out of the run, each with the reason; naming one on the command line still runs it. */
const SKIP = {};

/** Runs one command; returns whether it succeeded, with its output kept for the failure report. */
function step(cwd, cmd, args) {
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return {
    ok: result.status === 0,
    seconds: (Date.now() - started) / 1000,
    stdout: result.stdout ?? '',
    output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}`,
  };
}

// Pack once: every app depends on "file:../../.tmp/cx-feedback.tgz". The apps' lockfiles leave out that tarball's
// integrity on purpose, since every build changes it and `npm ci` would reject the new one.
if (!existsSync(join(root, 'dist/define.js'))) {
  console.error('examples: dist/ is not built; run `npm run build` first\nexamples: 0 passed, 1 failed');
  process.exit(1);
}
mkdirSync(join(root, '.tmp'), { recursive: true });
const pack = step(root, 'npm', ['pack', '--pack-destination', '.tmp', '--json']);
if (!pack.ok) {
  console.error(`${pack.output}\nexamples: npm pack failed\nexamples: 0 passed, 1 failed`);
  process.exit(1);
}
const packed = JSON.parse(pack.stdout)[0].filename;
renameSync(join(root, '.tmp', packed), join(root, '.tmp/cx-feedback.tgz'));

const apps = readdirSync(examples, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(examples, entry.name, 'package.json')))
  .map((entry) => entry.name)
  .filter((name) => (only.length ? only.includes(name) : !(name in SKIP)));
for (const [name, reason] of Object.entries(SKIP)) if (!only.length) console.log(`${name}: skipped (${reason})`);

let passed = 0;
let failed = 0;
for (const app of apps) {
  const cwd = join(examples, app);
  // Installs share npm's own cache; --prefer-offline skips revalidating what is already in it.
  const steps = {
    install: () => step(cwd, 'npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund']),
    typecheck: () => step(cwd, 'npm', ['run', '--silent', 'typecheck']),
    build: () => step(cwd, 'npm', ['run', '--silent', 'build']),
    // An app whose check needs more than the shared one (a server of its own, a second page, an expectation) has its
    // own check.mjs, built from the shared one's pieces.
    check: () =>
      step(
        cwd,
        'node',
        existsSync(join(cwd, 'check.mjs')) ? [join(cwd, 'check.mjs')] : [join(examples, 'shared/check.mjs'), cwd],
      ),
  };
  const times = [];
  const failures = [];
  let checked = '';
  for (const [name, run] of Object.entries(steps)) {
    const result = run();
    if (name === 'check') checked = result.stdout;
    times.push(`${name} ${result.seconds.toFixed(1)} s`);
    if (!result.ok) failures.push(`── ${app} ${name} failed:\n${result.output.trim()}`);
    // Without an install nothing else can run; a type error still lets the build and the browser check run.
    if (!result.ok && name === 'install') break;
  }
  if (failures.length) {
    failed++;
    console.log(`${app}: FAIL (${times.join(', ')})\n${failures.join('\n')}`);
  } else {
    passed++;
    console.log(`${app}: ok (${times.join(', ')})`);
  }
  // What each check proved, e.g. when the app set the survey or what React did while hydrating.
  for (const line of checked.split('\n')) if (line.startsWith('check ok:')) console.log(`  ${line}`);
}
console.log(`examples: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
