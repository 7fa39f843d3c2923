import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Node-side end-to-end tests: playwright-core drives Debian's Chromium against test/e2e/support/fault-server.ts.
// One browser per file; two files at a time (the machine has two cores).
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // A condition polled for in a browser (an idle-time prefetch, a fade, a placement) gets more than vitest's 1 s:
    // the suite runs two files at a time on two cores, and requestIdleCallback alone may wait 2 s.
    expect: { poll: { timeout: 5000 } },
    hookTimeout: 60_000,
    maxWorkers: 2,
    fileParallelism: true,
  },
});
