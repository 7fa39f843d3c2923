import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCollector } from '../collector/src/app.ts';
import { readConfig } from '../collector/src/config.ts';
import { requestUrl, toNodeListener } from '../collector/src/node-adapter.ts';
import { listen } from '../collector/src/serve.ts';

/**
 * The demo in one process (`npx tsx demo/server.ts`, or `npm start` after a build): the demo pages from demo/, the
 * built widget from dist/ at /dist/, and the reference collector for everything it answers. Loopback only, so the
 * collector's admin pages (results, exports) work without a token here.
 */
const DEMO_ROOT = fileURLToPath(new URL('.', import.meta.url));
const DIST_ROOT = fileURLToPath(new URL('../dist/', import.meta.url));

/** The CSP the demo pages are served with: it proves the widget needs no inline script or style. */
const DEMO_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; require-trusted-types-for 'script'; trusted-types lit-html cx-feedback";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const COLLECTOR_PATHS =
  /^\/(responses|results|results\/touchpoint|results\.css|healthz|export\.(csv|ndjson)|export\/summary\.csv)$|^\/api\//;

/**
 * Maps a URL path into `root`, or null. Decoded segments containing "..", backslashes or NUL are refused before
 * touching the disk, and the real path (symlinks resolved) must still lie inside the root.
 */
async function resolveFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\\') || s.includes('\0'))) return null;
  let file = join(root, ...segments);
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const real = await realpath(file);
    const realRoot = await realpath(root);
    return real.startsWith(realRoot + sep) && (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

function notFound(res: ServerResponse, hint = ''): void {
  res
    .writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' })
    .end(`Not found${hint}\n`);
}

async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const inDist = pathname.startsWith('/dist/');
  const file = await resolveFile(inDist ? DIST_ROOT : DEMO_ROOT, inDist ? pathname.slice('/dist'.length) : pathname);
  // The server's own source is not a demo asset.
  if (!file || (!inDist && file === fileURLToPath(import.meta.url))) {
    return notFound(res, inDist ? ' (is the widget built? run: npm run build)' : '');
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'content-type': type,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  if (type.startsWith('text/html'))
    Object.assign(headers, { 'content-security-policy': DEMO_CSP, 'referrer-policy': 'same-origin' });
  res.writeHead(200, headers);
  if (req.method === 'HEAD') res.end();
  else
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
}

const read = readConfig({ ...process.env, HOST: process.env.HOST ?? '127.0.0.1' });
if (!read.ok) {
  console.error(`cx-feedback demo: invalid configuration:\n  ${read.problems.join('\n  ')}`);
  process.exit(1);
}
const collector = await startCollector(read.config);
const collectorListener = toNodeListener(collector.handler);

const server = await listen(
  (req, res) => {
    const { pathname } = requestUrl(req.url);
    if (COLLECTOR_PATHS.test(pathname)) return collectorListener(req, res);
    serveStatic(req, res, pathname).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  },
  read.config.port,
  read.config.host,
);

const base = `http://localhost:${server.port}/`;
console.log(`cx-feedback demo: ${base}`);
console.log(`results: ${base}results`);

const stop = async () => {
  await server.close();
  await collector.stop();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
