// What each part of the script-tag bundle costs, gzip: the bundle is rebuilt with esbuild once in full and once per
// part with that part replaced by an empty stub; the difference is the part's share (compression is shared, so the
// shares do not add up exactly to the total). Writes docs/size.md. Run: npm run size:table (after npm run build).
import { build } from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { minifyCss } from './build/minify-css.mjs';
import { lentModules } from './build/lent.mjs';
import { fileURLToPath } from 'node:url';

// As in scripts/build.mjs: the script imports its placement module from next to itself instead of bundling it.
const scriptLoader = {
  name: 'script-loader',
  setup(b) {
    b.onResolve({ filter: /\/placement\/load\.ts$/ }, () => ({ path: new URL('../src/placement/load.script.ts', import.meta.url).pathname }));
    b.onResolve({ filter: /\/survey\/load-check\.ts$/ }, () => ({ path: new URL('../src/survey/load-check.script.ts', import.meta.url).pathname }));
  },
};
// As in the build: the CSS in css`…` templates is minified (scripts/build/minify-css.mjs).
const cssMinifier = {
  name: 'css-minifier',
  setup(b) {
    b.onLoad({ filter: /\/src\/.*\.ts$/ }, (a) => ({ contents: minifyCss(readFileSync(a.path, 'utf8')), loader: 'ts' }));
  },
};
const base = { define: { __CX_POPOVER_HASH__: '"0123456789"', __CX_SURVEY_HASH__: '"0123456789"' }, entryPoints: ['src/embed.ts'], bundle: true, minify: true, format: 'iife', write: false, target: 'es2022', conditions: ['browser', 'production'], tsconfig: 'tsconfig.json', logLevel: 'silent' };
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
// A stub that satisfies any named import: every export is a no-op function (the bundle is measured, never run).
const stubFor = (filter, names) => ({
  name: 'stub',
  setup(b) {
    b.onResolve({ filter }, (a) => (a.kind === 'entry-point' ? undefined : { path: a.path, namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: names.map((n) => `export const ${n} = () => {};`).join('\n') + '\nexport default {};', loader: 'js' }));
  },
});
const exportsOf = (file) => [...readFileSync(file, 'utf8').matchAll(/export (?:const|function|class|let) (\w+)/g)].map((m) => m[1]);
const size = async (plugins = [], options = {}) => gz((await build({ ...base, ...options, plugins: [scriptLoader, cssMinifier, ...plugins] })).outputFiles[0].contents);

const parts = [
  ['src/transport (outbox, delivery, locks)', /\/transport\/index\.ts$/, exportsOf('src/transport/index.ts').concat('getDelivery', 'newId', 'DEFAULTS')],
  ['src/element/touchpoint.ts + triggers, frequency, coordinator, route, API registry', /\/touchpoint\.ts$/, exportsOf('src/element/touchpoint.ts')],
  ['src/element/styles.ts (CSS)', /\/styles\.ts$/, ['styles']],
  ['src/i18n (English strings, resolution, lazy loader)', /\/i18n\/index\.ts$/, ['en', 'KEYS', 'format', 'parseStrings', 'strings', 'loadStrings', 'hasStrings', 'localeUrl', 'LOCALES', 'pickLocale', 'dir', 'resolveLang', 'watchLang', 'i18nController']],
  ['src/survey/config.ts (attribute and survey validation)', /\/survey\/config\.ts$/, exportsOf('src/survey/config.ts')],
  ['src/privacy (scrubbing, URL, GPC/DNT)', /\/privacy\/(scrub|url|signals)\.ts$/, ['scrub', 'pageUrl', 'wantsPrivacy']],
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
const lit = total - (await size([stubFor(/^lit$|^lit\/decorators\.js$/, ['LitElement', 'html', 'svg', 'css', 'nothing', 'property', 'state', 'noChange'])]));
rows.splice(1, 0, ['lit (LitElement, lit-html)', lit]);
const kib = (b) => (Number.isNaN(b) ? 'n/a' : `${(b / 1024).toFixed(2)} KiB`);
// The shipped files (npm run build), as npm run size measures them.
const shippedBytes = (...files) => (files.every((f) => existsSync(f)) ? files.reduce((n, f) => n + gz(readFileSync(f)), 0) : NaN);
const shipped = (...files) => {
  const b = shippedBytes(...files.map((f) => `dist/cx-feedback.${f}.js`));
  return Number.isNaN(b) ? 'n/a (run npm run build first)' : `${(b / 1024).toFixed(1)} KiB`;
};

// The core script (dist/cx-feedback.core.js).
const coreOptions = { entryPoints: ['src/core.ts'], define: { __CX_SCRIPT_HASH__: '"0123456789"', __CX_UI_HASH__: '"0123456789"', __CX_BUILD__: '"0123456789"' } };
const core = await size([], coreOptions);
const coreParts = [
  ['src/transport (outbox drain, delivery, locks)', /\/transport\/index\.ts$/, exportsOf('src/transport/index.ts').concat('getDelivery')],
  ['src/triggers (arming, quiet zones, attribute parsing)', /\/triggers\/index\.ts$/, ['startTrigger']],
];
const coreRows = [];
for (const [name, filter, names] of coreParts) coreRows.push([name, core - (await size([stubFor(filter, [...new Set(names)])], coreOptions))]);

// The survey UI (dist/cx-feedback.ui.js): the script's code with the modules the core lends resolved to
// src/core/borrowed.ts, as in scripts/build.mjs.
const borrow = {
  name: 'borrow',
  setup(b) {
    const lent = new Set(lentModules(fileURLToPath(new URL('..', import.meta.url))));
    b.onResolve({ filter: /^\./ }, (a) => (lent.has(join(a.resolveDir, a.path)) ? { path: new URL('../src/core/borrowed.ts', import.meta.url).pathname } : undefined));
  },
};
const ui = await size([borrow], { entryPoints: ['src/ui.ts'], define: { __CX_POPOVER_HASH__: '"0123456789"', __CX_SURVEY_HASH__: '"0123456789"', __CX_BUILD__: '"0123456789"' } });

// The placement module (dist/cx-feedback.popover.js), an ES module of its own.
const placementOptions = { entryPoints: ['src/placement/popover.ts'], format: 'esm' };
const placement = await size([], placementOptions);
const floating = placement - (await size([stubFor(/^@floating-ui\/dom$|^composed-offset-position$/, ['computePosition', 'autoUpdate', 'flip', 'shift', 'offset', 'hide', 'platform', 'offsetParent'])], placementOptions));
const md = `# What the script-tag bundle is made of

Measured by \`npm run size:table\` (scripts/size-table.mjs) on ${new Date().toISOString().slice(0, 10)}: esbuild-minified IIFE of
src/embed.ts, gzip -9, **${kib(total)}** in total (the shipped Vite build, with a terser pass, is a little smaller: see \`npm run size\`).
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

## The core script

\`dist/cx-feedback.core.js\` (src/core.ts) is the script for pages where a card shows rarely: it drains the outbox,
plans every widget and imports the survey UI only when one will show. No Lit and no zod: the stored state and queued
rows are checked by hand (src/frequency/state.ts, src/transport/payload-check.ts; a unit test holds them to the schemas).
esbuild-minified IIFE, gzip -9: **${kib(core)}** (budget 12 KiB).

| part | gzip |
|---|---|
${coreRows.map(([n, b]) => `| ${n} | ${kib(b)} |`).join('\n')}
| everything else (planning, frequency rules, routes, API queue, loader, what it lends the UI) | ${kib(core - coreRows.reduce((a, [, b]) => a + b, 0))} |

## The survey UI

\`dist/cx-feedback.ui.js\` (src/ui.ts) is what the core imports when a widget will show: the script's code without
the modules the core lends it (src/core/lend.ts: delivery and outbox, triggers, frequency rules and stored state,
routes, debug), so the page runs one copy of each. esbuild-minified IIFE, gzip -9: **${kib(ui)}**, against
${kib(total)} for the whole script measured the same way. A UI from another release than the core refuses to run and
the core loads \`cx-feedback.iife.js\` instead.

## The JSON survey check

\`dist/cx-feedback.survey.js\` (src/survey/check-survey.ts) is the check of a survey written as JSON (a child
\`<script type="application/json">\` or the \`survey\` property) with zod/mini: the only part of the widget that needs
zod. The script imports it, from the folder it was loaded from, for such a widget only; a widget set up by attributes
is checked by hand (src/survey/config.ts) and never downloads it. If it cannot load, it is asked for once more, then
the widget reports a configuration problem naming the file (console and \`cx-error\`). Shipped: ${shipped('survey')}.

## Against the budgets

| what a page loads (shipped files, gzip -9) | total | budget | hard cap |
|---|---|---|---|
| core script, nothing shows | ${shipped('core')} | 12 KiB | 12 KiB |
| script, inline widget set up by attributes, or nothing to show | ${shipped('iife')} | 28 KiB | 35 KiB |
| script + survey check: an inline widget with a JSON survey | ${shipped('iife', 'survey')} | 33 KiB | 35 KiB |
| script + placement module: a popover or floating card | ${shipped('iife', 'popover')} | 28 KiB | 35 KiB |
| core + survey UI + placement module: the core's popover shows | ${shipped('core', 'ui', 'popover')} | 28 KiB | 35 KiB |

\`npm run size\` fails above the hard cap for the script, above 12 KiB for the core, 28 KiB for the UI and 8 KiB for the
survey check, and for each page above a gate set just above its size today (size-budget.json).

What was done, measured on the shipped build (gzip -9) as each step landed: the single 41.9 KiB bundle became a
34.4 KiB script and a 6.5 KiB placement module; a terser pass after Vite's minifier (−0.5 KiB); Lit properties
declared statically instead of with decorators (−0.4 KiB); the core script for pages where a card shows rarely; the
core importing the survey UI, which borrows its delivery, triggers and rules, instead of the whole script (a page
where the core's popover shows: 49.4 → 42.8 KiB); zod/mini only for JSON surveys, with attributes, stored state,
string overrides and queued payloads checked by hand and held to the zod schemas by tests over one corpus
(script 36.4 → 28.6 KiB, UI 28.9 → 20.8 KiB; the core grew 0.9 KiB, because its shape-only payload check became the
full check every script shares).

What is left is the module graph of the next step: one ES build split by the bundler, so that each page downloads
only the chunks it uses and shares them by import instead of the core's lending.
`;
writeFileSync('docs/size.md', md);
console.log(md);
