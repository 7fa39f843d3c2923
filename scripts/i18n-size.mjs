// What languages cost in bytes, to justify how they ship (docs/i18n.md, "Size"). Usage:
//   node scripts/i18n-size.mjs          a table: minified and gzip -9 bytes of the i18n code with English only,
//                                       with all built-in locales inlined, and of each emitted locales/<lang>.json
//   node scripts/i18n-size.mjs --keys   the string-key table of docs/i18n.md, generated from src/i18n/en.ts
// Same measure as `npx esbuild src/i18n/index.ts --bundle --minify --format=esm --external:zod | gzip -9 | wc -c`.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundles a snippet of ESM (relative to the repo root) the way the widget is bundled; returns the code. */
async function bundle(contents, minify = true) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    minify,
    format: 'esm',
    target: 'es2022',
    external: ['zod', 'lit'],
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0].text;
}

/** Imports a TypeScript module's exports by bundling it into a data: URL (Node 20 cannot load .ts itself). */
async function load(path) {
  const code = await bundle(`export * from './${path}';`, false);
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

const sizes = (text) => ({ min: Buffer.byteLength(text), gz: gzipSync(text, { level: 9 }).length });

if (process.argv.includes('--keys')) {
  const { en } = await load('src/i18n/en.ts');
  console.log('| key | English |\n|---|---|');
  for (const [key, text] of Object.entries(en)) console.log(`| \`${key}\` | ${text.replace(/\|/g, '\\|')} |`);
  process.exit(0);
}

const { localeFiles } = await load('src/i18n/build-locales.ts');
const files = localeFiles();
const rows = [
  ['en strings alone', await bundle(`export { en } from './src/i18n/en.ts';`)],
  [
    `all ${files.length} locales' strings alone`,
    await bundle(`export { BUILT_IN } from './src/i18n/build-locales.ts';`),
  ],
  ['i18n module as shipped (code + en)', await bundle(`export * from './src/i18n/index.ts';`)],
  [
    `i18n module with all ${files.length} locales inlined`,
    await bundle(`export * from './src/i18n/index.ts'; export { BUILT_IN } from './src/i18n/build-locales.ts';`),
  ],
].map(([what, code]) => [what, sizes(code)]);
const [, , shipped, inlined] = rows;
rows.push([
  'cost of inlining every locale',
  { min: inlined[1].min - shipped[1].min, gz: inlined[1].gz - shipped[1].gz },
]);
for (const f of files) rows.push([f.fileName, sizes(f.source)]);

const width = Math.max(...rows.map(([what]) => what.length));
console.log(`${'what'.padEnd(width)}  ${'min B'.padStart(6)}  ${'gzip B'.padStart(6)}`);
for (const [what, { min, gz }] of rows)
  console.log(`${what.padEnd(width)}  ${String(min).padStart(6)}  ${String(gz).padStart(6)}`);
