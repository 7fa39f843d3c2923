// The Next.js app's browser check: `next start` serves the server-rendered pages, examples/shared/server.mjs sits in
// front of it on one origin (the receiver at POST /responses, everything else forwarded), and Chromium hydrates them.
//   /                    the example: the standard check (survey renders, the app's handler sees cx-submit, v: 1)
//   /hydration/late      survey set through a ref in an effect, after the element connected: works, no cx-error
//   /hydration/wrapper   a @lit/react wrapper: works
//   /hydration/property  survey={…} and oncx-submit as JSX props: what React does with them while hydrating and on
//                        the next re-render, compared with what README.md says (facebook/react#35446)
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { answerAndSubmit, explained, runCheck, waitFor, watchedPage } from '../shared/check.mjs';
import { startServer } from '../shared/server.mjs';

const app = new URL('.', import.meta.url).pathname;

/** A port nothing listens on now (the OS picks it), for `next start`, which takes no port 0. */
async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/**
 * Resolves once the app has added a `cx-submit` listener to <cx-feedback> (that is, once it has hydrated and run
 * its effects): a tap before that is sent by the widget but not seen by the app, which the check would misread.
 */
const countListeners = () => {
  // When <cx-feedback> was defined (and so connected, for a server-rendered one), to report how late a property came.
  const define = CustomElementRegistry.prototype.define;
  CustomElementRegistry.prototype.define = function (name, ...rest) {
    if (name === 'cx-feedback') document.documentElement.dataset.cxDefinedAt = String(performance.now());
    return define.call(this, name, ...rest);
  };
  const add = EventTarget.prototype.addEventListener;
  const seen = /** @type {{ cxSubmitListeners?: number }} */ (/** @type {unknown} */ (window));
  seen.cxSubmitListeners = 0;
  EventTarget.prototype.addEventListener = function (type, ...rest) {
    if (type === 'cx-submit' && this instanceof Element && this.localName === 'cx-feedback') seen.cxSubmitListeners = (seen.cxSubmitListeners ?? 0) + 1;
    return add.call(this, type, ...rest);
  };
};

/** @param {import('playwright-core').Page} page */
const listening = (page) => waitFor('the app to add its cx-submit listener', () => page.evaluate(() => /** @type {{ cxSubmitListeners?: number }} */ (/** @type {unknown} */ (window)).cxSubmitListeners));

const port = await freePort();
const next = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(port)], { cwd: app, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
let nextOutput = '';
next.stdout.on('data', (chunk) => (nextOutput += chunk));
next.stderr.on('data', (chunk) => (nextOutput += chunk));
const upstream = `http://127.0.0.1:${port}`;
const server = await startServer('', { upstream });
try {
  await waitFor('next start to answer', () => fetch(upstream).then((r) => r.ok, () => false), 30_000).catch((error) => {
    throw new Error(`${error.message}\n${nextOutput}`);
  });
  await runCheck(app, async (browser) => {
    const passed = [];
    for (const path of ['/', '/hydration/late', '/hydration/wrapper']) {
      const { page, problems } = await watchedPage(browser);
      await page.addInitScript(countListeners);
      const id = await explained(problems, async () => {
        const url = new URL(path, server.url).href;
        // The server's HTML already has the element (and, on the example page, the survey): what hydration starts from.
        const html = await (await fetch(url)).text();
        if (!html.includes('<cx-feedback endpoint="/responses" touchpoint="examples"')) throw new Error('no <cx-feedback> in the server HTML');
        if (path === '/' && !html.includes('<script type="application/json">{"id":"examples-nps"')) throw new Error('no JSON survey in the server HTML');
        await page.goto(url);
        await listening(page);
        const shown = await answerAndSubmit(page, server.received);
        if (problems.length) throw new Error('problems on the page');
        return shown;
      }).catch((error) => {
        throw new Error(`${path}: ${error.message}`);
      });
      if (path === '/hydration/late') {
        const upgradedFirst = await page.locator('cx-feedback').getAttribute('data-upgraded-before-survey');
        if (upgradedFirst !== 'true') throw new Error(`/hydration/late: the survey was set before the element upgraded (${upgradedFirst}), so it tests no late property`);
        const setAt = Number(await page.locator('cx-feedback').getAttribute('data-survey-set-at'));
        const definedAt = Number(await page.locator('html').getAttribute('data-cx-defined-at'));
        passed.push(`${path} ok (cx-submit ${id}; survey set ${Math.round(setAt - definedAt)} ms after the element connected)`);
      } else passed.push(`${path} ok (cx-submit ${id})`);
      await page.close();
    }
    passed.push(await hydrationOfProps(browser));
    return passed.join('; ');
  });
} finally {
  await server.close();
  // next start runs as a process group (npx → next → its server): end all of it.
  try {
    process.kill(-next.pid, 'SIGTERM');
  } catch {}
}

/**
 * What React does with `survey={…}` and `oncx-submit` on a server-rendered <cx-feedback>: during hydration (measured
 * once effects ran, after the commit), and after a re-render with a new survey object. README.md states the result;
 * this fails when React's behaviour changes, so the README can be updated.
 * @param {import('playwright-core').Browser} browser
 */
async function hydrationOfProps(browser) {
  const { page } = await watchedPage(browser);
  await page.goto(new URL('/hydration/property', server.url).href);
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
  const probe = () =>
    page.locator('cx-feedback').evaluate((el) => {
      const widget = /** @type {HTMLElementTagNameMap['cx-feedback']} */ (el);
      const id = `probe-${Math.random()}`;
      // Not bubbling: only a listener on the element itself (React's, for oncx-submit) hears it.
      widget.dispatchEvent(new CustomEvent('cx-submit', { detail: { id } }));
      return { survey: widget.survey !== undefined, listener: document.documentElement.dataset.heard === id };
    });
  const hydrated = await probe();
  await page.locator('#rerender').click();
  const rerendered = await waitFor('React to apply survey after a re-render', async () => {
    const now = await probe();
    return now.survey ? now : undefined;
  }, 5_000).catch(() => probe());
  await page.close();
  const measured = `hydration: survey ${hydrated.survey ? 'set' : 'not set'}, oncx-submit ${hydrated.listener ? 'added' : 'not added'}; after a re-render: survey ${rerendered.survey ? 'set' : 'not set'}, oncx-submit ${rerendered.listener ? 'added' : 'not added'}`;
  // What README.md ("Use it with…", Next.js) says React 19 does.
  const documented = 'hydration: survey not set, oncx-submit not added; after a re-render: survey set, oncx-submit added';
  if (measured !== documented) throw new Error(`/hydration/property: React now does "${measured}"; README.md says "${documented}"`);
  return `/hydration/property as documented (${measured})`;
}
