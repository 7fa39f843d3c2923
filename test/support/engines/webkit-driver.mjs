// Starts what the WebKit runs need and returns { port, stop }: an X server (Xvfb) of our own, since MiniBrowser has
// no headless mode, and WebKitWebDriver on a free port. Xvfb runs with -noreset: without it the server resets when
// the first MiniBrowser closes, and the next WebDriver session hangs at creation.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
export const XVFB = process.env.XVFB_PATH || '/usr/bin/Xvfb';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Polls `check` every 100 ms until it is true, or fails after `ms` with `what`. */
async function until(check, ms, what) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`webkit-driver: ${what} did not come up within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startWebKitDriver() {
  for (const [name, path] of [
    ['WebKitWebDriver (apt: webkit2gtk-driver)', WEBKIT_DRIVER],
    ['Xvfb (apt: xvfb)', XVFB],
  ]) {
    if (!existsSync(path)) throw new Error(`webkit-driver: ${name} is not installed at ${path}`);
  }
  let display = 90 + (process.pid % 100);
  while (existsSync(`/tmp/.X11-unix/X${display}`) || existsSync(`/tmp/.X${display}-lock`)) display++;
  const xvfb = spawn(XVFB, [`:${display}`, '-noreset', '-nolisten', 'tcp', '-screen', '0', '1280x1024x24'], {
    stdio: 'ignore',
  });
  const children = [xvfb];
  const stop = () => children.forEach((child) => child.exitCode === null && child.kill());
  process.once('exit', stop);
  try {
    await until(() => existsSync(`/tmp/.X11-unix/X${display}`), 10_000, `Xvfb :${display}`);
    const port = await freePort();
    const env = { ...process.env, DISPLAY: `:${display}` };
    children.push(spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], { env, stdio: 'ignore' }));
    const up = () =>
      fetch(`http://127.0.0.1:${port}/status`).then(
        (response) => response.ok,
        () => false,
      );
    await until(up, 15_000, 'WebKitWebDriver');
    return { port, display, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
