import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Server-side rendering: importing any entry of the built package in Node never throws, with or without the
 * `browser` condition (which makes Node pick Lit's browser build). The package imports itself by name (Node's
 * self-reference through package.json "exports"), as an app that installed it would.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const ENTRIES = ['cx-feedback', 'cx-feedback/define', 'cx-feedback/schema'];

function importIn(entry: string, conditions: string[]) {
  const code = `const m = await import(${JSON.stringify(entry)}); console.log(Object.keys(m).sort().join(','));`;
  return spawnSync(
    process.execPath,
    [...conditions.flatMap((c) => ['--conditions', c]), '--input-type=module', '-e', code],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
}

describe('every entry imports in Node without a DOM', () => {
  it('has a build to import (npm test builds first; alone, run `npm run build`)', () => {
    expect(existsSync(`${root}dist/node.js`), 'dist/node.js is missing: run `npm run build` first').toBe(true);
  });

  for (const conditions of [[], ['browser']]) {
    for (const entry of ENTRIES) {
      it(`${entry} ${conditions.length ? 'with --conditions=browser' : 'as Node resolves it'}`, () => {
        const result = importIn(entry, conditions);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        if (entry == 'cx-feedback') expect(result.stdout).toMatch(/\bCxFeedback\b.*\bPayloadV1\b/);
      });
    }
  }
});
