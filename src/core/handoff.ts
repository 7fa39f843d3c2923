/**
 * What the core script (src/core.ts) leaves for the survey UI (or the full script) it loads. Symbol.for keys, so that
 * two copies of either script agree, and nothing enumerable lands on the page's objects.
 */
const FIRED = Symbol.for('cx-feedback:fired');
const SCRIPT = Symbol.for('cx-feedback:script');

type Marked = { [FIRED]?: string };
type Global = { [SCRIPT]?: string };

/** The core saw this widget's trigger fire and its rules allow it: the element opens it at once instead of waiting. */
export const markFired = (el: Element, reason: string): void => void ((el as Marked)[FIRED] = reason);

/** The reason the core left on this element, if any; taken once. */
export function takeFired(el: Element): string | undefined {
  const reason = (el as Marked)[FIRED];
  delete (el as Marked)[FIRED];
  return reason;
}

/** The core imports the UI as a module, where document.currentScript is null: it leaves the URL here. */
export const setScriptUrl = (url: string): void => void ((globalThis as Global)[SCRIPT] = url);
export const givenScriptUrl = (): string | undefined => (globalThis as Global)[SCRIPT];
