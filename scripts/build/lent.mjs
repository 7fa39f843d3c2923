import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The modules the core script lends the survey UI, as absolute paths: those src/core/lend.ts imports (bar the key it
 * stores them under). The UI build (scripts/build.mjs) and the size table resolve imports of these files to
 * src/core/borrowed.ts, so lend.ts is the one list.
 */
export function lentModules(root) {
  const lend = `${root}/src/core/lend.ts`;
  return [...readFileSync(lend, 'utf8').matchAll(/^import [^;]* from '(\.{1,2}\/[\w/.-]+\.ts)';/gm)]
    .map((m) => resolve(`${root}/src/core`, m[1]))
    .filter((file) => !file.endsWith('/lent-key.ts'));
}
