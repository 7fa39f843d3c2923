/**
 * Accessibility test helpers: axe-core run against the element (shadow DOM included) failing on serious and
 * critical findings only, and small drivers that bring a widget into each visual state.
 */
import { waitUntil } from '@open-wc/testing';
import type { AxeResults, Result } from 'axe-core';
import { ar } from '../../../src/i18n/locales/ar.ts';
import type { CxFeedback } from '../../../src/element/cx-feedback.ts';
import { ENDPOINT, shadow } from '../element/helpers.ts';

export { ENDPOINT, mount, option, options, shadow, uniqueTouchpoint } from '../element/helpers.ts';

/** The test receiver dead-letters a response with 400: the widget shows its error status and a retry button. */
export const FAILING_ENDPOINT = `${ENDPOINT}?status=400`;

type Axe = { run: (context: Element, options: object) => Promise<AxeResults> };

let axe: Axe | undefined;
/** axe.min.js is a UMD script: imported as a module it registers itself on window (what chai-a11y-axe does too). */
async function loadAxe(): Promise<Axe> {
  if (!axe) {
    await import('axe-core/axe.min.js' as string);
    axe = (window as unknown as { axe: Axe }).axe;
  }
  return axe;
}

const BLOCKING = new Set(['serious', 'critical']);

/** One readable line per failing node: rule, impact, where, and axe's own summary of what to fix. */
export function describeViolations(violations: Result[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `  [${v.impact}] ${v.id}: ${v.help}\n    at ${n.target.join(' ')}\n    ${n.failureSummary?.replace(/\n/g, '\n    ')}`,
      ),
    )
    .join('\n');
}

/**
 * Runs axe on the element and fails on serious or critical violations. `best-practice` rules run too (they report
 * at moderate or lower and so only fail when one turns serious).
 */
export async function expectAccessible(el: CxFeedback, what: string): Promise<void> {
  await settled(el);
  const results = await (await loadAxe()).run(el, { resultTypes: ['violations'] });
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  // Thrown rather than asserted: chai would print the long message twice.
  if (blocking.length) throw new Error(`${what}: axe found serious/critical problems\n${describeViolations(blocking)}`);
}

/** Waits for Lit to render the element (and anything its last render set off). */
export async function settled(el: CxFeedback): Promise<void> {
  await el.updateComplete;
  await new Promise(requestAnimationFrame);
  await el.updateComplete;
  // A card fading in is translucent: contrast is measured on what stays on screen, after transitions and animations.
  await Promise.all(
    shadow(el)
      .getAnimations()
      .map((a) => a.finished.catch(() => undefined)),
  );
}

/** Waits until the status region reads the delivery error (the outbox dead-lettered the response). */
export async function untilError(el: CxFeedback): Promise<void> {
  await waitUntil(
    () => !!shadow(el).querySelector('[part="status"] button'),
    'expected the error status with a retry button',
    { timeout: 5000 },
  );
}

/** Waits for the popover / floating card to be placed (it is hidden until Floating UI has positioned it). */
export async function untilPlaced(el: CxFeedback): Promise<HTMLElement> {
  await waitUntil(
    () => shadow(el).querySelector<HTMLElement>('.card')?.dataset.placement,
    'expected the card to be placed',
    { timeout: 3000 },
  );
  return shadow(el).querySelector<HTMLElement>('.card')!;
}

/**
 * Arabic strings served as a locale file (a blob URL; the fragment takes the `{lang}` placeholder, which fetch
 * ignores), so RTL tests go through the real lazy loading without depending on a build in dist/.
 */
export const arabicLocales = (): string =>
  `${URL.createObjectURL(new Blob([JSON.stringify(ar)], { type: 'application/json' }))}#{lang}`;

/** Waits until the card shows Arabic, right to left. */
export async function untilArabic(el: CxFeedback): Promise<void> {
  await waitUntil(
    () => shadow(el).querySelector('.card')?.getAttribute('dir') === 'rtl',
    'expected the card in Arabic, dir=rtl',
    { timeout: 3000 },
  );
}

/** A choice question with "Other" (not one tap: it has a Send button) followed by a free-text question. */
export const CHOICE_SURVEY = JSON.stringify({
  id: 'a11y-choice',
  questions: [
    {
      id: 'reason',
      type: 'choice',
      prompt: 'What brought you here today?',
      options: ['Pricing', 'Support', 'Docs'],
      other: true,
    },
    { id: 'more', type: 'text', prompt: 'Anything else?' },
  ],
});
