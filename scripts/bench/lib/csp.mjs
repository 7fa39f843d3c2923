// The strict-CSP page (lib/variants.mjs `csp`): our script-tag bundle under
// `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'`, no 'unsafe-inline' anywhere.
// One widget of each mode: the inline one is tapped, the popover opened by its event and tapped, the floating one
// opened from its launcher. Every securitypolicyviolation counts.
import { openRun } from './browser.mjs';

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

export async function cspCheck(browser, server) {
  const run = await openRun(browser, { rate: 1 });
  const { page } = run;
  try {
    const from = server.received.length;
    await page.goto(server.url('csp'), { waitUntil: 'load' });
    const widget = (mode) => page.locator(`cx-feedback[mode="${mode}"]`);
    const option = '[part~="option"][data-value="5"]';
    const delivered = (n) => page.waitForFunction((n) => window.__sent.length >= n, n, { timeout: 15_000 });
    await widget('inline').locator(option).click();
    await delivered(1);
    await page.evaluate(() => document.dispatchEvent(new CustomEvent('order-complete')));
    await widget('popover').locator('.card[data-placement]').waitFor();
    await widget('popover').locator(option).click();
    await delivered(2);
    await widget('floating').locator('.launcher').click();
    await widget('floating').locator('.card[data-placement]').waitFor();
    await sleep(300); // late violations (a style applied after the entrance animation) still count
    const page_ = await page.evaluate(() => ({ csp: window.__csp, sent: window.__sent }));
    // adoptedStyleSheets is what lets Lit style the shadow root without 'unsafe-inline' (no <style> element).
    const adopted = await widget('inline').evaluate(
      (el) => el.shadowRoot.adoptedStyleSheets.length > 0 && !el.shadowRoot.querySelector('style'),
    );
    return {
      violations: page_.csp,
      sent: page_.sent.map((s) => s.status),
      received: server.received.slice(from).filter((r) => !r.replay).length,
      adopted,
      errors: run.errors,
    };
  } finally {
    await run.close();
  }
}
