import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../../support/engines/chromium.mjs';
import { bundle } from './bundle.ts';
import { startFaultServer, type FaultServer, type PageOptions } from './fault-server.ts';

export { CHROMIUM };
// ../shared/TOOLCHAIN.md; playwright's default --disable-back-forward-cache is dropped so bfcache can be tested (R22).
const launchOptions = {
  executablePath: CHROMIUM,
  headless: true,
  args: CHROMIUM_ARGS,
  ignoreDefaultArgs: ['--disable-back-forward-cache'],
};

/** Short timings so retries happen within a test; each test may override. */
export const FAST = {
  baseMs: 100,
  capMs: 800,
  timeoutMs: 2000,
  rateLimitMs: 800,
  retryAfterCapMs: 300_000,
  openMs: 1000,
  leaseMs: 3000,
};

export type Tab = { page: Page; context: BrowserContext; warnings: string[]; errors: string[] };

export type Env = {
  server: FaultServer;
  browser: Browser;
  /** A fresh context (own storage) with one page on the test page. `init` runs before our script. */
  open(
    options?: PageOptions & { init?: string; goto?: string; before?: (c: BrowserContext) => Promise<unknown> },
  ): Promise<Tab>;
  /** Another page in the same context (same origin storage: another tab). */
  tab(context: BrowserContext, options?: PageOptions & { goto?: string }): Promise<Tab>;
  /** A persistent profile that survives closing the browser (the "next visit" of matrix R19/R21). */
  profile(): Promise<{ launch(): Promise<BrowserContext>; dispose(): Promise<void> }>;
  /** Errors we tolerate in this test (e.g. the console's own CSP report is not a page error). */
  allowErrors(): void;
};

const watch = (page: Page, tab: Pick<Tab, 'warnings' | 'errors'>) => {
  page.on('pageerror', (e) => tab.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m: ConsoleMessage) => m.type() == 'warning' && tab.warnings.push(m.text()));
};

/** One browser and one fault server per test file; every test gets fresh contexts and an empty server store. */
export function useEnv(): Env {
  const contexts: BrowserContext[] = [];
  const tabs: Tab[] = [];
  let allow = false;
  const env = {
    allowErrors: () => void (allow = true),
    async tab(context, options = {}) {
      const page = await context.newPage();
      const tab: Tab = { page, context, warnings: [], errors: [] };
      watch(page, tab);
      tabs.push(tab);
      await page.goto(options.goto ?? env.server.page({ ...options, cfg: { ...FAST, ...options.cfg } }));
      return tab;
    },
    async open(options = {}) {
      const context = await env.browser.newContext();
      contexts.push(context);
      if (options.init) await context.addInitScript(options.init);
      await options.before?.(context);
      return env.tab(context, options);
    },
    async profile() {
      const dir = await mkdtemp(join(tmpdir(), 'cx-e2e-'));
      let open: BrowserContext | undefined;
      return {
        async launch() {
          open = await chromium.launchPersistentContext(dir, launchOptions);
          return open;
        },
        async dispose() {
          await open?.close().catch(() => {});
          await rm(dir, { recursive: true, force: true });
        },
      };
    },
  } as Env;

  beforeAll(async () => {
    env.server = await startFaultServer(await bundle());
    env.browser = await chromium.launch(launchOptions);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  beforeEach(() => {
    env.server.reset();
    allow = false;
  });
  afterEach(async ({ task }) => {
    // A failure explains itself: what the receiver saw, and each page's delivery events and warnings.
    if (task.result?.state == 'fail') {
      const pages = await Promise.all(
        tabs.map(async (t) => ({
          url: t.page.url(),
          warnings: t.warnings,
          events: t.page.isClosed() ? 'closed' : await t.page.evaluate(() => window.cxTest?.events).catch(String),
        })),
      );
      console.log(`${task.name}:`, JSON.stringify({ received: env.server.received, pages }, null, 1));
    }
    // Host-page safety (matrix H04): no uncaught error and no unhandled rejection on any page of the test.
    const errors: string[] = [];
    for (const t of tabs) {
      errors.push(...t.errors);
      if (!t.page.isClosed())
        errors.push(...((await t.page.evaluate(() => window.__errors ?? []).catch(() => [])) as string[]));
    }
    tabs.length = 0;
    await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => {})));
    if (!allow) expect(errors).toEqual([]);
  });
  return env;
}

/** Polls until `f` returns a truthy value (assertions on the server's store, never on timing). */
export async function until<T>(f: () => T | Promise<T>, timeout = 10_000, what = 'condition'): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await f();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
