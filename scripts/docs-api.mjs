// The API reference in the docs, generated from the Custom Elements Manifest (dist/custom-elements.json, which
// `npm run build` writes from the element's JSDoc) and from src/i18n/en.ts:
//   node scripts/docs-api.mjs           rewrites the part between <!-- api:start --> and <!-- api:end --> of each file in DOCS
//   node scripts/docs-api.mjs --check   exits 1 when one is out of date (test/unit/docs-api.test.ts does the same)
// It also compares the manifest with what the code uses (var(--cx-*) in styles.ts, part="…" in the templates) and
// prints each difference: the JSDoc is the public contract, so the code and it must agree.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path) => readFileSync(`${root}${path}`, 'utf8');

export const MANIFEST = 'dist/custom-elements.json';
/** Where the manifest's event types (`CxEventMap['cx-…']`) are declared, in the built package. */
const EVENT_TYPES = 'dist/types/element/events.d.ts';
export const START = '<!-- api:start -->';
export const END = '<!-- api:end -->';
const STYLES = 'src/element/styles.ts';
/** Every TypeScript file of the element: its templates (part="…") may live in any of them. */
const templates = () =>
  readdirSync(`${root}src/element`, { recursive: true })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `src/element/${f}`);

/** Each file that carries a generated reference, and the sections it carries, in order. */
export const DOCS = {
  'docs/theming.md': ['cssProperties', 'cssParts', 'events', 'slots', 'strings'],
  'README.md': ['cssProperties', 'cssParts', 'events', 'slots', 'strings'],
  'docs/frameworks.md': ['attributes', 'properties', 'methods', 'events', 'slots'],
};

/** The <cx-feedback> declaration of a manifest. */
export function elementOf(manifest, tagName = 'cx-feedback') {
  const element = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .find((d) => d.customElement && d.tagName === tagName);
  if (!element) throw new Error(`${MANIFEST}: no custom element <${tagName}>`);
  return element;
}

export function readManifest() {
  if (!existsSync(`${root}${MANIFEST}`)) throw new Error(`${MANIFEST} is missing; run npm run build first`);
  return JSON.parse(read(MANIFEST));
}

/**
 * Each event's detail type as declared in CxEventMap, one line each ("{ surveyId: string; … }", "PayloadV1"),
 * read with the TypeScript parser from the built declarations.
 */
export function eventDetailTypes(source = read(EVENT_TYPES)) {
  const file = ts.createSourceFile('events.d.ts', source, ts.ScriptTarget.Latest, true);
  const map = file.statements.find((s) => ts.isTypeAliasDeclaration(s) && s.name.text === 'CxEventMap');
  if (!map || !ts.isTypeLiteralNode(map.type)) throw new Error(`${EVENT_TYPES}: no type literal CxEventMap`);
  const details = new Map();
  for (const member of map.type.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const name =
      ts.isStringLiteral(member.name) || ts.isIdentifier(member.name) ? member.name.text : member.name.getText(file);
    details.set(name, oneLine(member.type.getText(file)).replace(/;\s*\}/g, ' }'));
  }
  return details;
}

const oneLine = (text = '') => text.replace(/\s+/g, ' ').trim();
const cell = (text) => oneLine(text).replace(/\|/g, '\\|');
const code = (text) => (text ? `\`${text}\`` : '');
const table = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
const isPublic = (member) =>
  !member.static && (member.privacy ?? 'public') === 'public' && !member.name.startsWith('_');

/** Each section: a heading and a table from the element declaration (and, for events and strings, their sources). */
export const SECTIONS = {
  attributes: (element) => [
    '### Attributes',
    'Each attribute has a property of the name in the second column; the attribute is the string form.',
    table(
      ['attribute', 'property', 'type', 'default', 'meaning'],
      (element.attributes ?? []).map((a) => [
        code(a.name),
        code(a.fieldName),
        code(a.type?.text),
        code(a.default),
        a.description ?? '',
      ]),
    ),
  ],
  properties: (element) => [
    '### Properties without an attribute',
    table(
      ['property', 'type', 'meaning'],
      (element.members ?? [])
        .filter((m) => m.kind === 'field' && isPublic(m) && !m.attribute)
        .map((m) => [code(m.name), code(m.type?.text), m.description ?? '']),
    ),
  ],
  methods: (element) => [
    '### Methods',
    table(
      ['method', 'returns', 'what it does'],
      (element.members ?? [])
        .filter((m) => m.kind === 'method' && isPublic(m))
        .map((m) => [
          code(
            `${m.name}(${(m.parameters ?? []).map((p) => (p.default ? `${p.name} = ${p.default}` : p.name)).join(', ')})`,
          ),
          code(m.return?.type?.text),
          m.description ?? '',
        ]),
    ),
  ],
  events: (element, { details }) => [
    '### Events',
    "All bubble and are composed; `detail` is typed by `CxEventMap` (`import type { CxEventMap } from 'cx-feedback'`).",
    table(
      ['event', 'detail', 'when'],
      (element.events ?? []).map((e) => [
        code(e.name),
        code(details.get(e.name) ?? e.type?.text),
        (e.description ?? '').replace(/\s*detail:.*$/, ''),
      ]),
    ),
  ],
  cssParts: (element) => [
    '### Parts',
    table(
      ['part', 'element'],
      (element.cssParts ?? []).map((p) => [code(p.name), p.description ?? '']),
    ),
  ],
  cssProperties: (element) => [
    '### Custom properties',
    table(
      ['property', 'what it sets'],
      (element.cssProperties ?? []).map((p) => [code(p.name), p.description ?? '']),
    ),
  ],
  slots: (element) => [
    '### Slots',
    table(
      ['slot', 'content'],
      (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', s.description ?? '']),
    ),
  ],
  strings: (_element, { en }) => [
    '### String keys',
    'Override any of them per element with `strings` (see [Languages](i18n.md)).',
    table(
      ['key', 'English'],
      Object.entries(en).map(([key, text]) => [code(key), text]),
    ),
  ],
};

/** English strings in key order, by bundling en.ts (Node 20 cannot import .ts itself). */
export async function englishStrings() {
  const result = await build({
    entryPoints: [`${root}src/i18n/en.ts`],
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'error',
  });
  const { en } = await import(
    `data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`
  );
  return en;
}

/** The generated markdown between the markers (without them) for `sections`, from the given sources. */
export function apiMarkdownFrom(element, sections, sources) {
  const from = sections.includes('strings') ? `${MANIFEST} and src/i18n/en.ts` : MANIFEST;
  const parts = [
    `<!-- Generated by \`node scripts/docs-api.mjs\` from ${from} (the JSDoc of src/element/cx-feedback.ts); edit those, not this. -->`,
  ];
  for (const section of sections) parts.push(...SECTIONS[section](element, sources).flatMap((block) => ['', block]));
  return parts.join('\n');
}

/** The generated markdown for one file of DOCS, from the built manifest. */
export async function apiMarkdown(file = 'docs/theming.md') {
  const sections = DOCS[file];
  const en = sections.includes('strings') ? await englishStrings() : {};
  return apiMarkdownFrom(elementOf(readManifest()), sections, { details: eventDetailTypes(), en });
}

/** `doc` with the generated part replaced. */
export function withApi(doc, markdown) {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`markers ${START} … ${END} not found`);
  return `${doc.slice(0, start + START.length)}\n${markdown}\n${doc.slice(end)}`;
}

/** Custom properties and parts the code uses, by name. */
export function usedInCode() {
  const props = new Set([...read(STYLES).matchAll(/var\((--cx-[\w-]+)/g)].map((m) => m[1]));
  const parts = new Set();
  for (const file of templates()) {
    for (const [, value] of read(file).matchAll(/\bpart="([^"]*)"/g)) {
      // Static names, plus names inside quoted strings of an expression: part="option${on ? ' option-selected' : ''}".
      const quoted = [...value.matchAll(/'([\w\s-]*)'/g)].map((m) => m[1]).join(' ');
      for (const name of `${value.replace(/\$\{[^}]*\}/g, ' ')} ${quoted}`.split(/\s+/))
        if (/^[a-z][\w-]*$/.test(name)) parts.add(name);
    }
  }
  return { props, parts };
}

/** Where the manifest (the JSDoc) and the code disagree: documented but unused, used but undocumented. */
export function drift(element = elementOf(readManifest())) {
  const { props, parts } = usedInCode();
  const documentedProps = new Set((element.cssProperties ?? []).map((p) => p.name));
  const documentedParts = new Set((element.cssParts ?? []).map((p) => p.name));
  const minus = (a, b) => [...a].filter((x) => !b.has(x)).sort();
  return {
    documentedNotUsed: [...minus(documentedProps, props), ...minus(documentedParts, parts)],
    usedNotDocumented: [...minus(props, documentedProps), ...minus(parts, documentedParts)],
  };
}

async function main() {
  const { documentedNotUsed, usedNotDocumented } = drift();
  for (const name of documentedNotUsed)
    console.warn(
      `docs-api: ${name} is documented (JSDoc of src/element/cx-feedback.ts) but not used by styles or templates`,
    );
  for (const name of usedNotDocumented)
    console.warn(
      `docs-api: ${name} is used by styles or templates but has no @cssprop/@csspart line in src/element/cx-feedback.ts`,
    );
  let stale = 0;
  for (const file of Object.keys(DOCS)) {
    const doc = read(file);
    const next = withApi(doc, await apiMarkdown(file));
    if (next == doc) console.log(`docs-api: ${file} is up to date`);
    else if (process.argv.includes('--check')) {
      console.error(`docs-api: ${file} is out of date; run node scripts/docs-api.mjs`);
      stale++;
    } else {
      writeFileSync(`${root}${file}`, next);
      console.log(`docs-api: updated ${file}`);
    }
  }
  if (stale) process.exit(1);
}

if (process.argv[1] && import.meta.url == pathToFileURL(process.argv[1]).href) await main();
