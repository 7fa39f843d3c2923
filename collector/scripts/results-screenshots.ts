import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../test/support/engines/chromium.mjs';
import { createHandler } from '../src/handler.ts';
import { toNodeListener } from '../src/node-adapter.ts';
import { listen } from '../src/serve.ts';
import { openSqliteStore } from '../src/store/sqlite.ts';
import { journeyResponses } from './journey-data.ts';

/**
 * Screenshots of the results pages for docs/ (for people to look at; nothing compares them):
 *   npx tsx collector/scripts/results-screenshots.ts [count]
 * Seeds a temp SQLite file with synthetic journey data through the real insert path (rollups maintained at
 * ingest), serves it, and shoots the overview (light and dark, 1280 px) and a drill-down (375 px, light and dark).
 */
const count = Number(process.argv[2] ?? 20_000);
const now = Date.parse('2026-06-30T12:00:00Z');
const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'cx-shots-'));
const store = openSqliteStore(join(dir, 'shots.sqlite'), { synchronous: 'OFF' });
try {
  for (const r of journeyResponses(count, now)) await store.insertResponse(r);
  const server = await listen(toNodeListener(createHandler({ store, now: () => now })), 0, '127.0.0.1');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const shots = [
      { file: 'results-overview-light.png', path: '/results', width: 1280, colorScheme: 'light' },
      { file: 'results-overview-dark.png', path: '/results', width: 1280, colorScheme: 'dark' },
      {
        file: 'results-touchpoint-375.png',
        path: '/results/touchpoint?touchpoint=returns-portal',
        width: 375,
        colorScheme: 'light',
      },
      {
        file: 'results-touchpoint-375-dark.png',
        path: '/results/touchpoint?touchpoint=returns-portal',
        width: 375,
        colorScheme: 'dark',
      },
    ] as const;
    for (const s of shots) {
      const context = await browser.newContext({
        viewport: { width: s.width, height: 900 },
        colorScheme: s.colorScheme,
      });
      const page = await context.newPage();
      await page.goto(`${server.url.replace(/\/$/, '')}${s.path}`);
      await page.screenshot({ path: join(DOCS, s.file), fullPage: true });
      // For a closer look than a downscaled full page gives: the first screenful at full size.
      if (process.env.CX_SHOTS_TOP) await page.screenshot({ path: join(process.env.CX_SHOTS_TOP, s.file) });
      console.log(`docs/${s.file}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
