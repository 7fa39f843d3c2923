import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { LOCALES } from '../../../src/i18n/resolve.ts';

const doc = readFileSync(new URL('../../../docs/i18n.md', import.meta.url), 'utf8');

describe('docs/i18n.md', () => {
  it.each(Object.entries(en))('lists %s with its English text', (key, text) => {
    expect(doc).toContain(`| \`${key}\` | ${text.replace(/\|/g, '\\|')} |`);
  });

  it('lists no key that does not exist', () => {
    const listed = [...doc.matchAll(/^\| `(\w+)` \| /gm)]
      .map((m) => m[1])
      .filter((k) => !(LOCALES as readonly string[]).includes(k ?? ''));
    expect(listed).toEqual(Object.keys(en));
  });

  it.each(LOCALES)('lists the language %s', (locale) => {
    expect(doc).toMatch(new RegExp(`^\\| \`${locale}\` \\| `, 'm'));
  });
});
