import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { fileURLToPath } from 'node:url';
import { collectMiddleware } from './test/support/collect-middleware.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './test/support/engines/chromium.mjs';
import { firefoxLauncher } from './test/support/engines/firefox-launcher.mjs';
import { startWebKitDriver } from './test/support/engines/webkit-driver.mjs';
import { webkitLauncher } from './test/support/engines/webkit-launcher.mjs';

// One engine per run, CX_ENGINE=chromium (default) | firefox | webkit (docs/browsers.md): Debian's chromium through
// playwright-core (flags from ../shared/TOOLCHAIN.md), firefox-esr through puppeteer-core over WebDriver BiDi, and
// WebKitGTK's MiniBrowser through WebKitWebDriver, started here under an Xvfb of its own.
const engine = process.env.CX_ENGINE || 'chromium';
const chromium = () =>
  playwrightLauncher({
    product: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    },
  });
const launchers = {
  chromium,
  firefox: firefoxLauncher,
  webkit: async () => webkitLauncher((await startWebKitDriver()).port),
};
if (!launchers[engine]) throw new Error(`CX_ENGINE=${engine}: expected chromium, firefox or webkit`);
const browser = await launchers[engine]();

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development', 'browser'] },
  // The esbuild plugin must get the project's tsconfig, or Lit's decorators fail to compile and 0 tests run.
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  browsers: [browser],
  middleware: [collectMiddleware],
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
};
