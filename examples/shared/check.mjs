// The one test every example app passes, run as `node examples/shared/check.mjs <app folder>` against its `dist/`.
// Every app renders the same thing through its framework's own idioms (see examples/README.md):
//   <cx-feedback endpoint="/responses" touchpoint="examples"> with the survey below set as a *property*,
//   and a `cx-submit` handler that writes the payload id into <output id="submitted">.
// So the checks are: the element renders; the survey's own prompt is shown (the property arrived); one tap on the
// NPS scale sends; the framework's handler saw `cx-submit` (the output shows the id); the receiver got a v: 1 body
// with the same id. Any page error or cx-feedback console warning fails the test too.
import { chromium } from 'playwright-core';
import { join, resolve } from 'node:path';
import { startServer } from './server.mjs';

const PROMPT = 'How likely are you to recommend the example shop?';
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Flags from /work/shared/TOOLCHAIN.md: run as root, no network, no background fetches.
const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

/** Polls `read` until it returns something truthy, or fails with `what` after `ms`. */
async function waitFor(what, read, ms = 10_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const app = resolve(process.argv[2] ?? '.');
const server = await startServer(join(app, 'dist'));
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args });
const problems = [];
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const where = message.location().url;
    // Chromium asks every page for /favicon.ico; the examples have none.
    if (where.endsWith('/favicon.ico')) return;
    if (message.type() === 'error' || (message.type() === 'warning' && message.text().includes('cx-feedback'))) problems.push(`console ${message.type()}: ${message.text()} (${where})`);
  });
  await page.goto(server.url);
  const widget = page.locator('cx-feedback');
  // Playwright locators pierce open shadow roots, so these find the widget's own markup.
  await widget.getByText(PROMPT).waitFor({ timeout: 10_000 });
  await widget.locator('[part~="option"][data-value="9"]').click();
  const shownId = await waitFor('the framework handler to show the cx-submit id', async () => (await page.locator('#submitted').textContent())?.trim());
  const body = await waitFor('a POST to /responses', () => server.received[0]);
  if (body.v !== 1) throw new Error(`expected v: 1, got ${JSON.stringify(body)}`);
  if (body.id !== shownId) throw new Error(`the handler showed ${shownId}, the receiver got ${body.id}`);
  if (body.answers?.[0]?.questionId !== 'nps' || body.answers[0].value !== 9) throw new Error(`unexpected answers ${JSON.stringify(body.answers)}`);
  if (problems.length) throw new Error(problems.join('\n'));
  console.log(`check ok: ${app}: survey rendered, handler saw cx-submit ${shownId}, receiver got v: 1`);
} catch (error) {
  console.error(`check FAILED: ${app}: ${error instanceof Error ? error.message : error}`);
  if (problems.length) console.error(problems.join('\n'));
  process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}
