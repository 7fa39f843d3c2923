/**
 * What the page's entry module (entry.ts) leaves for the element it loads: which widgets' triggers it already heard
 * fire (and the rules allowed), so the element opens them at once instead of waiting for the trigger again.
 */
const fired = new WeakMap<Element, string>();

/** The entry saw this widget's trigger fire and its rules allow it. */
export const markFired = (el: Element, reason: string): void => void fired.set(el, reason);

/** The reason the entry left on this element, if any; taken once. */
export function takeFired(el: Element): string | undefined {
  const reason = fired.get(el);
  fired.delete(el);
  return reason;
}
