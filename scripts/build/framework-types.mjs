// Vue and Svelte typings of <cx-feedback>, written from the Custom Elements Manifest. The published generators for
// these two produce types the frameworks' checkers reject (custom-element-vuejs-integration 1.4 names events
// "oncx-submit" where Vue's checker looks for onCxSubmit and adds a global JSX namespace; the Svelte one declares a
// module-scoped svelteHTML that augments nothing and uses JSX types Svelte lacks), so these are written here, small.

const TYPES =
  "import type { CxFeedback } from '../element/cx-feedback.js';\nimport type { CxEventMap } from '../element/events.js';\n";
const doc = (text) => (text ? `  /** ${text.replace(/\*\//g, '*\\/').replace(/\n/g, ' ')} */\n` : '');
const pascal = (name) => name.replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase());

/** The element's public inputs: every attribute, and the properties that have no attribute (the survey object). */
function inputs(element) {
  const fromAttributes = (element.attributes ?? []).map((a) => ({
    attribute: a.name,
    field: a.fieldName,
    description: a.description,
  }));
  const withAttribute = new Set(fromAttributes.map((i) => i.field));
  const propertiesOnly = (element.members ?? [])
    .filter(
      (m) =>
        m.kind === 'field' &&
        !m.static &&
        m.privacy !== 'private' &&
        !withAttribute.has(m.name) &&
        !m.name.startsWith('_'),
    )
    .map((m) => ({ attribute: m.name, field: m.name, description: m.description }));
  return [...fromAttributes, ...propertiesOnly];
}

export function vueTypes(element) {
  const props = inputs(element)
    .map((i) => `${doc(i.description)}  ${i.field}?: CxFeedback['${i.field}'];\n`)
    .join('');
  // Vue's checker looks a `@cx-submit` listener up as the prop `onCxSubmit`.
  const events = (element.events ?? [])
    .map((e) => `${doc(e.description)}  on${pascal(e.name)}?: (event: CustomEvent<CxEventMap['${e.name}']>) => void;\n`)
    .join('');
  return `import type { DefineComponent } from 'vue';
${TYPES}
type CxFeedbackProps = {
${props}${events}};

declare module 'vue' {
  interface GlobalComponents {
${doc(element.summary).replace(/^ {2}/, '    ')}    '${element.tagName}': DefineComponent<CxFeedbackProps>;
  }
}
export {};
`;
}

export function svelteTypes(element) {
  const props = inputs(element)
    .map((i) => `${doc(i.description)}  '${i.attribute}'?: CxFeedback['${i.field}'];\n`)
    .join('');
  // Svelte 5 adds a listener for an `oncx-submit` attribute; `on:cx-submit` is the Svelte 4 directive.
  const events = (element.events ?? [])
    .map(
      (e) =>
        `${doc(e.description)}  'on${e.name}'?: (event: CustomEvent<CxEventMap['${e.name}']>) => void;\n` +
        `  'on:${e.name}'?: (event: CustomEvent<CxEventMap['${e.name}']>) => void;\n`,
    )
    .join('');
  return `import type { HTMLAttributes } from 'svelte/elements';
${TYPES}
type CxFeedbackProps = {
${props}${events}};

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
${doc(element.summary).replace(/^ {2}/, '    ')}    '${element.tagName}': HTMLAttributes<HTMLElement> & CxFeedbackProps;
  }
}
export {};
`;
}
