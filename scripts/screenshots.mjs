// Screenshots of demo/gallery.html in headless Chromium, for a person to look at (they are not compared to anything).
//   node scripts/build.mjs && node scripts/screenshots.mjs [--only=light,dark,320,320-dark]
// Starts the demo server (demo/server.ts through tsx) on a free port with a throwaway SQLite file, opens the gallery
// in each variant (light and dark colour scheme at 1280 px, and 320 px wide), and writes
// screenshots/gallery-<variant>-<n>.png (gitignored).
// The page is shot in chunks of whole sections with the viewport as tall as the chunk: popovers are placed against
// the viewport, so an anchor below the fold would hide its card, and Chromium cannot shoot taller than ~16k px.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/support/engines/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(root, 'screenshots');
const CHUNK = 7000;
const VARIANTS = [
  { name: 'light', width: 1280, colorScheme: 'light' },
  { name: 'dark', width: 1280, colorScheme: 'dark' },
  { name: '320', width: 320, colorScheme: 'light' },
  { name: '320-dark', width: 320, colorScheme: 'dark' },
];

const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const variants = only ? VARIANTS.filter((v) => only.includes(v.name)) : VARIANTS;

if (!existsSync(join(root, 'dist/cx-feedback.iife.js'))) {
  console.error('screenshots: dist/ is missing; run `node scripts/build.mjs` first');
  process.exit(1);
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** The demo server on its own port and database; resolves once it prints its address. */
async function startDemo() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'cx-shots-'));
  // node --import tsx, not npx tsx: npx would leave the server running as an orphan when we stop it.
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CX_DB_PATH: join(dir, 'demo.sqlite') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo server did not start in 60 s:\n${log}`)), 60_000);
    const read = (chunk) => {
      log += chunk;
      if (log.includes('cx-feedback demo:')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`demo server exited (${code}):\n${log}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/gallery.html`,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const settle = (page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 150)))));

async function shoot(browser, url, variant) {
  const context = await browser.newContext({
    viewport: { width: variant.width, height: 900 },
    colorScheme: variant.colorScheme,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const problems = [];
  page.on(
    'console',
    (m) =>
      (m.type() == 'error' || m.type() == 'warning') &&
      !m.text().startsWith('Failed to load resource') &&
      problems.push(`${m.type()}: ${m.text()}`),
  );
  page.on('response', (r) => r.status() > 399 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForSelector('html[data-gallery="ready"]', { timeout: 30_000 });
  // Whole sections per chunk, each chunk no taller than CHUNK px.
  const sections = await page.$$eval('main > section', (list) =>
    list.map((s) => ({
      top: s.getBoundingClientRect().top + scrollY,
      bottom: s.getBoundingClientRect().bottom + scrollY,
    })),
  );
  const chunks = [];
  let start = 0;
  for (const s of sections) {
    if (s.bottom - start > CHUNK && s.top > start) {
      chunks.push([start, s.top]);
      start = s.top;
    }
  }
  chunks.push([start, await page.evaluate(() => document.scrollingElement.scrollHeight)]);
  const files = [];
  for (const [i, [top, bottom]] of chunks.entries()) {
    await page.setViewportSize({ width: variant.width, height: Math.ceil(bottom - top) });
    await page.evaluate((y) => scrollTo(0, y), top);
    await settle(page);
    const file = join(OUT, `gallery-${variant.name}-${i + 1}.png`);
    await page.screenshot({ path: file });
    files.push(file);
  }
  const overflow = await page.evaluate(
    () => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth,
  );
  await context.close();
  return { files, problems, overflow };
}

mkdirSync(OUT, { recursive: true });
const demo = await startDemo();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: CHROMIUM_ARGS,
});
let failed = false;
try {
  for (const variant of variants) {
    const { files, problems, overflow } = await shoot(browser, demo.url, variant);
    console.log(`${variant.name}: ${files.map((f) => f.slice(root.length)).join(', ')}`);
    if (overflow > 0) console.log(`  the page scrolls sideways by ${overflow}px`);
    for (const p of new Set(problems)) console.log(`  ${p}`);
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await browser.close();
  await demo.stop();
}
process.exit(failed ? 1 : 0);
