// Builds every artefact into dist/:
//   cx-feedback.iife.js  one self-contained classic script for a <script> tag (defines the element, drains the outbox)
//   index.js, define.js, schema.js  ES modules for npm users (lit, zod, floating-ui stay dependencies)
//   types/               declarations
//   payload.v1.schema.json  the JSON Schema of payload v1 (checked in under schema/, kept in sync by a unit test)
//   locales/<lang>.json  built-in strings per language, fetched lazily next to the script (English is inlined)
// Vite library mode cannot emit IIFE for several entries, hence one build call per format.
import { build } from 'vite';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { minifyCssPlugin } from './build/minify-css.mjs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const quiet = { logLevel: process.env.CX_BUILD_VERBOSE ? 'info' : 'warn', configFile: false, root };
rmSync(`${root}dist`, { recursive: true, force: true });

// Lit checks `process.env.NODE_ENV`-free "development" export conditions; production conditions drop dev-mode code.
const resolve = { conditions: ['browser', 'production', 'module', 'import', 'default'] };

await build({
  ...quiet,
  resolve,
  plugins: [minifyCssPlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    lib: { entry: 'src/embed.ts', formats: ['iife'], name: 'cxFeedbackBundle', fileName: () => 'cx-feedback.iife.js' },
    // i18n/load.ts reads document.currentScript first and import.meta.url only in the ES build: {} is what we want here.
    rolldownOptions: { checks: { emptyImportMeta: false } },
  },
});

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

mkdirSync(`${root}dist`, { recursive: true });
const { tsImport } = await import('tsx/esm/api');
const { localeFiles } = await tsImport('../src/i18n/build-locales.ts', import.meta.url);
for (const { fileName, source } of localeFiles()) {
  mkdirSync(dirname(`${root}dist/${fileName}`), { recursive: true });
  writeFileSync(`${root}dist/${fileName}`, source);
}
copyFileSync(`${root}schema/payload.v1.schema.json`, `${root}dist/payload.v1.schema.json`);
execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
console.log('built dist/');
