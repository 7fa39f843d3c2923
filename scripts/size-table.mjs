// What the shipped files are made of. The page's module graph (cx-feedback.js): each chunk's gzip size as shipped and
// its largest modules (minified bytes, from the same Vite build), and what each kind of page downloads against its
// budget. The classic script (cx-feedback.iife.js): rebuilt with esbuild once in full and once per part with that
// part replaced by an empty stub; the difference is the part's share (compression is shared, so the shares do not add
// up exactly to the total). Writes docs/size.md. Run: npm run size:table (after npm run build).
import { build } from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as viteBuild } from 'vite';
import { minifyCss, minifyCssPlugin } from './build/minify-css.mjs';

// As in scripts/build.mjs: the script imports its placement module from next to itself instead of bundling it.
const scriptLoader = {
  name: 'script-loader',
  setup(b) {
    // By resolved path: an import of './load.ts' from next to it is the same module.
    const swap = (from, to) =>
      b.onResolve({ filter: /load(-check)?\.ts$/ }, (a) =>
        join(a.resolveDir, a.path) == new URL(from, import.meta.url).pathname
          ? { path: new URL(to, import.meta.url).pathname }
          : undefined,
      );
    swap('../src/placement/load.ts', '../src/placement/load.script.ts');
    swap('../src/survey/load-check.ts', '../src/survey/load-check.script.ts');
  },
};
// As in the build: the CSS in css`…` templates is minified (scripts/build/minify-css.mjs).
const cssMinifier = {
  name: 'css-minifier',
  setup(b) {
    b.onLoad({ filter: /\/src\/.*\.ts$/ }, (a) => ({
      contents: minifyCss(readFileSync(a.path, 'utf8')),
      loader: 'ts',
    }));
  },
};
const base = {
  define: { __CX_POPOVER_HASH__: '"0123456789"', __CX_SURVEY_HASH__: '"0123456789"' },
  entryPoints: ['src/script/iife.ts'],
  bundle: true,
  minify: true,
  format: 'iife',
  write: false,
  target: 'es2022',
  conditions: ['browser', 'production'],
  tsconfig: 'tsconfig.json',
  logLevel: 'silent',
};
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
// A stub that satisfies any named import: every export is a no-op function (the bundle is measured, never run).
const stubFor = (filter, names) => ({
  name: 'stub',
  setup(b) {
    b.onResolve({ filter }, (a) => (a.kind === 'entry-point' ? undefined : { path: a.path, namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: names.map((n) => `export const ${n} = () => {};`).join('\n') + '\nexport default {};',
      loader: 'js',
    }));
  },
});
const exportsOf = (file) =>
  [...readFileSync(file, 'utf8').matchAll(/export (?:const|function|class|let) (\w+)/g)].map((m) => m[1]);
const size = async (plugins = [], options = {}) =>
  gz((await build({ ...base, ...options, plugins: [scriptLoader, cssMinifier, ...plugins] })).outputFiles[0].contents);

const parts = [
  [
    'src/transport (outbox, delivery, locks)',
    /\/transport\/index\.ts$/,
    exportsOf('src/transport/index.ts').concat('getDelivery', 'newId', 'DEFAULTS'),
  ],
  [
    'src/element/touchpoint.ts + triggers, frequency, coordinator, route, API registry',
    /\/touchpoint\.ts$/,
    exportsOf('src/element/touchpoint.ts'),
  ],
  ['src/element/styles.ts (CSS)', /\/styles\.ts$/, ['styles']],
  [
    'src/i18n (English strings, resolution, lazy loader)',
    /\/i18n\/index\.ts$/,
    [
      'en',
      'KEYS',
      'format',
      'parseStrings',
      'strings',
      'loadStrings',
      'hasStrings',
      'localeUrl',
      'LOCALES',
      'pickLocale',
      'dir',
      'resolveLang',
      'watchLang',
      'i18nController',
    ],
  ],
  [
    'src/survey/config.ts (attribute and survey validation)',
    /\/survey\/config\.ts$/,
    exportsOf('src/survey/config.ts'),
  ],
  [
    'src/privacy (scrubbing, URL, GPC/DNT)',
    /\/privacy\/(scrub|url|signals)\.ts$/,
    ['scrub', 'pageUrl', 'wantsPrivacy'],
  ],
  ['src/api/global.ts (cxFeedback() queue API)', /\/api\/global\.ts$/, ['installGlobalApi']],
];
const total = await size();
const rows = [];
for (const [name, filter, names] of parts) {
  try {
    rows.push([name, total - (await size([stubFor(filter, [...new Set(names)])]))]);
  } catch (e) {
    rows.push([name, NaN]);
    console.error(`could not measure ${name}: ${e.message.split('\n')[0]}`);
  }
}
const lit =
  total -
  (await size([
    stubFor(/^lit$|^lit\/decorators\.js$/, [
      'LitElement',
      'html',
      'svg',
      'css',
      'nothing',
      'property',
      'state',
      'noChange',
    ]),
  ]));
rows.splice(1, 0, ['lit (LitElement, lit-html)', lit]);
const kib = (b) => (Number.isNaN(b) ? 'n/a' : `${(b / 1024).toFixed(2)} KiB`);
// The shipped files (npm run build), as npm run size measures them.
const shippedBytes = (...files) =>
  files.every((f) => existsSync(f)) ? files.reduce((n, f) => n + gz(readFileSync(f)), 0) : NaN;
const shipped = (...files) => {
  const b = shippedBytes(...files.map((f) => `dist/cx-feedback.${f}.js`));
  return Number.isNaN(b) ? 'n/a (run npm run build first)' : `${(b / 1024).toFixed(1)} KiB`;
};

// The module graph, built as scripts/build.mjs builds it (without writing), for the modules in each chunk.
const graph = JSON.parse(readFileSync('.tmp/script-graph.json', 'utf8'));
const graphBuild = await viteBuild({
  logLevel: 'warn',
  configFile: false,
  resolve: { conditions: ['browser', 'production', 'module', 'import', 'default'] },
  plugins: [minifyCssPlugin()],
  build: {
    write: false,
    target: 'es2022',
    minify: true,
    lib: { entry: { entry: 'src/script/entry.ts' }, formats: ['es'] },
    rolldownOptions: { output: { minify: true } },
  },
});
const graphChunks = (Array.isArray(graphBuild) ? graphBuild : [graphBuild])
  .flatMap((out) => out.output)
  .filter((item) => item.type == 'chunk');
const role = (fileName) => fileName.replace(/^cx-feedback\.|(-[\w-]{8})?\.js$/g, '');
const chunkRows = Object.keys(graph.imports).map((fileName) => {
  const built = graphChunks.find((chunk) => role(chunk.fileName) == role(fileName));
  const modules = Object.entries(built?.modules ?? {})
    .map(([id, m]) => [m.renderedLength, id.replace(/^.*?\/(src|node_modules)\//, '$1/')])
    .sort((a, b) => b[0] - a[0]);
  const top = modules
    .slice(0, 5)
    .map(([n, id]) => `${id} ${(n / 1024).toFixed(1)}`)
    .join(', ');
  return [fileName, gz(readFileSync(`dist/${fileName}`)), top];
});
const budget = JSON.parse(readFileSync('size-budget.json', 'utf8'));
const withImports = (file, into) =>
  into.has(file)
    ? into
    : (into.add(file), (graph.imports[file] ?? []).forEach((next) => withImports(next, into)), into);
const pageRows = Object.entries(budget.pages).map(([name, page]) => {
  const files = new Set();
  for (const f of page.files)
    f.startsWith('graph:')
      ? withImports(graph[f.slice(6)], new Set()).forEach((c) => files.add(`dist/${c}`))
      : files.add(f);
  return [name, [...files].reduce((n, f) => n + gz(readFileSync(f)), 0), page];
});

// The placement module (dist/cx-feedback.popover.js), an ES module of its own.
const placementOptions = { entryPoints: ['src/placement/popover.ts'], format: 'esm' };
const placement = await size([], placementOptions);
const floating =
  placement -
  (await size(
    [
      stubFor(/^@floating-ui\/dom$|^composed-offset-position$/, [
        'computePosition',
        'autoUpdate',
        'flip',
        'shift',
        'offset',
        'hide',
        'platform',
        'offsetParent',
      ]),
    ],
    placementOptions,
  ));
const md = `# What the script-tag bundle is made of

Measured by \`npm run size:table\` (scripts/size-table.mjs) on ${new Date().toISOString().slice(0, 10)}: esbuild-minified IIFE of
src/script/iife.ts, gzip -9, **${kib(total)}** in total (the shipped Vite build, with a terser pass, is a little smaller: see \`npm run size\`).
Each row is the bundle minus the same bundle with that part stubbed out, so shared compression makes the rows add
up to a little more or less than the total.

| part | gzip |
|---|---|
${rows.map(([n, b]) => `| ${n} | ${kib(b)} |`).join('\n')}
| everything else (element, render, options, icons, survey flow/payload, schema messages, util) | ${kib(total - rows.reduce((a, [, b]) => a + (b || 0), 0))} |

## The placement module

\`dist/cx-feedback.popover.js\` (src/placement/popover.ts) is imported by the script, from the folder it was loaded
from, when a popover or floating card first opens (a hovered or focused launcher starts the download early). Pages
that show only inline widgets, or nothing, never load it. If it cannot load, the card opens in the bottom corner and
the console says why. esbuild-minified ES module, gzip -9: **${kib(placement)}**.

| part | gzip |
|---|---|
| @floating-ui/dom + composed-offset-position | ${kib(floating)} |
| src/placement (anchoring, avoid-focus middleware) | ${kib(placement - floating)} |

## The JSON survey check

\`dist/cx-feedback.survey.js\` (src/survey/check-survey.ts) is the check of a survey written as JSON (a child
\`<script type="application/json">\` or the \`survey\` property) with zod/mini: the only part of the widget that needs
zod. The script imports it, from the folder it was loaded from, for such a widget only; a widget set up by attributes
is checked by hand (src/survey/config.ts) and never downloads it. If it cannot load, it is asked for once more, then
the widget reports a configuration problem naming the file (console and \`cx-error\`). Shipped: ${shipped('survey')}.

## The page's module graph (cx-feedback.js)

\`dist/cx-feedback.js\` is a classic script of ${kib(gz(readFileSync('dist/cx-feedback.js')))} that imports the entry module
from its own folder; the bundler split the rest into chunks with content-hashed names. Each chunk as shipped (gzip -9)
and its largest modules (minified KiB):

| chunk | gzip | largest modules (minified KiB) |
|---|---|---|
${chunkRows.map(([file, bytes, top]) => `| ${file} | ${kib(bytes)} | ${top} |`).join('\n')}

The entry (with what it imports at once) drains nothing by itself: it peeks into the outbox and loads delivery, which
comes with the survey UI chunk, only when responses from an earlier visit wait there.

## Against the budgets

| what a page downloads from us (each file gzip -9, summed) | total | budget | gate |
|---|---|---|---|
${pageRows.map(([name, bytes, page]) => `| ${name} | ${kib(bytes)} | ${kib(page.gzip)} | ${kib(page.ceiling)} |`).join('\n')}

\`npm run size\` fails when a page or a file grows past its gate (size-budget.json); the gate is the budget where a page
meets it, and set just above today's size where it does not yet.

Why the pages that show a card are over their budgets: the survey UI chunk (Lit, the element, its styles and
delivery) is ${kib(chunkRows.find(([file]) => role(file) == 'ui')[1])} by itself, and a split graph compresses a little worse than one file (each file has its own
gzip dictionary), so an inline card through cx-feedback.js costs about 3 KiB more than through cx-feedback.iife.js,
while a page where nothing shows costs a fifth of it. Reaching 26 KiB for an inline card needs the UI chunk itself to
shrink (styles, the element, the survey configuration).
`;
writeFileSync('docs/size.md', md);
console.log(md);
