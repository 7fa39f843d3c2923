// Builds every artefact into dist/:
//   cx-feedback.js       the script a site owner pastes: a tiny classic script that imports the entry module
//   cx-feedback.entry-<hash>.js and cx-feedback.<chunk>-<hash>.js  the page's ES module graph (src/script/entry.ts):
//                        the entry, and the chunks loaded by need (ui: Lit and the element; popover: Floating UI;
//                        check-survey: zod/mini), each module once
//   cx-feedback.module.js  the entry under a stable name, for <script type="module">
//   cx-feedback.iife.js  the self-contained classic script, for hosts that cannot serve modules with CORS
//   cx-feedback.popover.js, cx-feedback.survey.js  placement and the JSON survey check, imported by cx-feedback.iife.js
//   index.js, define.js, schema.js  ES modules for npm users (lit, zod, floating-ui stay dependencies)
//   types/               declarations
//   payload.v1.schema.json  the JSON Schema of payload v1 (checked in under schema/, kept in sync by a unit test)
//   locales/<lang>.json  built-in strings per language, fetched lazily next to the script (English is inlined)
// Vite library mode cannot emit IIFE for several entries, hence one build call per format.
import { build } from 'vite';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';
import { dirname, resolve as resolvePath } from 'node:path';
import { COMPILE_HINT } from './build/compile-hint.mjs';
import { minifyCssPlugin } from './build/minify-css.mjs';
import { svelteTypes, vueTypes } from './build/framework-types.mjs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const quiet = { logLevel: process.env.CX_BUILD_VERBOSE ? 'info' : 'warn', configFile: false, root };
rmSync(`${root}dist`, { recursive: true, force: true });

// Lit checks `process.env.NODE_ENV`-free "development" export conditions; production conditions drop dev-mode code.
const resolve = { conditions: ['browser', 'production', 'module', 'import', 'default'] };

// A second minifier pass over what Vite wrote: terser still finds a few hundred bytes in each bundle (three passes,
// ES2020 output). Plain, safe compress options only: no unsafe_*, no property mangling.
async function terse(file, module = false, { calledOnLoad = false } = {}) {
  const out = await minify(readFileSync(file, 'utf8'), {
    module,
    ecma: 2020,
    compress: { passes: 3 },
    mangle: true,
    format: { comments: false },
  });
  // A file whose functions nearly all run as soon as it loads asks to be compiled eagerly (build/compile-hint.mjs).
  const code = calledOnLoad ? `${COMPILE_HINT}\n${out.code}` : out.code;
  writeFileSync(file, code);
  return code;
}
const hash = (code) => createHash('sha256').update(code).digest('hex').slice(0, 10);

/** A classic script for a <script> tag: one minified IIFE, then the terser pass. Returns a hash of what it wrote. */
async function classicScript(entry, fileName, name, { plugins = [], define = {}, calledOnLoad = false } = {}) {
  await build({
    ...quiet,
    resolve,
    plugins,
    define,
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      lib: { entry, formats: ['iife'], name, fileName: () => fileName },
      // src/util/script-url.ts reads document.currentScript, and import.meta.url only in ES builds: {} is what we want.
      rolldownOptions: { checks: { emptyImportMeta: false } },
    },
  });
  return hash(await terse(`${root}dist/${fileName}`, false, { calledOnLoad }));
}

/**
 * A module that the script-tag builds import from next to the script: one minified ES module with its dependencies
 * bundled in. Returns a hash of what it wrote: the script asks for the file with it, so a cached copy from an older
 * release is never paired with a newer script (hence these are built first).
 */
async function nextToScript(entry, fileName, { calledOnLoad = false } = {}) {
  await build({
    ...quiet,
    resolve,
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      lib: { entry, formats: ['es'], fileName: () => fileName },
      // Library mode keeps ES output readable (whitespace, names); this file is shipped as it is, so minify it fully.
      rolldownOptions: { output: { minify: true } },
    },
  });
  return hash(await terse(`${root}dist/${fileName}`, true, { calledOnLoad }));
}

// cx-feedback.popover.js: placement with Floating UI, imported when a popover or floating card first opens
// (src/placement/load.script.ts names the file).
const popoverHash = await nextToScript('src/placement/popover.ts', 'cx-feedback.popover.js', { calledOnLoad: true });
// cx-feedback.survey.js: the check of a survey written as JSON, with zod/mini, imported only for a widget whose survey
// is JSON (src/survey/load-check.script.ts), so attribute widgets never load zod.
const surveyHash = await nextToScript('src/survey/check-survey.ts', 'cx-feedback.survey.js');

// The script-tag builds load Floating UI and the JSON survey check from those files (the *.script.ts loaders)
// instead of bundling them.
const scriptLoader = {
  name: 'cx-script-loader',
  enforce: 'pre',
  resolveId(source, importer) {
    const path = importer && source.startsWith('.') ? resolvePath(dirname(importer), source) : source;
    if (path == `${root}src/placement/load.ts`) return `${root}src/placement/load.script.ts`;
    if (path == `${root}src/survey/load-check.ts`) return `${root}src/survey/load-check.script.ts`;
    return null;
  },
};
const loaderHashes = {
  __CX_POPOVER_HASH__: JSON.stringify(popoverHash),
  __CX_SURVEY_HASH__: JSON.stringify(surveyHash),
};

// cx-feedback.iife.js: the self-contained classic script, for hosts that cannot serve ES modules with CORS. It
// defines the element, starts delivery and draws its cards as soon as it runs, so it asks to be compiled eagerly too.
await classicScript('src/script/iife.ts', 'cx-feedback.iife.js', 'cxFeedbackBundle', {
  plugins: [minifyCssPlugin(), scriptLoader],
  define: loaderHashes,
  calledOnLoad: true,
});

// The page's module graph, split by the bundler: the entry (drains the outbox, plans widgets, arms triggers) and the
// chunks it or the element import by need (the survey UI with Lit, placement with Floating UI, the JSON survey check
// with zod/mini). Each module exists once on the page; chunk names carry a content hash, so a cached file of another
// release is never paired with this one.
const graph = await build({
  ...quiet,
  resolve,
  plugins: [minifyCssPlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    lib: { entry: { entry: 'src/script/entry.ts' }, formats: ['es'] },
    rolldownOptions: {
      output: {
        entryFileNames: 'cx-feedback.[name]-[hash].js',
        chunkFileNames: 'cx-feedback.[name]-[hash].js',
        minify: true,
      },
    },
  },
});
const chunks = (Array.isArray(graph) ? graph : [graph])
  .flatMap((out) => out.output)
  .filter((item) => item.type == 'chunk');
// The survey UI and placement run almost whole once loaded; the entry and zod's check only in part.
const calledOnLoad = (chunk) =>
  ['src/script/ui.ts', 'src/placement/popover.ts'].some((m) => chunk.moduleIds?.some((id) => id.endsWith(m)));
for (const chunk of chunks) await terse(`${root}dist/${chunk.fileName}`, true, { calledOnLoad: calledOnLoad(chunk) });
const entryFile = chunks.find((chunk) => chunk.isEntry).fileName;
// For scripts/size.mjs: which files a page downloads in each case.
const byModule = (suffix) =>
  chunks.find((chunk) => chunk.facadeModuleId?.endsWith(suffix) || chunk.moduleIds?.some((id) => id.endsWith(suffix)))
    ?.fileName;
mkdirSync(`${root}.tmp`, { recursive: true });
writeFileSync(
  `${root}.tmp/script-graph.json`,
  JSON.stringify(
    {
      entry: entryFile,
      ui: byModule('src/script/ui.ts'),
      popover: byModule('src/placement/popover.ts'),
      survey: byModule('src/survey/check-survey.ts'),
      imports: Object.fromEntries(chunks.map((chunk) => [chunk.fileName, chunk.imports])),
    },
    null,
    2,
  ),
);

// cx-feedback.js: the script a site owner pastes, a tiny classic script that imports the entry from its own folder;
// cx-feedback.module.js: the same entry under a stable name for `<script type="module">`.
await classicScript('src/script/loader.ts', 'cx-feedback.js', 'cxFeedbackLoader', {
  define: { __CX_ENTRY__: JSON.stringify(`./${entryFile}`) },
});
writeFileSync(`${root}dist/cx-feedback.module.js`, `import './${entryFile}';\n`);

await build({
  ...quiet,
  resolve,
  plugins: [minifyCssPlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: false,
    lib: { entry: { index: 'src/index.ts', define: 'src/define.ts', schema: 'src/schema/index.ts' }, formats: ['es'] },
    rollupOptions: { external: [/^lit/, /^@lit/, /^zod/, /^@floating-ui\//, 'composed-offset-position'] },
  },
});

// The entries under the `node` export condition (server-side rendering): the schemas as in the browser, and an
// element that exists only in a browser. Importing them never needs a DOM, which Lit's browser build (what
// `--conditions=browser` picks) does; a server renders the tag, and the browser's script upgrades it.
writeFileSync(
  `${root}dist/node.js`,
  `export * from './schema.js';
/** <cx-feedback> runs in a browser only; on a server, render the tag and let the browser upgrade it. */
export class CxFeedback {
  constructor() {
    throw new Error('cx-feedback: <cx-feedback> runs in a browser; on the server, render the tag and let the page load the script');
  }
}
/** The global cxFeedback() API exists in a browser only. */
export function installGlobalApi() {}
`,
);
writeFileSync(
  `${root}dist/node-define.js`,
  "// Nothing to register on a server.\nexport { CxFeedback } from './node.js';\n",
);

mkdirSync(`${root}dist`, { recursive: true });
const { tsImport } = await import('tsx/esm/api');
const { localeFiles } = await tsImport('../src/i18n/build-locales.ts', import.meta.url);
for (const { fileName, source } of localeFiles()) {
  mkdirSync(dirname(`${root}dist/${fileName}`), { recursive: true });
  writeFileSync(`${root}dist/${fileName}`, source);
}
copyFileSync(`${root}schema/payload.v1.schema.json`, `${root}dist/payload.v1.schema.json`);
execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.build.json`], {
  stdio: 'inherit',
});
// The script files' types: they define <cx-feedback> (and the global cxFeedback() queue) and export nothing.
writeFileSync(
  `${root}dist/types/script.d.ts`,
  `import type { CxFeedback } from './element/cx-feedback.js';

declare global {
  interface HTMLElementTagNameMap {
    'cx-feedback': CxFeedback;
  }
}
export {};
`,
);

// The Custom Elements Manifest and the JSX, Vue, Svelte and Solid typings generated from it
// (custom-elements-manifest.config.mjs), then the opt-in type entries per framework (`import type {} from
// 'cx-feedback/react'`): a global JSX augmentation would leak into projects without that framework.
execFileSync(
  process.execPath,
  [`${root}node_modules/@custom-elements-manifest/analyzer/cem.js`, 'analyze', '--quiet'],
  { cwd: root, stdio: 'inherit' },
);
const jsxEntry = (module) => `import type { CustomElements } from './jsx.js';

declare module '${module}' {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
`;
const manifest = JSON.parse(readFileSync(`${root}dist/custom-elements.json`, 'utf8'));
const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'cx-feedback');
writeFileSync(`${root}dist/types/frameworks/vue.d.ts`, vueTypes(element));
writeFileSync(`${root}dist/types/frameworks/svelte.d.ts`, svelteTypes(element));
writeFileSync(`${root}dist/types/frameworks/react.d.ts`, jsxEntry('react'));
writeFileSync(`${root}dist/types/frameworks/preact.d.ts`, jsxEntry('preact'));
// Type-only entries still need a module to resolve to at run time: an empty one.
mkdirSync(`${root}dist/frameworks`, { recursive: true });
writeFileSync(
  `${root}dist/frameworks/types-only.js`,
  '// cx-feedback/<framework> entries carry types only.\nexport {};\n',
);
console.log('built dist/');
