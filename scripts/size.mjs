// Size is a tested feature. For each bundle in size-budget.json, and for what a kind of page loads in all: fails when
// it grows past its `ceiling` (the gate), and says plainly when it is over the product budget or hard cap of issue 6. Also fails when
// the bundle contains code a strict CSP forbids (eval, new Function), or when our own sources write HTML from strings
// (innerHTML and friends; lit's own template cloning, which parses only our static template strings, is not ours).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budget = JSON.parse(readFileSync(new URL('../size-budget.json', import.meta.url), 'utf8'));
const kib = (b) => `${(b / 1024).toFixed(2)} KiB`;
let failed = 0;
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const check = (name, size, extra, { gzip, hardCap, ceiling }) => {
  const state = size > ceiling ? 'FAIL' : size > hardCap ? 'OVER hard cap' : size > gzip ? 'OVER budget' : 'ok';
  console.log(
    `${state.padEnd(13)} ${name}: ${kib(size)} gzip (${size} B${extra}); budget ${kib(gzip)}, hard cap ${kib(hardCap)}, gate ${kib(ceiling)}`,
  );
  if (size > ceiling) failed++;
};
for (const [file, limits] of Object.entries(budget.files)) {
  const source = readFileSync(file);
  check(file, gz(file), `, ${kib(source.length)} minified`, limits);
  const text = source.toString('utf8').replace(/\s+/g, '');
  for (const bad of budget.forbiddenInBundle) {
    if (text.includes(bad.replace(/\s+/g, ''))) {
      console.log(`FAIL ${file} contains forbidden code: ${bad}`);
      failed++;
    }
  }
}
// What a page loads in all: each file gzipped on its own, as a server sends them. `graph:<part>` is a chunk of the
// page's module graph with every chunk it imports (scripts/build.mjs writes the graph).
const graph = JSON.parse(readFileSync('.tmp/script-graph.json', 'utf8'));
const withImports = (file, into) => {
  if (into.has(file)) return into;
  into.add(file);
  for (const next of graph.imports[file] ?? []) withImports(next, into);
  return into;
};
const expand = (files) => {
  const into = new Set();
  for (const f of files)
    f.startsWith('graph:')
      ? [...withImports(graph[f.slice(6)], new Set())].forEach((c) => into.add(`dist/${c}`))
      : into.add(f);
  return [...into];
};
for (const [name, { files, ...limits }] of Object.entries(budget.pages ?? {})) {
  const all = expand(files);
  check(
    name,
    all.reduce((sum, f) => sum + gz(f), 0),
    `: ${all.map((f) => f.replace(/^dist\//, '')).join(' + ')}`,
    limits,
  );
}
const walk = (dir) =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
for (const file of walk('src').filter((f) => f.endsWith('.ts'))) {
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''); // comments may name what we avoid
  for (const bad of budget.forbiddenInSource) {
    if (code.includes(bad)) {
      console.log(`FAIL ${file} uses forbidden ${bad}`);
      failed++;
    }
  }
}
console.log(failed ? `size: ${failed} problem(s)` : 'size: ok');
if (failed) process.exit(1);
