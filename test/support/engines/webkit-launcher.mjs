// WebKitGTK (Debian's webkit2gtk-driver: WebKitWebDriver and MiniBrowser) for @web/test-runner, through
// @web/test-runner-webdriver. MiniBrowser has no headless mode: it needs an X display (Xvfb, started by
// test/support/engines/webkit-driver.mjs with -noreset, without which the second session hangs).
import { webdriverLauncher } from '@web/test-runner-webdriver';

export const MINIBROWSER = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

export function webkitLauncher(port) {
  return webdriverLauncher({
    hostname: '127.0.0.1',
    port,
    path: '/',
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      // WebKitWebDriver speaks classic WebDriver only.
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    },
  });
}
