// The variants of the checkout page. Each fills the slots of pages/checkout.html; the page around them is identical,
// including the space reserved for an inline widget (.feedback-slot, min-height in pages/checkout.css).

/** What the page reserves for an inline widget, px (pages/checkout.css `.feedback-slot`). */
export const RESERVE = 190;

import { readFileSync } from 'node:fs';

// Which files of the page's module graph each case downloads (scripts/build.mjs writes the graph).
// Read when first asked (lib/assets.mjs builds dist/ first on a fresh clone).
let graph;
const withImports = (file, into = new Set()) =>
  into.has(file)
    ? into
    : (into.add(file), (graph.imports[file] ?? []).forEach((next) => withImports(next, into)), into);
const chunks = (...parts) => {
  graph ??= JSON.parse(readFileSync(new URL('../../../.tmp/script-graph.json', import.meta.url), 'utf8'));
  return [
    '/dist/cx-feedback.js',
    ...new Set(parts.flatMap((part) => [...withImports(graph[part])]).map((f) => `/dist/${f}`)),
  ];
};
/** What a page with cx-feedback.js downloads: nothing to show; an inline card; a popover or floating card. */
export const GRAPH = {
  get nothing() {
    return chunks('entry');
  },
  get inline() {
    return chunks('entry', 'ui');
  },
  get placed() {
    return chunks('entry', 'ui', 'popover');
  },
};

const ours = '<script src="/dist/cx-feedback.js"></script>';
const cx = (attrs) => `<cx-feedback endpoint="/collect" touchpoint="checkout" question="csat" ${attrs}></cx-feedback>`;
const slot = (inner = '') => `<div class="feedback-slot">${inner}</div>`;
const baseline = {
  slot: slot('<bench-baseline></bench-baseline>'),
  tail: '<script src="/assets/baseline.js"></script>',
};

/**
 * kind: what the harness does after load (inline: tap; popover: trigger, then tap; floating: launcher, then tap).
 * scripts: the asset paths whose bytes the variant adds to the page.
 */
export const VARIANTS = {
  /** The page alone: the zero for fetch + evaluate costs. */
  empty: { slot: slot(), scripts: [] },
  /** The same page with a bare Lit element of the same role (pages/baseline.js). */
  baseline: { ...baseline, scripts: ['/assets/baseline.js'] },
  /** cx-feedback.js: the entry at once, then the UI chunk (and placement, for a popover or floating card) by need. */
  inline: {
    slot: slot(cx('mode="inline"')),
    tail: ours,
    kind: 'inline',
    get scripts() {
      return GRAPH.inline;
    },
  },
  popover: {
    slot: slot(cx('mode="popover" anchor="#place-order" trigger="event:order-complete"')),
    tail: ours,
    kind: 'popover',
    get scripts() {
      return GRAPH.nothing;
    },
  },
  floating: {
    slot: slot(cx('mode="floating"')),
    tail: ours,
    kind: 'floating',
    get scripts() {
      return GRAPH.inline;
    },
  },
  /** The self-contained classic script (cx-feedback.iife.js) with the same popover. */
  classic: {
    slot: slot(cx('mode="popover" anchor="#place-order" trigger="event:order-complete"')),
    tail: '<script src="/dist/cx-feedback.iife.js"></script>',
    kind: 'popover',
    scripts: ['/dist/cx-feedback.iife.js'],
  },
  /** Our script without any widget on the page (it still peeks into the outbox): fetch + evaluate, like the anchors below. */
  script: {
    slot: slot(),
    tail: ours,
    get scripts() {
      return GRAPH.nothing;
    },
  },
  posthog: {
    slot: slot(),
    tail: '<script src="/assets/posthog/array.js"></script><script src="/assets/posthog/surveys.js"></script>',
    scripts: ['/assets/posthog/array.js', '/assets/posthog/surveys.js'],
  },
  formbricks: {
    slot: slot(),
    tail: '<script src="/assets/formbricks/js.iife.js"></script><script src="/assets/formbricks/surveys.umd.js"></script>',
    scripts: ['/assets/formbricks/js.iife.js', '/assets/formbricks/surveys.umd.js'],
  },
  /** Deliberately bad (self-test): the baseline plus a ~55 ms busy loop and a banner pushed into the flow after load. */
  bad: {
    slot: baseline.slot,
    tail: `${baseline.tail}<script src="/pages/bad.js"></script>`,
    scripts: ['/assets/baseline.js', '/pages/bad.js'],
  },
  /** Strict CSP: no inline script or style, everything from 'self'; one widget of each mode. */
  csp: {
    csp: "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'",
    head: '<script src="/pages/csp.js"></script>',
    slot: slot(cx('mode="inline" survey-id="csp-inline"')),
    tail: `${cx('mode="popover" survey-id="csp-popover" anchor="#place-order" trigger="event:order-complete"')}${cx('mode="floating" survey-id="csp-floating"')}${ours}`,
    kind: 'csp',
    get scripts() {
      return GRAPH.placed;
    },
  },
};

export function renderPage(template, v) {
  return template
    .replace('<!--head-->', v.head ?? '')
    .replace('<!--slot-->', v.slot ?? '')
    .replace('<!--tail-->', v.tail ?? '');
}
