import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from './support/harness.ts';

/**
 * The newcomer's path, end to end: the built script (dist/cx-feedback.js and its module graph, built by `npm test`
 * before this runs; cx-feedback.iife.js where a test says so) on the demo pages, served with their strict CSP (Trusted Types enforced) by demo/server.ts, posting to
 * the real collector (SQLite in a temp folder). What the collector stored is the assertion.
 */
let server: ChildProcess;
let base = '';
let dir = '';
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cx-demo-'));
  server = spawn(process.execPath, ['--import', 'tsx', 'demo/server.ts'], {
    env: { ...process.env, PORT: '0', CX_DB_PATH: join(dir, 'demo.sqlite') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d) => {
      out += d;
      const m = /demo: (http:\/\/localhost:\d+\/)/.exec(out);
      if (m) resolve(m[1]);
    });
    server.once('exit', (code) => reject(new Error(`demo server exited (${code}): ${out}`)));
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
}, 60_000);

/** The pages the running test opened, with what each collected: printed when the test fails. */
const opened: { page: Page; problems: string[] }[] = [];

afterEach(async ({ task }) => {
  const pages = opened.splice(0);
  if (task.result?.state != 'fail') return;
  for (const { page, problems } of pages) {
    const state = await page
      .evaluate(() =>
        [...document.querySelectorAll('cx-feedback')].map((el) => ({
          element: el.outerHTML.slice(0, el.outerHTML.indexOf('>') + 1),
          defined: !!customElements.get('cx-feedback'),
          shadow: el.shadowRoot?.innerHTML.replace(/<!--[^>]*-->/g, '').slice(0, 400) ?? null,
        })),
      )
      .catch((error: unknown) => String(error));
    const files = await ours(page).catch(() => []);
    console.log(`${task.name}: ${page.url()}`, JSON.stringify({ problems, files, state }, null, 1));
  }
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
  if (dir) await rm(dir, { recursive: true, force: true });
});

type Stored = {
  payload: {
    touchpoint: string;
    answers: { questionId: string; value: unknown }[];
    followUpOf?: string;
    id: string;
    context: Record<string, unknown>;
  };
};

async function stored(touchpoint: string, count: number): Promise<Stored['payload'][]> {
  const end = Date.now() + 10_000;
  for (;;) {
    const res = await fetch(`${base}responses?touchpoint=${touchpoint}&limit=100`);
    const body = (await res.json()) as { responses: (Stored | Stored['payload'])[] };
    const list = body.responses.map((r) => ('payload' in r ? r.payload : r));
    if (list.length >= count || Date.now() > end) return list;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A fresh visitor: own storage; collects page errors, CSP violations and our console warnings. `prepare` runs before
 * the page opens (routes that fail or rewrite requests).
 */
async function visit(
  path: string,
  prepare?: (context: BrowserContext) => Promise<unknown>,
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext();
  await prepare?.(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on(
    'console',
    (m) =>
      ((m.type() == 'error' && !m.location().url.endsWith('/favicon.ico')) ||
        (m.type() == 'warning' && m.text().startsWith('cx-feedback'))) &&
      problems.push(`${m.type()}: ${m.text()}`),
  );
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  opened.push({ page, problems });
  await page.goto(base + path);
  return { page, problems };
}

const inShadow = (page: Page, host: string, selector: string) => page.locator(host).locator(selector);

/** The entry module ran: it installs the API after arming the triggers. */
const entryRan = (p: Page) =>
  p.waitForFunction(() => !!(window as { cxFeedback?: { loaded?: boolean } }).cxFeedback?.loaded);

/** Our files the page downloaded, in order, with content hashes left out: `entry`, `ui`, `popover`, `cx-feedback.js`… */
const ours = (p: Page) =>
  p.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((r) => new URL(r.name).pathname)
      .filter((n) => n.startsWith('/dist/') && n.endsWith('.js'))
      .map((n) => n.slice(6).replace(/^cx-feedback\.([\w-]+)-[\w-]{8}\.js$/, '$1')),
  );

describe('demo pages with the built script and the real collector', () => {
  it('help article: thumbs down, then the follow-up; both stored, linked, under the strict CSP', async () => {
    const { page, problems } = await visit('help-article.html');
    await inShadow(page, 'cx-feedback', '[part~="option"][data-value="0"]').click();
    await inShadow(page, 'cx-feedback', 'textarea').fill(
      'The label printer step is missing. Mail me at jane@example.com',
    );
    await inShadow(page, 'cx-feedback', 'button.primary').click();
    await expect.poll(() => inShadow(page, 'cx-feedback', '[part="thanks"]').textContent()).toBe('Thank you!');
    const rows = await stored('help-article-42', 2);
    const first = rows.find((r) => !r.followUpOf)!;
    const follow = rows.find((r) => r.followUpOf)!;
    expect(first.answers).toEqual([{ questionId: 'thumbs', type: 'thumbs', value: 0 }]);
    expect(follow.followUpOf).toBe(first.id);
    // Scrubbed in the browser before it was queued.
    expect(follow.answers[0].value).toBe('The label printer step is missing. Mail me at [email]');
    // An inline widget never needs the placement module or zod, so the page never downloads them.
    expect(await ours(page)).toEqual(['cx-feedback.js', 'entry', 'id', 'ui']);
    expect(problems).toEqual([]);
  });

  it('help article with reactions: a negative emotion is stored with its stage, and the thank-you offers the chat', async () => {
    const { page, problems } = await visit('help-reaction.html');
    expect(await inShadow(page, 'cx-feedback', '[part~="option"][data-value="frustrated"]').textContent()).toContain(
      'Frustrated',
    );
    await inShadow(page, 'cx-feedback', '[part~="option"][data-value="frustrated"]').click();
    await inShadow(page, 'cx-feedback', 'button.primary').click(); // the follow-up, left empty
    const link = inShadow(page, 'cx-feedback', 'a[part="recovery"]');
    expect(await link.textContent()).toBe('Sorry about that. Chat with us');
    const [row] = await stored('help-article-7', 1);
    expect(row.answers).toEqual([{ questionId: 'reaction', type: 'reaction', value: 'frustrated' }]);
    expect(row.context).toMatchObject({ stage: 'support' });
    await link.click();
    await page.waitForURL(`${base}support.html`);
    expect(problems).toEqual([]);
  });

  it('product page: "Did you find what you came for?" No, then what they looked for; stored at the discover stage', async () => {
    const { page, problems } = await visit('product.html');
    await inShadow(page, 'cx-feedback', '[part~="option"][data-value="0"]').click();
    await inShadow(page, 'cx-feedback', 'textarea').fill('Sizes for wide feet');
    await inShadow(page, 'cx-feedback', 'button.primary').click();
    const rows = await stored('product-page', 2);
    expect(rows.find((r) => !r.followUpOf)).toMatchObject({
      answers: [{ type: 'task', value: 0 }],
      context: { stage: 'discover' },
    });
    expect(rows.find((r) => r.followUpOf)?.answers[0]).toMatchObject({ value: 'Sizes for wide feet' });
    expect(problems).toEqual([]);
  });

  it('loading the script twice, and the classic one too, defines the element once and breaks nothing', async () => {
    // A page of our own (the demo's Trusted Types policy forbids injecting a second script tag from the test).
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.route(`${base}twice.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><script src="/dist/cx-feedback.js"></script><script src="/dist/cx-feedback.js" defer></script><script src="/dist/cx-feedback.iife.js" defer></script>
          <cx-feedback endpoint="/responses" touchpoint="twice" question="thumbs"></cx-feedback>`,
      }),
    );
    await page.goto(`${base}twice.html`);
    await page.waitForLoadState('load');
    await inShadow(page, 'cx-feedback', '[part~="option"][data-value="1"]').click();
    await expect.poll(() => inShadow(page, 'cx-feedback', '[part="thanks"]').count()).toBe(1);
    expect(await stored('twice', 1)).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  it('checkout: "Place order" opens the effort popover next to the summary without taking focus; one tap is stored', async () => {
    const { page, problems } = await visit('checkout.html');
    const before = await page.evaluate(() => document.getElementById('place-order')!.getBoundingClientRect().top);
    await page.click('#place-order');
    const card = inShadow(page, 'cx-feedback[mode="popover"]', '.card[data-placement]');
    await card.waitFor();
    // Anchored by the placement chunk the element imported when the card opened, not left in the corner.
    expect(await card.getAttribute('data-placement')).toMatch(/^(top|bottom|left|right)/);
    expect(await ours(page)).toContain('popover');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('place-order');
    expect(await page.evaluate(() => document.getElementById('place-order')!.getBoundingClientRect().top)).toBe(before);
    await inShadow(page, 'cx-feedback[mode="popover"]', '[part~="option"][data-value="6"]').click();
    const [row] = await stored('checkout', 1);
    expect(row.answers[0]).toMatchObject({ type: 'ces', value: 6 });
    expect(row.context).toMatchObject({ placement: 'popover', trigger: 'event:order-complete' });
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
  });

  it('checkout: the corner launcher opens the card on demand and Escape gives focus back', async () => {
    const { page, problems } = await visit('checkout.html');
    const launcher = inShadow(page, 'cx-feedback[mode="floating"]', '[part="launcher"]');
    await launcher.click();
    await inShadow(page, 'cx-feedback[mode="floating"]', '.card[data-placement]').waitFor();
    await page.keyboard.press('Escape');
    await expect
      .poll(() =>
        page.evaluate(() =>
          document.querySelector('cx-feedback[mode="floating"]')!.shadowRoot!.activeElement?.getAttribute('part'),
        ),
      )
      .toBe('launcher');
    expect(problems).toEqual([]);
  });

  it('checkout: when the placement module cannot load, the popover opens in the corner, says why, and still takes the answer', async () => {
    const { page, problems } = await visit('checkout.html', (context) =>
      context.route(/cx-feedback\.popover-/, (route) => route.abort()),
    );
    await page.click('#place-order');
    const card = inShadow(page, 'cx-feedback[mode="popover"]', '.card[data-placement]');
    await card.waitFor();
    expect(await card.getAttribute('data-placement')).toBe('corner');
    await expect.poll(() => card.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await inShadow(page, 'cx-feedback[mode="popover"]', '[part~="option"][data-value="2"]').click();
    expect((await stored('checkout', 2)).some((r) => (r.answers[0] as { value: unknown }).value === 2)).toBe(true);
    // The browser's own "failed to load" error may be there too; ours says what happened, and nothing was thrown.
    expect(problems.filter((p) => p.startsWith('warning'))).toEqual([expect.stringContaining('the placement module')]);
    expect(problems.filter((p) => p.startsWith('pageerror'))).toEqual([]);
  });

  it('the placement chunk is tried twice per open, and again on the next open after both failed', async () => {
    let block = true;
    const urls: string[] = [];
    const { page } = await visit('checkout.html', (context) =>
      context.route(
        /cx-feedback\.popover-/,
        (route) => (urls.push(route.request().url()), block ? route.abort() : route.continue()),
      ),
    );
    const launcher = inShadow(page, 'cx-feedback[mode="floating"]', '[part="launcher"]');
    const card = inShadow(page, 'cx-feedback[mode="floating"]', '.card[data-placement]');
    await launcher.click();
    await card.waitFor();
    expect(await card.getAttribute('data-placement')).toBe('corner');
    expect(urls.length, urls.join()).toBeGreaterThanOrEqual(2);
    const failed = urls.length;
    await launcher.click(); // the launcher toggles: this closes the card
    await card.waitFor({ state: 'detached' });
    block = false;
    await launcher.click();
    await expect.poll(() => card.getAttribute('data-placement')).toMatch(/^(top|bottom|left|right)/);
    // Browsers fetch a module again after a failed fetch: the same URL each time.
    expect(urls.length).toBeGreaterThan(failed);
    expect(new Set(urls).size).toBe(1);
  });

  it('the classic script (cx-feedback.iife.js) retries its placement file under another URL after a failed load', async () => {
    let block = true;
    const urls: string[] = [];
    const { page } = await visit('classic.html', async (context) => {
      await context.route(`${base}classic.html`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><script src="/dist/cx-feedback.iife.js"></script>
            <cx-feedback endpoint="/responses" touchpoint="classic" question="csat" mode="floating"></cx-feedback>`,
        }),
      );
      await context.route(
        /cx-feedback\.popover\.js/,
        (route) => (urls.push(route.request().url()), block ? route.abort() : route.continue()),
      );
    });
    const launcher = inShadow(page, 'cx-feedback', '[part="launcher"]');
    const card = inShadow(page, 'cx-feedback', '.card[data-placement]');
    await launcher.click();
    await card.waitFor();
    expect(await card.getAttribute('data-placement')).toBe('corner');
    await launcher.click();
    await card.waitFor({ state: 'detached' });
    block = false;
    await launcher.click();
    await expect.poll(() => card.getAttribute('data-placement')).toMatch(/^(top|bottom|left|right)/);
    expect(urls.at(-1)).toMatch(/\?v=\w+&retry=\d+$/);
    expect(new Set(await ours(page))).toEqual(new Set(['cx-feedback.iife.js', 'cx-feedback.popover.js']));
  });

  it('a nonce-only CSP: every chunk imported by the nonced script loads too (the nonce carries over to import())', async () => {
    const { page, problems } = await visit('nonce.html', (context) =>
      context.route(`${base}nonce.html`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          headers: { 'Content-Security-Policy': "script-src 'nonce-cx123'; connect-src 'self'; style-src 'self'" },
          body: `<!doctype html><script nonce="cx123" src="/dist/cx-feedback.js"></script>
            <cx-feedback endpoint="/responses" touchpoint="nonce" question="csat" mode="floating"></cx-feedback>`,
        }),
      ),
    );
    await inShadow(page, 'cx-feedback', '[part="launcher"]').click();
    const card = inShadow(page, 'cx-feedback', '.card[data-placement]');
    await card.waitFor();
    expect(await card.getAttribute('data-placement')).toMatch(/^(top|bottom|left|right)/);
    expect(await ours(page)).toEqual(['cx-feedback.js', 'entry', 'id', 'ui', 'popover']);
    expect(problems).toEqual([]);
  });

  it('order tracking: only the entry until "delivered"; then the question opens and is stored; reset asks again', async () => {
    const { page, problems } = await visit('delivery.html');
    await entryRan(page);
    expect(await ours(page)).toEqual(['cx-feedback.js', 'entry', 'id']);
    await page.click('#delivered');
    const card = inShadow(page, 'cx-feedback', '.card[data-placement]');
    await card.waitFor();
    expect(await card.getAttribute('data-placement')).toMatch(/^(top|bottom|left|right)/);
    // The prompt is personalised from metadata; "better than expected" is stored with the journey stage.
    expect(await inShadow(page, 'cx-feedback', 'legend').textContent()).toBe(
      'How did the delivery of your trail shoes compare with what you expected?',
    );
    await inShadow(page, 'cx-feedback', '[part~="option"][data-value="3"]').click();
    const [row] = await stored('delivery', 1);
    expect(row.context).toMatchObject({ placement: 'popover', trigger: 'event:delivered', stage: 'receive' });
    expect(row.answers).toEqual([{ questionId: 'expectation', type: 'expectation', value: 3 }]);
    // "Forget my answers" reloads the page: the entry, on its own, lets the question through again.
    await page.click('#reset');
    await page.waitForLoadState('load');
    await page.click('#delivered');
    await card.waitFor();
    expect(problems).toEqual([]);
  });

  it('single-page app: the delivery question opens on its route and closes when the route changes', async () => {
    const { page, problems } = await visit('spa.html#/orders');
    await page.click('a[href="#/delivery"] >> nth=0');
    const card = inShadow(page, 'cx-feedback', '.card[data-placement]');
    await card.waitFor({ timeout: 10_000 });
    await page.click('header a[href="#/orders"]');
    await card.waitFor({ state: 'detached' });
    expect(problems.filter((p) => !p.startsWith('warning'))).toEqual([]);
  });
});

describe('the module graph (cx-feedback.js) on a page where the card shows rarely', () => {
  const CSP =
    "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html cx-feedback";
  /** A checkout page of our own with the script and one popover that waits for `trigger`. */
  const page =
    (touchpoint: string, { widget = true, trigger = 'event:order-complete' } = {}) =>
    (context: BrowserContext) =>
      context.route(`${base}graph-${touchpoint}.html`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          headers: { 'Content-Security-Policy': CSP },
          body: `<!doctype html><script src="/dist/cx-feedback.js" defer></script>
          <main><h1>Thank you for your order</h1><p id="summary">Order summary</p></main>
          ${widget ? `<cx-feedback endpoint="/responses" touchpoint="${touchpoint}" question="ces" mode="popover" anchor="#summary" trigger="${trigger}"></cx-feedback>` : ''}`,
        }),
      );
  const orderComplete = (p: Page) => p.evaluate(() => document.dispatchEvent(new CustomEvent('order-complete')));

  it('loads only the entry until the event; then the UI and placement, opens anchored, stores the tap; answered, the next visit loads nothing more', async () => {
    const { page: p, problems } = await visit('graph-a.html', page('a'));
    await p.waitForLoadState('load');
    await entryRan(p);
    expect(await ours(p)).toEqual(['cx-feedback.js', 'entry', 'id']);
    expect(await p.evaluate(() => !!customElements.get('cx-feedback'))).toBe(false);
    // No answer was ever queued on this origin: the peek into the outbox creates no database.
    expect(await p.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);

    await orderComplete(p);
    const card = inShadow(p, 'cx-feedback', '.card[data-placement]');
    await card.waitFor();
    expect(await card.getAttribute('data-placement')).toMatch(/^(top|bottom|left|right)/);
    expect(await ours(p)).toEqual(['cx-feedback.js', 'entry', 'id', 'ui', 'popover']);
    await inShadow(p, 'cx-feedback', '[part~="option"][data-value="6"]').click();
    const [row] = await stored('a', 1);
    expect(row.context).toMatchObject({ placement: 'popover', trigger: 'event:order-complete' });

    // Same visitor, next visit: the rules (until answered) say no in the entry, so the element is never fetched.
    await p.reload();
    await p.waitForLoadState('load');
    await entryRan(p);
    await orderComplete(p);
    // The decision is taken in the event's handler; anything it started would be on the network now.
    await p.waitForLoadState('networkidle');
    expect(await ours(p)).toEqual(['cx-feedback.js', 'entry', 'id']);
    expect(problems).toEqual([]);
  });

  it('a popover with a timed trigger: the UI and placement are fetched at idle, the element starts only when it fires', async () => {
    const { page: p, problems } = await visit('graph-timed.html', page('timed', { trigger: 'delay:3' }));
    await expect.poll(() => ours(p)).toEqual(['cx-feedback.js', 'entry', 'id', 'ui', 'popover']);
    expect(await p.evaluate(() => !!customElements.get('cx-feedback'))).toBe(false);
    await inShadow(p, 'cx-feedback', '.card[data-placement]').waitFor({ timeout: 10_000 });
    expect(await ours(p)).toEqual(['cx-feedback.js', 'entry', 'id', 'ui', 'popover']);
    expect(problems).toEqual([]);
  });

  it('the UI chunk cannot load: tried twice, then one warning and cx-error (kind load), nothing thrown; the next trigger loads it', async () => {
    let block = true;
    const tries: string[] = [];
    const { page: p, problems } = await visit('graph-f.html', async (context) => {
      await page('f')(context);
      await context.route(
        /cx-feedback\.ui-/,
        (route) => (tries.push(route.request().url()), block ? route.abort() : route.continue()),
      );
    });
    await entryRan(p);
    await p.evaluate(() =>
      document
        .querySelector('cx-feedback')!
        .addEventListener(
          'cx-error',
          (e) => ((window as { loadError?: unknown }).loadError = (e as CustomEvent).detail),
        ),
    );
    await orderComplete(p);
    await p.waitForFunction(() => !!(window as { loadError?: unknown }).loadError);
    expect(await p.evaluate(() => (window as { loadError?: { kind: string } }).loadError!.kind)).toBe('load');
    expect(tries).toHaveLength(2);
    expect(problems.filter((x) => x.startsWith('warning'))).toEqual([
      expect.stringContaining('the survey UI did not load'),
    ]);
    expect(problems.filter((x) => x.startsWith('pageerror'))).toEqual([]);
    block = false;
    await orderComplete(p);
    await inShadow(p, 'cx-feedback', '.card[data-placement]').waitFor();
  });

  it('cx-feedback.js pasted inline instead of loaded by src: one clear warning, nothing thrown', async () => {
    const { readFile } = await import('node:fs/promises');
    const loader = await readFile(new URL('../../dist/cx-feedback.js', import.meta.url), 'utf8');
    const { page: p, problems } = await visit('graph-inline.html', (context) =>
      context.route(`${base}graph-inline.html`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><script>${loader}</script><cx-feedback endpoint="/responses" touchpoint="inline-loader" question="csat"></cx-feedback>`,
        }),
      ),
    );
    await p.waitForLoadState('load');
    expect(problems).toEqual([
      expect.stringMatching(
        /^warning: cx-feedback: cx-feedback\.js must be loaded with <script src>.*cx-feedback\.iife\.js/,
      ),
    ]);
  });

  it('sends an answer left in the outbox by an earlier visit, on a page with no widget at all', async () => {
    let down = true;
    const { page: p } = await visit('graph-b.html', async (context) => {
      await page('b')(context);
      await page('b-empty', { widget: false })(context);
      await context.route(`${base}responses`, (route) => (down ? route.abort() : route.continue()));
    });
    await entryRan(p);
    await orderComplete(p);
    await inShadow(p, 'cx-feedback', '[part~="option"][data-value="3"]').click();
    await expect.poll(() => inShadow(p, 'cx-feedback', '[part="status"]').textContent()).toContain('Saved');
    expect(await stored('b', 0)).toEqual([]);
    await p.goto(`${base}graph-b-empty.html`);
    await entryRan(p);
    // The receiver comes back only now: the earlier page's retries ended with it, so what arrives is this page's.
    down = false;
    const [row] = await stored('b', 1);
    expect(row.answers[0]).toMatchObject({ value: 3 });
    // Delivery comes with the UI chunk; the element is not defined on a page without a widget.
    expect(await ours(p)).toEqual(['cx-feedback.js', 'entry', 'id', 'ui']);
    expect(await p.evaluate(() => !!customElements.get('cx-feedback'))).toBe(false);
  });

  it('a consent manager calling cxFeedback("consent", true) on a page where nothing shows loads nothing more', async () => {
    const { page: p, problems } = await visit('graph-consent.html', (context) =>
      context.route(`${base}graph-consent.html`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><script>window.cxFeedback=window.cxFeedback||function(){(cxFeedback.q=cxFeedback.q||[]).push(arguments)}</script>
            <script src="/dist/cx-feedback.js" defer></script><script>cxFeedback('consent', true)</script>`,
        }),
      ),
    );
    await entryRan(p);
    await p.evaluate(() =>
      (window as unknown as { cxFeedback: (c: string, v: boolean) => void }).cxFeedback('consent', true),
    );
    await p.waitForLoadState('networkidle');
    expect(await ours(p)).toEqual(['cx-feedback.js', 'entry', 'id']);
    expect(problems).toEqual([]);
  });

  it('cxFeedback("track") queued by the page before the script ran reaches the popover\'s event trigger', async () => {
    const { page: p, problems } = await visit('graph-d.html', (context) =>
      context.route(`${base}graph-d.html`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><script>window.cxFeedback=window.cxFeedback||function(){(cxFeedback.q=cxFeedback.q||[]).push(arguments)}</script>
            <script src="/dist/cx-feedback.js" defer></script>
            <cx-feedback endpoint="/responses" touchpoint="graph-d" question="csat" mode="popover" trigger="event:order-complete"></cx-feedback>
            <script>cxFeedback('track', 'order-complete')</script>`,
        }),
      ),
    );
    await inShadow(p, 'cx-feedback', '.card[data-placement]').waitFor();
    expect(problems).toEqual([]);
  });

  it('cxFeedback("show") loads the element and opens a manual popover', async () => {
    const { page: p, problems } = await visit('graph-c.html', (context) =>
      context.route(`${base}graph-c.html`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><script src="/dist/cx-feedback.js" defer></script>
            <cx-feedback endpoint="/responses" touchpoint="graph-c" question="csat" mode="popover" trigger="manual"></cx-feedback>`,
        }),
      ),
    );
    await p.waitForLoadState('load');
    await entryRan(p);
    expect(await ours(p)).toEqual(['cx-feedback.js', 'entry', 'id']);
    await p.evaluate(() =>
      (window as unknown as { cxFeedback: (c: string, n: string) => void }).cxFeedback('show', 'graph-c'),
    );
    await inShadow(p, 'cx-feedback', '.card[data-placement]').waitFor();
    expect(problems).toEqual([]);
  });

  it('<script type="module" src="cx-feedback.module.js"> works the same', async () => {
    const { page: p, problems } = await visit('graph-m.html', (context) =>
      context.route(`${base}graph-m.html`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          headers: { 'Content-Security-Policy': CSP },
          body: `<!doctype html><script type="module" src="/dist/cx-feedback.module.js"></script>
            <cx-feedback endpoint="/responses" touchpoint="graph-m" question="thumbs"></cx-feedback>`,
        }),
      ),
    );
    await inShadow(p, 'cx-feedback', '[part~="option"][data-value="1"]').click();
    expect(await stored('graph-m', 1)).toHaveLength(1);
    expect(problems).toEqual([]);
  });
});
