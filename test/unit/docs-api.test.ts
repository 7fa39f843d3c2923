import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations
import { apiMarkdown, DOC, drift, END, jsdocTags, START, usedInCode, withApi } from '../../scripts/docs-api.mjs';

type Tag = { tag: string; name: string; text: string };
const doc = readFileSync(new URL(`../../${DOC}`, import.meta.url), 'utf8');

/**
 * Used by the code, not yet in the JSDoc of src/element/cx-feedback.ts (that file's owner adds the lines; docs/theming.md
 * describes them by hand meanwhile). Once added, delete them here.
 */
const AWAITING_JSDOC: string[] = [];

describe('docs/theming.md reference', () => {
  it('is generated from the code and up to date (run: node scripts/docs-api.mjs)', async () => {
    expect(withApi(doc, await apiMarkdown())).toBe(doc);
  });

  it('is also in the README, up to date', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(withApi(readme, await apiMarkdown())).toBe(readme);
  });

  it('lists every string key of en.ts', async () => {
    const { en } = await import('../../src/i18n/en.ts');
    const section = doc.slice(doc.indexOf(START), doc.indexOf(END));
    for (const key of Object.keys(en)) expect(section).toContain(`| \`${key}\` |`);
  });
});

describe('the JSDoc of <cx-feedback> and the code agree', () => {
  it('documents nothing the styles and templates do not have', () => {
    expect(drift().documentedNotUsed).toEqual([]);
  });

  it('documents every --cx-* property and part the code uses', () => {
    expect(drift().usedNotDocumented.filter((name: string) => !AWAITING_JSDOC.includes(name))).toEqual([]);
  });

  it('finds parts written inside template expressions', () => {
    const { parts, props } = usedInCode();
    expect([...parts]).toEqual(expect.arrayContaining(['option', 'option-selected', 'card', 'status']));
    expect([...props]).toEqual(expect.arrayContaining(['--cx-accent', '--cx-font-size']));
  });
});

describe('jsdocTags', () => {
  const source = (body: string) => `/**\n${body}\n */\nexport class X {}`;

  it.each([
    [' * @cssprop --cx-accent - Accent colour.', { tag: 'cssprop', name: '--cx-accent', text: 'Accent colour.' }],
    [' * @slot - The default slot.', { tag: 'slot', name: '', text: 'The default slot.' }],
    [' * @csspart card', { tag: 'csspart', name: 'card', text: '' }],
    [' * @fires cx-show - About to show; cancelable.', { tag: 'fires', name: 'cx-show', text: 'About to show; cancelable.' }],
  ])('reads %s', (line, tag) => {
    expect(jsdocTags(source(line))).toEqual([tag]);
  });

  it('joins a description continued on the next line', () => {
    const tags: Tag[] = jsdocTags(source(' * @csspart option - One option\n *   a customer clicks.'));
    expect(tags[0].text).toBe('One option a customer clicks.');
  });

  it('refuses a tag line it cannot read, instead of dropping it', () => {
    expect(() => jsdocTags(source(' * @cssprop'))).toThrow(/cannot read/);
  });

  it('refuses a document without the markers', () => {
    expect(() => withApi('# no markers', 'x')).toThrow(/markers/);
  });
});
