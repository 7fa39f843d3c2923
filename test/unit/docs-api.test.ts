import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  apiMarkdown,
  apiMarkdownFrom,
  DOCS,
  drift,
  elementOf,
  END,
  eventDetailTypes,
  START,
  usedInCode,
  withApi,
  // @ts-expect-error: a plain ESM script without type declarations
} from '../../scripts/docs-api.mjs';

const readDoc = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const files: string[] = Object.keys(DOCS);

describe('the generated references (from dist/custom-elements.json; run: node scripts/docs-api.mjs)', () => {
  it.each(files)('%s is up to date', async (file) => {
    const doc = readDoc(file);
    expect(withApi(doc, await apiMarkdown(file))).toBe(doc);
  });

  it('docs/theming.md lists every string key of en.ts', async () => {
    const { en } = await import('../../src/i18n/en.ts');
    const doc = readDoc('docs/theming.md');
    const section = doc.slice(doc.indexOf(START), doc.indexOf(END));
    for (const key of Object.keys(en)) expect(section).toContain(`| \`${key}\` |`);
  });
});

describe('the JSDoc of <cx-feedback> (through the manifest) and the code agree', () => {
  it('documents nothing the styles and templates do not have', () => {
    expect(drift().documentedNotUsed).toEqual([]);
  });

  it('documents every --cx-* property and part the code uses', () => {
    expect(drift().usedNotDocumented).toEqual([]);
  });

  it('finds parts written inside template expressions', () => {
    const { parts, props } = usedInCode();
    expect([...parts]).toEqual(expect.arrayContaining(['option', 'option-selected', 'card', 'status']));
    expect([...props]).toEqual(expect.arrayContaining(['--cx-accent', '--cx-font-size']));
  });
});

describe('tables from a manifest', () => {
  // One small declaration with a case of each kind of row.
  const element = {
    kind: 'class',
    customElement: true,
    tagName: 'x-demo',
    attributes: [
      {
        name: 'follow-up-when',
        fieldName: 'followUpWhen',
        type: { text: 'string' },
        default: "'always'",
        description: 'When:\n `a` | `b`.',
      },
    ],
    members: [
      { kind: 'field', name: 'followUpWhen', attribute: 'follow-up-when', type: { text: 'string' } },
      {
        kind: 'field',
        name: 'survey',
        privacy: 'public',
        type: { text: 'Survey | undefined' },
        description: 'A survey.',
      },
      { kind: 'field', name: 'config', privacy: 'private', type: { text: 'Config' } },
      { kind: 'field', name: 'styles', static: true },
      {
        kind: 'method',
        name: 'show',
        parameters: [{ name: 'trigger', default: "'api'" }],
        return: { type: { text: 'boolean' } },
        description: 'Opens it.',
      },
      { kind: 'method', name: 'reconfigure', privacy: 'private' },
    ],
    events: [{ name: 'cx-close', type: { text: "CxEventMap['cx-close']" }, description: 'Closed. detail: { reason }' }],
    slots: [{ name: '', description: 'A JSON script.' }],
    cssParts: [{ name: 'card', description: 'The card.' }],
    cssProperties: [{ name: '--cx-accent', description: 'Accent.' }],
  };
  const manifest = {
    schemaVersion: '1.0.0',
    modules: [{ kind: 'javascript-module', path: 'x.ts', declarations: [element] }],
  };
  const details = new Map([['cx-close', "{ reason: 'done' | 'api' }"]]);
  const rows = (section: string) =>
    (apiMarkdownFrom(elementOf(manifest, 'x-demo'), [section], { details, en: { close: 'Close' } }) as string)
      .split('\n')
      .filter((line) => line.startsWith('| `') || line.startsWith('| ('));

  it.each([
    ['attributes', ["| `follow-up-when` | `followUpWhen` | `string` | `'always'` | When: `a` \\| `b`. |"]],
    ['properties', ['| `survey` | `Survey \\| undefined` | A survey. |']],
    ['methods', ["| `show(trigger = 'api')` | `boolean` | Opens it. |"]],
    ['events', ["| `cx-close` | `{ reason: 'done' \\| 'api' }` | Closed. |"]],
    ['slots', ['| (default) | A JSON script. |']],
    ['cssParts', ['| `card` | The card. |']],
    ['cssProperties', ['| `--cx-accent` | Accent. |']],
    ['strings', ['| `close` | Close |']],
  ])('%s', (section, expected) => {
    expect(rows(section)).toEqual(expected);
  });

  it('refuses a manifest without the element', () => {
    expect(() => elementOf(manifest, 'cx-feedback')).toThrow(/no custom element <cx-feedback>/);
  });

  it('reads each detail type of CxEventMap on one line', () => {
    const source =
      "export type CxEventMap = {\n  /** doc */\n  'cx-sent': {\n    id: string;\n    status: number;\n  };\n  'cx-submit': PayloadV1;\n};";
    expect([...eventDetailTypes(source)]).toEqual([
      ['cx-sent', '{ id: string; status: number }'],
      ['cx-submit', 'PayloadV1'],
    ]);
  });

  it('refuses a document without the markers', () => {
    expect(() => withApi('# no markers', 'x')).toThrow(/markers/);
  });
});
