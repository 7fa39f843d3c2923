// `npm test`'s package gates: what a user installs must resolve and type-check in every set-up. publint checks
// package.json against the files it names; @arethetypeswrong/cli packs the package and checks that every entry has
// types that match it under an ESM-only profile (Node 16+ ESM, bundlers); the Custom Elements Manifest must be the
// schema's shape and name the element.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { COMPILE_HINT } from './build/compile-hint.mjs';

let failed = 0;
function step(name, cmd, args) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  console.log(`${result.status === 0 ? 'ok  ' : 'FAIL'} ${name}`);
  if (result.status !== 0) failed++;
}

step('publint', 'npx', ['publint', '--strict']);
step('arethetypeswrong (esm-only)', 'npx', [
  'attw',
  '--pack',
  '.',
  '--profile',
  'esm-only',
  '--format',
  'table-flipped',
]);

const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
const element = manifest.modules
  ?.flatMap((m) => m.declarations ?? [])
  .find((d) => d.customElement && d.tagName === 'cx-feedback');
const manifestOk = manifest.schemaVersion && element && element.attributes?.length > 20 && element.events?.length >= 7;
console.log(`${manifestOk ? 'ok  ' : 'FAIL'} custom-elements.json names <cx-feedback> with its attributes and events`);
if (!manifestOk) failed++;

// The chunks that run nearly whole once loaded ask V8 to compile them eagerly, off the main thread (scripts/build.mjs).
const graph = JSON.parse(readFileSync('.tmp/script-graph.json', 'utf8'));
const hinted = [graph.ui, graph.popover, 'cx-feedback.iife.js', 'cx-feedback.popover.js'];
const unhinted = [...hinted, graph.entry, graph.survey, 'cx-feedback.js', 'cx-feedback.survey.js'].filter(
  (file) => readFileSync(`dist/${file}`, 'utf8').startsWith(`${COMPILE_HINT}\n`) != hinted.includes(file),
);
console.log(
  `${unhinted.length ? 'FAIL' : 'ok  '} compile hint on the ui and popover chunks and the classic script only${unhinted.length ? ` (wrong: ${unhinted.join(', ')})` : ''}`,
);
if (unhinted.length) failed++;

console.log(`package: ${4 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
