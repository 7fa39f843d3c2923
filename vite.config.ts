import { defineConfig } from 'vite';

// Library builds are driven by scripts/build.mjs (Vite cannot emit IIFE for several entries at once); this file
// holds what they share plus the vitest set-up for pure modules and the collector.
export default defineConfig({
  esbuild: { target: 'es2022' },
  build: { target: 'es2022' },
  test: {
    include: ['test/unit/**/*.test.ts', 'collector/test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
