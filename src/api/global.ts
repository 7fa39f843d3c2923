import { store } from '../frequency/store.ts';
import { setDebug, warn } from '../triggers/debug.ts';
import { whenQuiet } from '../triggers/quiet.ts';
import { lookup, withWidgets } from './registry.ts';

/**
 * The global `cxFeedback(command, ...args)` for script-tag users. Pages may call it before our script has loaded
 * through the queue snippet (docs/touchpoints.md):
 *
 *   window.cxFeedback = window.cxFeedback || function(){(cxFeedback.q = cxFeedback.q || []).push(arguments)}
 *
 * installGlobalApi replaces that stub with the real function and replays the queue in order.
 */
export type CxFeedbackFn = ((command: string, ...args: unknown[]) => void) & {
  q?: ArrayLike<unknown>[];
  loaded?: true;
};

declare global {
  interface Window {
    cxFeedback?: CxFeedbackFn;
  }
}

export type ApiHandlers = {
  /** `cxFeedback('consent', true | false)`. */
  consent?: (granted: boolean) => void;
  /** After `cxFeedback('reset')` cleared the frequency state. */
  reset?: () => void;
  /** Before `cxFeedback('show', name)` looks for the widget: the page's entry module loads the element then. */
  show?: () => void;
};

const COMMANDS = 'show, hide, track, reset, consent, debug';

/** `false` and `'false'` are off; anything else, including no argument, is on. */
const on = (v: unknown) => v !== false && v !== 'false';

/**
 * Installs the real `window.cxFeedback` and replays queued calls; returns an uninstall (for tests). If another copy of
 * our script already installed it, the first one stays and this does nothing. The API never throws into the page:
 * misuse is one console warning.
 */
export function installGlobalApi(handlers: ApiHandlers = {}): () => void {
  const stub = window.cxFeedback;
  if (stub?.loaded) return () => {};
  const warned = new Set<string>();
  const run = (command: string, arg?: unknown, detail?: unknown) => {
    const name = String(arg);
    if (/^(show|hide|track)$/.test(command) && (typeof arg != 'string' || !arg)) throw 'it needs a name';
    // A moment chosen by the site: opens promptly, but still not while the visitor types or a dialog is open.
    if (command == 'show') handlers.show?.();
    if (command == 'show')
      withWidgets(name, (w) => whenQuiet(() => w.show('api'), 'prompt', { signal: new AbortController().signal }));
    else if (command == 'hide') lookup(name).forEach((w) => w.hide());
    else if (command == 'track') document.dispatchEvent(new CustomEvent(name, { detail }));
    else if (command == 'reset') {
      store.clear();
      handlers.reset?.();
    } else if (command == 'consent') handlers.consent?.(on(arg));
    else if (command == 'debug') setDebug(on(arg));
    else if (!warned.has(command)) {
      warned.add(command);
      warn(null, `cxFeedback("${command}") is not a command; use one of ${COMMANDS}`);
    }
  };
  const api: CxFeedbackFn = (...args) => {
    try {
      run(...(args as [string]));
    } catch (e) {
      warn(null, `cxFeedback("${args[0]}", …) ignored: ${e}`);
    }
  };
  api.loaded = true;
  window.cxFeedback = api;
  for (const args of Array.isArray(stub?.q) ? stub.q : []) api(...(Array.from(args) as [string]));
  return () => void (window.cxFeedback == api && delete window.cxFeedback);
}
