// The one test every example app passes, run as `node examples/shared/check.mjs <app folder>` against its `dist/`.
// Every app renders the same thing through its framework's own idioms (see examples/README.md):
//   <cx-feedback endpoint="/responses" touchpoint="examples"> with the survey below set as a *property*,
//   and a `cx-submit` handler that writes the payload id into <output id="submitted">.
// So the checks are: the element renders; the survey's own prompt is shown (the property arrived); one tap on the
// NPS scale sends; the framework's handler saw `cx-submit` (the output shows the id); the receiver got a v: 1 body
// with the same id. Any page error or cx-feedback console warning fails the test too.
// An app that needs its own server (Next.js) has its own check.mjs, which imports the pieces exported here.
import { chromium } from 'playwright-core';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM as chromiumPath, CHROMIUM_ARGS as args } from '../../test/support/engines/chromium.mjs';
import { startServer } from './server.mjs';

export const PROMPT = 'How likely are you to recommend the example shop?';

/** Polls `read` until it returns something truthy, or fails with `what` after `ms`. */
export async function waitFor(what, read, ms = 10_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function launch() {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args });
}

/**
 * A new page whose problems (page errors, console errors, console warnings naming cx-feedback, and every `cx-error`
 * event the widget fires) are collected into the returned list.
 * @param {import('playwright-core').Browser} browser
 */
export async function watchedPage(browser) {
  /** @type {string[]} */
  const problems = [];
  const page = await browser.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const where = message.location().url;
    // Chromium asks every page for /favicon.ico; the examples have none.
    if (where.endsWith('/favicon.ico')) return;
    if (message.type() === 'error' || (message.type() === 'warning' && message.text().includes('cx-feedback'))) problems.push(`console ${message.type()}: ${message.text()} (${where})`);
  });
  // cx-error bubbles and is composed: one listener on the document sees every widget's, before any app code runs.
  await page.exposeFunction('__cxError', (detail) => problems.push(`cx-error: ${detail}`));
  await page.addInitScript(() => {
    document.addEventListener('cx-error', (event) => {
      const report = /** @type {{ __cxError: (detail: string) => void }} */ (/** @type {unknown} */ (window)).__cxError;
      report(JSON.stringify(/** @type {CustomEvent} */ (event).detail));
    });
    // Records whether the framework first set `survey` on a connected element (after connect, as Angular and React
    // effects do) or before, so each check can say which case it tested.
    const define = CustomElementRegistry.prototype.define;
    CustomElementRegistry.prototype.define = function (name, constructor, options) {
      // Lit creates its property accessors when the class is finalized, which reading observedAttributes does.
      const descriptor = name === 'cx-feedback' && constructor.observedAttributes ? Object.getOwnPropertyDescriptor(constructor.prototype, 'survey') : undefined;
      const set = descriptor?.set;
      if (descriptor && set) {
        Object.defineProperty(constructor.prototype, 'survey', {
          ...descriptor,
          set(value) {
            const marks = document.documentElement.dataset;
            if (value !== undefined && marks.cxSurveySet === undefined) marks.cxSurveySet = this.isConnected ? 'after it connected' : 'before it connected';
            set.call(this, value);
          },
        });
      }
      return define.call(this, name, constructor, options);
    };
  });
  return { page, problems };
}

/**
 * When the app first set `survey` on the element: 'after it connected', 'before it connected', or 'never' (a JSON
 * child or attributes).
 * @param {import('playwright-core').Page} page
 */
export async function surveySet(page) {
  return (await page.locator('html').getAttribute('data-cx-survey-set')) ?? 'never';
}

/**
 * The survey renders, a tap on 9 sends, the app's handler shows the id, the receiver got it as v: 1.
 * @param {import('playwright-core').Page} page already at the app's page
 * @param {unknown[]} received what the receiver recorded so far (filled while we wait)
 */
export async function answerAndSubmit(page, received) {
  const before = received.length;
  const widget = page.locator('cx-feedback');
  // Playwright locators pierce open shadow roots, so these find the widget's own markup.
  await widget.getByText(PROMPT).waitFor({ timeout: 10_000 });
  await widget.locator('[part~="option"][data-value="9"]').click();
  const shownId = await waitFor('the framework handler to show the cx-submit id', async () => (await page.locator('#submitted').textContent())?.trim());
  const body = /** @type {{ v?: number, id?: string, answers?: { questionId: string, value: unknown }[] }} */ (await waitFor('a POST to /responses', () => received[before]));
  if (body.v !== 1) throw new Error(`expected v: 1, got ${JSON.stringify(body)}`);
  if (body.id !== shownId) throw new Error(`the handler showed ${shownId}, the receiver got ${body.id}`);
  if (body.answers?.[0]?.questionId !== 'nps' || body.answers[0].value !== 9) throw new Error(`unexpected answers ${JSON.stringify(body.answers)}`);
  return shownId;
}

/**
 * Runs `steps`; when they throw, the error also lists what went wrong on the page meanwhile (often the cause).
 * @template T
 * @param {string[]} problems
 * @param {() => Promise<T>} steps
 */
export async function explained(problems, steps) {
  try {
    return await steps();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(problems.length ? `${message}\n${problems.join('\n')}` : message);
  }
}

/**
 * Runs `body` with a browser, reports `check ok` or `check FAILED` for `app`, and sets the exit code.
 * @param {string} app
 * @param {(browser: import('playwright-core').Browser) => Promise<string>} body returns what passed
 */
export async function runCheck(app, body) {
  const browser = await launch();
  try {
    console.log(`check ok: ${app}: ${await body(browser)}`);
  } catch (error) {
    console.error(`check FAILED: ${app}: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

/**
 * The standard check of one app's `dist/` served by shared/server.mjs, at `path` (default the index page).
 * @param {string} appDir
 * @param {string} [path]
 * @param {{ surveySet?: string }} [expected] surveySet: when the app must have set `survey` (see surveySet())
 */
export async function checkStatic(appDir, path = '', expected = {}) {
  const app = resolve(appDir);
  const server = await startServer(join(app, 'dist'));
  try {
    await runCheck(`${app}${path ? ` ${path}` : ''}`, async (browser) => {
      const { page, problems } = await watchedPage(browser);
      return explained(problems, async () => {
        await page.goto(new URL(path, server.url).href);
        const id = await answerAndSubmit(page, server.received);
        if (problems.length) throw new Error('problems on the page');
        const set = await surveySet(page);
        if (expected.surveySet && set !== expected.surveySet) throw new Error(`survey property set ${set}, expected ${expected.surveySet}`);
        return `survey rendered (property set ${set}), handler saw cx-submit ${id}, receiver got v: 1`;
      });
    });
  } finally {
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await checkStatic(process.argv[2] ?? '.', process.argv[3]);
}
