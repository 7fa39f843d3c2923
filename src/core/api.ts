import type { CxFeedbackFn } from '../api/global.ts';
import { store } from '../frequency/store.ts';
import { setDebug } from '../triggers/debug.ts';

/** `false` and `'false'` are off; anything else, including no argument, is on (as in the full API). */
const on = (v: unknown) => v !== false && v !== 'false';

/**
 * The core script's `window.cxFeedback`, until the survey UI (or the full script) replaces it. `track` dispatches its
 * event at once (it may be what a waiting trigger listens for) and `reset` clears the stored state at once; `consent`
 * applies at once to the core's delivery and `debug` to its explanations. Every call but `track` and `reset` is kept
 * in `q` for the UI, which replays the queue when it installs the real API (so the queue snippet of
 * docs/touchpoints.md keeps working); `show` is a reason to load it.
 */
export function installCoreApi(load: (why: string) => void, consent: (granted: boolean) => void): void {
  const stub = window.cxFeedback;
  if (stub?.loaded) return;
  const q: ArrayLike<unknown>[] = [];
  const api: CxFeedbackFn = (...args: [string, ...unknown[]]) => {
    const [command, arg, detail] = args;
    try {
      if (command == 'track') return void (typeof arg == 'string' && arg && document.dispatchEvent(new CustomEvent(arg, { detail })));
      // The core decides from the stored state: forgetting it must not wait for the UI.
      if (command == 'reset') return store.clear();
      if (command == 'consent') consent(on(arg));
      // The core explains its own decisions in debug mode too.
      if (command == 'debug') setDebug(on(arg));
    } catch {
      /* never into the page */
    }
    q.push(args);
    if (command == 'show') load('cxFeedback("show")');
  };
  api.q = q;
  window.cxFeedback = api;
  for (const args of Array.isArray(stub?.q) ? stub.q : []) api(...(Array.from(args) as [string]));
}
