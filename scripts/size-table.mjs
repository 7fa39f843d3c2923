// What each part of the script-tag bundle costs, gzip: the bundle is rebuilt with esbuild once in full and once per
// part with that part replaced by an empty stub; the difference is the part's share (compression is shared, so the
// shares do not add up exactly to the total). Writes docs/size.md. Run: npm run size:table (after npm run build).
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const base = { entryPoints: ['src/embed.ts'], bundle: true, minify: true, format: 'iife', write: false, target: 'es2022', conditions: ['browser', 'production'], tsconfig: 'tsconfig.json', logLevel: 'silent' };
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
const size = async (plugins = []) => gz((await build({ ...base, plugins })).outputFiles[0].contents);

const parts = [
  ['zod/mini (schemas: survey, payload, stored state, string overrides)', /^zod/, ['z']],
  ['@floating-ui/dom + composed-offset-position (popover placement)', /^@floating-ui\/dom$|^composed-offset-position$/, ['computePosition', 'autoUpdate', 'flip', 'shift', 'offset', 'hide', 'platform', 'offsetParent', 'detectOverflow']],
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
rows.splice(2, 0, ['lit (LitElement, lit-html)', lit]);
const kib = (b) => (Number.isNaN(b) ? 'n/a' : `${(b / 1024).toFixed(2)} KiB`);
const md = `# What the script-tag bundle is made of

Measured by \`npm run size:table\` (scripts/size-table.mjs) on ${new Date().toISOString().slice(0, 10)}: esbuild-minified IIFE of
src/embed.ts, gzip -9, **${kib(total)}** in total (the shipped Vite/oxc build is a little smaller: see \`npm run size\`).
Each row is the bundle minus the same bundle with that part stubbed out, so shared compression makes the rows add
up to a little more or less than the total.

| part | gzip |
|---|---|
${rows.map(([n, b]) => `| ${n} | ${kib(b)} |`).join('\n')}
| everything else (element, render, options, icons, survey flow/payload, schema messages, util) | ${kib(total - rows.reduce((a, [, b]) => a + (b || 0), 0))} |
`;
writeFileSync('docs/size.md', md);
console.log(md);
