import { scriptUrl } from '../util/script-url.ts';
import type { PopoverModule } from './load.ts';

/** The file scripts/build.mjs writes next to cx-feedback.iife.js: popover.ts and Floating UI as one ES module. */
export const POPOVER_FILE = 'cx-feedback.popover.js';

let pending: Promise<PopoverModule> | undefined;

/**
 * The script-tag build's loadPopover (see load.ts): a dynamic import of the placement module from the folder the
 * script came from. import() runs under the page's script-src like the script itself, and a CSP nonce carries over
 * to it. A failed load is not cached, so the next card tries again; the caller falls back to the corner meanwhile.
 */
export const loadPopover = (): Promise<PopoverModule> =>
  (pending ??= Promise.resolve()
    // Inside the chain, so that no base URL (the bundle pasted inline) rejects instead of throwing.
    .then(() => import(/* @vite-ignore */ new URL(POPOVER_FILE, scriptUrl).href) as Promise<PopoverModule>)
    .catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
