/**
 * Test helpers: count what our modules leave behind on the page (event listeners, observers, timers) by wrapping the platform
 * for the duration of a test, and wait for things with promises instead of sleeping.
 */
type Listener = { target: EventTarget; type: string; fn: unknown; capture: boolean };

export function trackResources() {
  const listeners = new Set<Listener>();
  const observers = new Set<object>();
  const timers = new Set<unknown>();
  const proto = EventTarget.prototype;
  const { addEventListener: add, removeEventListener: remove } = proto;
  const capture = (o?: boolean | EventListenerOptions) => (typeof o == 'boolean' ? o : !!o?.capture);
  proto.addEventListener = function (
    this: EventTarget,
    type: string,
    fn: EventListenerOrEventListenerObject | null,
    o?: boolean | AddEventListenerOptions,
  ) {
    const signal = typeof o == 'object' ? o.signal : undefined;
    const exists = [...listeners].some(
      (l) => l.target == this && l.type == type && l.fn == fn && l.capture == capture(o),
    );
    // Abort listeners on signals are wiring that lives and dies with its AbortController, not with the page.
    if (fn && !signal?.aborted && !exists && !(this instanceof AbortSignal)) {
      const entry = { target: this, type, fn, capture: capture(o) };
      listeners.add(entry);
      // Listeners added with a signal are removed by abort, not by removeEventListener.
      if (signal) add.call(signal, 'abort', () => listeners.delete(entry));
    }
    return add.call(this, type, fn, o);
  };
  proto.removeEventListener = function (
    this: EventTarget,
    type: string,
    fn: EventListenerOrEventListenerObject | null,
    o?: boolean | EventListenerOptions,
  ) {
    for (const l of listeners)
      if (l.target == this && l.type == type && l.fn == fn && l.capture == capture(o)) listeners.delete(l);
    return remove.call(this, type, fn, o);
  };
  const restores: (() => void)[] = [];
  for (const Observer of [IntersectionObserver, ResizeObserver, MutationObserver]) {
    const { observe, disconnect } = Observer.prototype;
    Observer.prototype.observe = function (this: object, ...args: unknown[]) {
      observers.add(this);
      return (observe as (...a: unknown[]) => void).apply(this, args);
    };
    Observer.prototype.disconnect = function (this: object) {
      observers.delete(this);
      return disconnect.call(this as never);
    };
    restores.push(() => Object.assign(Observer.prototype, { observe, disconnect }));
  }
  const { setTimeout: set, clearTimeout: clear } = window;
  window.setTimeout = ((fn: () => void, ms?: number) => {
    const id = set(() => {
      timers.delete(id);
      fn();
    }, ms);
    timers.add(id);
    return id;
  }) as typeof setTimeout;
  window.clearTimeout = ((id?: number) => {
    timers.delete(id);
    clear(id);
  }) as typeof clearTimeout;
  return {
    count: () => ({ listeners: listeners.size, observers: observers.size, timers: timers.size }),
    restore() {
      Object.assign(proto, { addEventListener: add, removeEventListener: remove });
      Object.assign(window, { setTimeout: set, clearTimeout: clear });
      restores.forEach((r) => r());
    },
  };
}

export const tick = (ms = 0) => new Promise<void>((r) => setTimeout(r, ms));
export const frames = async (n = 2) => {
  for (let i = 0; i < n; i++) await new Promise(requestAnimationFrame);
};

/** Resolves when `check()` holds; rejects after `timeout` ms so a failure reports instead of hanging. */
export async function until(check: () => unknown, timeout = 3000, what = 'condition'): Promise<void> {
  const end = performance.now() + timeout;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await tick(10);
  }
}

/** A recorder for a trigger's fire(): how often and with which reason. */
export function recorder() {
  const calls: string[] = [];
  const fire = (reason: string) => void calls.push(reason);
  return { calls, fire, fired: () => calls.length > 0 };
}

/** Quiet-zone settings that keep tests fast: no page-start wait, quick re-checks. */
export const FAST = { settle: 0, recheck: 15 };
