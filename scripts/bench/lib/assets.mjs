// Everything the benchmark pages load, read into memory once: a rebuild of dist/ by someone else during a run cannot
// change what is measured halfway. Bytes are reported as served (raw) and as gzip -9 would send them.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const ROOT = new URL('../../../', import.meta.url);
const PAGES = new URL('../pages/', import.meta.url);
/** A file inside an installed package (read by path: package `exports` do not list the bundles we load). */
const pkgFile = (pkg, file) => new URL(`node_modules/${pkg}/${file}`, ROOT);
const versionOf = (pkg) => JSON.parse(readFileSync(pkgFile(pkg, 'package.json'), 'utf8')).version;

const entry = (body, type = 'text/javascript') => ({ body: Buffer.from(body), type });

async function bundle(file, globalName) {
  const r = await build({
    entryPoints: [file],
    bundle: true,
    format: 'iife',
    globalName,
    minify: true,
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return r.outputFiles[0].text;
}

const built = () =>
  [
    'dist/cx-feedback.js',
    'dist/cx-feedback.iife.js',
    'dist/cx-feedback.popover.js',
    'dist/locales/en.json',
    '.tmp/script-graph.json',
  ].every((f) => existsSync(new URL(f, ROOT)));

/**
 * Measures the dist/ that is there. A build under way removes dist/ and then fills it: while dist/ is there but
 * incomplete (or briefly gone), wait for it, up to 30 s; with no dist/ at all (a fresh clone), build it ourselves.
 */
export async function ensureDist() {
  for (let i = 0; i < 60 && !built() && (i < 6 || existsSync(new URL('dist/', ROOT))); i++)
    await new Promise((ok) => setTimeout(ok, 500));
  if (built()) return;
  execFileSync(process.execPath, [new URL('scripts/build.mjs', ROOT).pathname], {
    stdio: ['ignore', 'ignore', 'inherit'],
    cwd: ROOT,
  });
}

/** url path → { body, type }, plus the package versions of the side-by-side bundles. */
export async function loadAssets() {
  await ensureDist();
  const files = new Map();
  // cx-feedback.js and its module graph, the classic cx-feedback.iife.js and the files it imports next to it.
  for (const f of readdirSync(new URL('dist/', ROOT)).filter((name) => /^cx-feedback\.(.*\.)?js$/.test(name)))
    files.set(`/dist/${f}`, entry(readFileSync(new URL(`dist/${f}`, ROOT))));
  for (const f of readdirSync(new URL('dist/locales/', ROOT)))
    files.set(`/dist/locales/${f}`, entry(readFileSync(new URL(`dist/locales/${f}`, ROOT)), 'application/json'));
  for (const f of readdirSync(PAGES)) {
    const type = f.endsWith('.css') ? 'text/css' : f.endsWith('.html') ? 'text/html' : 'text/javascript';
    files.set(`/pages/${f}`, entry(readFileSync(new URL(f, PAGES)), type));
  }
  files.set('/assets/baseline.js', entry(await bundle(new URL('baseline.js', PAGES).pathname)));
  const versions = { lit: versionOf('lit') };
  const vendor = [
    ['posthog-js', '/assets/posthog/array.js', 'dist/array.js'],
    ['posthog-js', '/assets/posthog/surveys.js', 'dist/surveys.js'],
    ['@formbricks/surveys', '/assets/formbricks/surveys.umd.js', 'dist/index.umd.js'],
  ];
  for (const [pkg, path, file] of vendor) {
    try {
      files.set(path, entry(readFileSync(pkgFile(pkg, file))));
      versions[pkg] = versionOf(pkg);
    } catch {
      /* not installed: the variant is reported as unavailable */
    }
  }
  // @formbricks/js ships only ES/CJS modules (a loader that fetches the SDK from the Formbricks app); one IIFE of it.
  try {
    files.set(
      '/assets/formbricks/js.iife.js',
      entry(await bundle(pkgFile('@formbricks/js', 'dist/index.js').pathname, 'formbricksJs')),
    );
    versions['@formbricks/js'] = versionOf('@formbricks/js');
  } catch {
    /* not installed */
  }
  return { files, versions };
}

/** Raw and gzip bytes of the listed asset paths, summed. */
export function bytesOf(files, paths) {
  let raw = 0;
  let gzip = 0;
  for (const p of paths) {
    const f = files.get(p);
    if (!f) return undefined;
    raw += f.body.length;
    gzip += gzipSync(f.body, { level: 9 }).length;
  }
  return { raw, gzip };
}
