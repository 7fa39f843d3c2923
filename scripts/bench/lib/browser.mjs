// Headless Debian Chromium through playwright-core (flags: ../shared/TOOLCHAIN.md), one fresh context per run, with
// the page instrumented before any of its scripts runs and a CDP session for throttling and counters.
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../../test/support/engines/chromium.mjs';

/** `jitless`: V8 without JIT compilers, for growth checks (see lib/memory.mjs). */
export const launch = ({ jitless = false } = {}) =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: jitless ? [...CHROMIUM_ARGS, '--js-flags=--jitless'] : CHROMIUM_ARGS,
  });

/**
 * Runs in every page before its own scripts: layout shifts, long animation frames, CSP violations and the
 * load time, into window.__bench. Shifts keep hadRecentInput: the gates count every shift, not only CLS's.
 */
const INSTRUMENT = `(() => {
  const b = (window.__bench = { shifts: [], loaf: [], csp: [], sent: [], taps: [] });
  const watch = (type, f) => { try { new PerformanceObserver((l) => l.getEntries().forEach(f)).observe({ type, buffered: true }); } catch {} };
  // A source node inside a shadow root is reported as null: '?' is (almost always) the widget's own card moving.
  // Each source's rects too (x, y, width, height before → after): a rare page shift can then be told apart later.
  const rect = (r) => [r.x, r.y, r.width, r.height].map(Math.round).join(',');
  watch('layout-shift', (e) => b.shifts.push({ value: e.value, input: e.hadRecentInput, at: e.startTime, sources: (e.sources || []).map((s) => s.node ? (s.node.className || s.node.nodeName) : '?'), moves: (e.sources || []).map((s) => rect(s.previousRect) + ' → ' + rect(s.currentRect)) }));
  watch('long-animation-frame', (e) => b.loaf.push({ at: e.startTime, duration: e.duration, blocking: e.blockingDuration, scripts: (e.scripts || []).map((s) => ({ src: s.sourceURL, invoker: s.invoker, at: s.startTime, duration: s.duration })) }));
  document.addEventListener('securitypolicyviolation', (e) => b.csp.push(e.violatedDirective + ' ' + e.blockedURI), true);
  addEventListener('click', () => b.taps.push(performance.now()), true);
  // The console line lets the harness wait for delivery without polling in the page (polling would add CPU).
  addEventListener('cx-sent', (e) => { b.sent.push({ at: performance.now(), status: e.detail && e.detail.status }); console.debug('__bench:sent'); }, true);
  // Resolves with the time at which the first <cx-feedback>'s card is placed (data-placement) and visible.
  window.__benchVisible = () => new Promise((ok) => {
    const shown = () => {
      const card = document.querySelector('cx-feedback')?.shadowRoot?.querySelector('.card');
      return !!card && card.hasAttribute('data-placement') && card.checkVisibility({ visibilityProperty: true });
    };
    const root = () => document.querySelector('cx-feedback')?.shadowRoot;
    if (shown()) return ok(performance.now());
    const done = () => { if (!shown()) return false; mo.disconnect(); ok(performance.now()); return true; };
    const mo = new MutationObserver(done);
    if (root()) mo.observe(root(), { subtree: true, childList: true, attributes: true });
    const tick = () => done() || requestAnimationFrame(tick);
    requestAnimationFrame(tick);
  });
})();`;

/**
 * A fresh context and page, CPU throttled `rate`×, Performance domain on. Close with run.close(). The growth check
 * runs without instrumentation: its observers keep entries, which would count as heap growth.
 */
export async function openRun(browser, { rate = 4, instrument = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  if (instrument) await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  // Wall time (timeTicks): under throttling that is what a visitor waits, and what long animation frames see.
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, page, cdp, errors, close: () => context.close() };
}

/** CDP Performance.getMetrics as { TaskDuration, ScriptDuration, ... } in ms (durations) or units. */
export async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(list.map((x) => [x.name, x.value]));
  for (const k of Object.keys(m)) if (k.endsWith('Duration')) m[k] *= 1000;
  return m;
}
