// One measured visit of one variant: load, then what a visitor does with the widget (lib/variants.mjs `kind`).
// Times are taken in the page (performance.now), CPU from CDP Performance.getMetrics, shifts and long animation
// frames from the observers that lib/browser.mjs installs before the page's own scripts.
import { metrics, openRun } from './browser.mjs';
import { VARIANTS } from './variants.mjs';

/** How long after the load event a run keeps watching before it reads the load-phase counters, ms (page clock). */
const SETTLE_MS = 1000;
const OPTION = '[part~="option"][data-value="5"]';

const sleep = (ms) => new Promise((ok) => setTimeout(ok, Math.max(0, ms)));
const delta = (a, b) => ({ task: b.TaskDuration - a.TaskDuration, script: b.ScriptDuration - a.ScriptDuration });

/**
 * Widget script time per long animation frame, counting scripts that started after `since`, attributed by script
 * URL: the largest such sum is the longest stretch the widget kept the main thread from the visitor after load.
 */
function worstAfter(loaf, since, scripts) {
  let worst = 0;
  // Our script imports its siblings (the entry, the chunks of its module graph; the classic script its placement file).
  const ours = scripts.some((p) => p.startsWith('/dist/cx-feedback.'));
  const path = (src) => (src ? new URL(src).pathname : '');
  for (const f of loaf) {
    // Listeners that Lit adds from a template report no sourceURL: those count as the widget's too.
    const mine = (s) =>
      s.at >= since &&
      (s.src == '' ||
        scripts.some((p) => path(s.src).endsWith(p)) ||
        (ours && path(s.src).startsWith('/dist/cx-feedback.')));
    const own = f.scripts.filter(mine).reduce((n, s) => n + s.duration, 0);
    worst = Math.max(worst, own);
  }
  return worst;
}

/** Visits `variant` in a fresh context (`query`: added to its URL). Returns the figures the report and the gates use. */
export async function visit(browser, server, variant, { rate = 4, query = '' } = {}) {
  const v = VARIANTS[variant];
  const run = await openRun(browser, { rate });
  const { page, cdp } = run;
  try {
    const m0 = await metrics(cdp);
    await page.goto(`${server.url(variant)}${query ? `?${query}` : ''}`, { waitUntil: 'load' });
    const loadEnd = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
    await sleep(loadEnd + SETTLE_MS - (await page.evaluate(() => performance.now())));
    const m1 = await metrics(cdp);
    const r = { variant, load: delta(m0, m1), errors: run.errors };
    if (v.kind == 'inline') r.heights = [await hostHeight(page)];
    if (v.kind == 'popover' || v.kind == 'floating') {
      let before = await metrics(cdp);
      const opened = await (v.kind == 'popover' ? trigger(page) : launcher(page, cdp));
      before = opened.before ?? before;
      r.visibleMs = opened.frame;
      r.visibleDomMs = opened.dom;
      r.openAt = opened.at;
      r.open = delta(before, await metrics(cdp));
    }
    if (v.kind) {
      const t = await tap(page, cdp);
      r.tapMs = t.total;
      r.tapToRequestMs = t.toRequest;
      r.requestMs = t.request;
      r.answer = t.cpu;
      r.fetchMs = await replay(page, server);
      await page.waitForTimeout(400); // the thank-you state settles (card animation, status line)
      if (v.kind == 'inline') r.heights.push(await hostHeight(page));
    }
    const b = await page.evaluate(() => window.__bench);
    r.cls = b.shifts.filter((s) => !s.input).reduce((n, s) => n + s.value, 0);
    r.shiftAll = b.shifts.reduce((n, s) => n + s.value, 0);
    r.shiftSources = [...new Set(b.shifts.flatMap((s) => s.sources))];
    // Shifts that moved the page itself (not only our card), with when and how, kept in bench-results/ for diagnosis.
    const pageShifts = b.shifts.filter((s) => s.sources.some((n) => n != '?'));
    if (pageShifts.length) r.pageShifts = { loadEnd, openAt: r.openAt, shifts: pageShifts };
    const loadLoaf = b.loaf.filter((f) => f.at < loadEnd + SETTLE_MS);
    r.loafMs = loadLoaf.reduce((n, f) => n + f.duration, 0);
    r.blockingMs = loadLoaf.reduce((n, f) => n + f.blocking, 0);
    r.worstAfterLoadMs = worstAfter(b.loaf, loadEnd, v.scripts);
    if (process.env.BENCH_DEBUG) r.debug = { loadEnd, shifts: b.shifts, loaf: b.loaf };
    return r;
  } finally {
    await run.close();
  }
}

const hostHeight = (page) => page.evaluate(() => document.querySelector('cx-feedback').getBoundingClientRect().height);

/** popover: dispatches the page event its trigger listens to; ms to the first frame (and the DOM) showing the card. */
function trigger(page) {
  return page.evaluate(async () => {
    const t0 = performance.now();
    document.dispatchEvent(new CustomEvent('order-complete'));
    const dom = await window.__benchVisible();
    await new Promise(requestAnimationFrame);
    return { dom: dom - t0, frame: performance.now() - t0, at: t0 };
  });
}

/**
 * A real click (CDP input, at the centre of `locator`), with CDP counters read just before it. Playwright's
 * locator.click() would first run its own actionability checks in the page, frame after frame, and those would
 * count as the widget's main-thread time.
 */
async function click(page, cdp, locator) {
  await sleep(300); // a card that just opened finishes its 160 ms entrance animation
  const box = await locator.boundingBox();
  const before = await metrics(cdp);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  return before;
}

/** floating: a real click on the launcher; ms from that click to the card. */
async function launcher(page, cdp) {
  const n = await page.evaluate(() => window.__bench.taps.length);
  const before = await click(page, cdp, page.locator('cx-feedback').locator('.launcher'));
  const shown = await page.evaluate(async (n) => {
    const dom = await window.__benchVisible();
    await new Promise(requestAnimationFrame);
    const t0 = window.__bench.taps[n];
    return { dom: dom - t0, frame: performance.now() - t0, at: t0 };
  }, n);
  return { ...shown, before };
}

/**
 * One tap on the rating "5": ms from the click to cx-sent (the endpoint's 204 reached the widget), split by the
 * request's resource timing into before the request starts (render, outbox write) and the request itself.
 */
async function tap(page, cdp) {
  const n = await page.evaluate(() => [window.__bench.taps.length, window.__bench.sent.length]);
  const sent = page.waitForEvent('console', { predicate: (m) => m.text() == '__bench:sent', timeout: 15_000 });
  const before = await click(page, cdp, page.locator('cx-feedback').locator(OPTION).first());
  await sent;
  const after = await metrics(cdp);
  const t = await page.evaluate((n) => {
    const t0 = window.__bench.taps[n[0]];
    const req = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('/collect'))
      .at(-1);
    return {
      total: window.__bench.sent[n[1]].at - t0,
      toRequest: req ? req.startTime - t0 : NaN,
      request: req ? req.responseEnd - req.startTime : NaN,
    };
  }, n);
  return { ...t, cpu: delta(before, after) };
}

/** The same bytes as the widget's last request, sent with a plain fetch from the same page; ms to the 204. */
async function replay(page, server) {
  const last = server.received.filter((x) => !x.replay).at(-1);
  return page.evaluate(
    async ({ body, type }) => {
      const t0 = performance.now();
      await fetch('/collect?replay', {
        method: 'POST',
        body,
        headers: { 'Content-Type': type },
        credentials: 'omit',
        keepalive: true,
      });
      return performance.now() - t0;
    },
    { body: last.body, type: last.type },
  );
}
