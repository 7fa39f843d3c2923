/** What every trigger gets: where it lives, what to call (repeats are ignored), and when to stop. */
export type ArmContext = {
  element: HTMLElement;
  anchor?: Element | null;
  fire: () => void;
  signal: AbortSignal;
};

/**
 * One replaceable timeout bound to a signal: setting it again clears the previous one, and abort clears it, with a
 * single abort listener however often it is re-set (idle and quiet-zone checks re-arm many times).
 */
export function timer(signal: AbortSignal): (fn: () => void, ms: number) => void {
  let t: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(t));
  return (fn, ms) => {
    clearTimeout(t);
    if (!signal.aborted) t = setTimeout(fn, ms);
  };
}

/** Listener options shared by the triggers: removed on abort, never blocking scrolling, seen before the page can stop them. */
export const listen = (signal: AbortSignal): AddEventListenerOptions => ({ signal, passive: true, capture: true });
