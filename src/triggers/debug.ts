/**
 * Debug mode: a `debug` attribute, `?cx-debug` in the page URL, or `cxFeedback('debug', true)`. Then the console
 * explains why a widget did or did not show, and frequency caps are ignored (see frequency/rules.ts).
 */
let forced: boolean | undefined;

/** Set by the JS API; `undefined` goes back to attributes and URL. */
export const setDebug = (on: boolean | undefined): void => void (forced = on);

export const isDebug = (el?: Element | null): boolean =>
  forced ?? (!!el?.hasAttribute('debug') || /[?&]cx-debug(?:[=&]|$)/.test(location.search));

/** One debug line, `cx-feedback: <message>`, with the element for devtools to reveal; silent unless debugging. */
export function explain(el: Element | null, message: string): void {
  if (isDebug(el)) console.info(`cx-feedback: ${message}`, el);
}

/** A misconfiguration: always shown, once per call site's problem (callers warn once per attribute value). */
export function warn(el: Element | null, message: string): void {
  console.warn(`cx-feedback: ${message}`, el);
}
