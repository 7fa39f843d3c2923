import { timer } from './context.ts';

/**
 * Quiet zones: moments when nothing may pop up. Checked when a trigger fires; while one holds, the open is deferred and
 * re-checked, never dropped.
 */
export type QuietOptions = {
  /** Quiet start of a page, in ms after `since` (default 3000). Tests pass 0. */
  settle?: number;
  /** performance.now() at which the page started: 0 (navigation start) or the time of the last SPA route change. */
  since?: number;
  /** How often to re-check while deferred, in ms (default 1000). */
  recheck?: number;
};

/** `automatic` triggers (load, delay, scroll, idle, exit, visible) also wait out the page start; `prompt` ones do not. */
export type QuietLevel = 'automatic' | 'prompt';

/** document.activeElement, followed into open shadow roots (a focused field inside a web component). */
export function deepActiveElement(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

const TYPING = 'the visitor is typing in a form field';
const STARTING = 'the page has just started';

/** Why now is not a good moment, or undefined when it is. */
export function quietReason(level: QuietLevel, { settle = 3000, since = 0 }: QuietOptions = {}): string | undefined {
  const el = deepActiveElement();
  if (el && (el.matches('input,textarea,select') || (el as HTMLElement).isContentEditable)) return TYPING;
  // A modal makes the rest of the page inert: a card opened behind it could not be used, so site-chosen moments wait too.
  for (const d of document.querySelectorAll('dialog[open],[aria-modal=true]'))
    if (d.checkVisibility?.() ?? true) return 'a dialog is open';
  if (level == 'automatic' && performance.now() < since + settle) return STARTING;
}

/**
 * Calls `fire` once the moment is quiet: checked asynchronously (so `fire` never runs inside the caller's start), then
 * re-checked every `recheck` ms, or exactly when the page-start period ends. `onWait` hears each new reason once.
 */
export function whenQuiet(
  fire: () => void,
  level: QuietLevel,
  o: QuietOptions & { signal: AbortSignal; onWait?: (reason: string) => void },
): void {
  const set = timer(o.signal);
  let said: string | undefined;
  const check = () => {
    const why = quietReason(level, o);
    if (!why) return fire();
    if (why != said) o.onWait?.((said = why));
    set(check, why == STARTING ? (o.since ?? 0) + (o.settle ?? 3000) - performance.now() : (o.recheck ?? 1000));
  };
  set(check, 0);
}
