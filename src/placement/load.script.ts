import { scriptUrl } from '../util/script-url.ts';
import type { PopoverModule } from './load.ts';

/** The file scripts/build.mjs writes next to cx-feedback.iife.js: popover.ts and Floating UI as one ES module. */
export const POPOVER_FILE = 'cx-feedback.popover.js';

/** A hash of that file's content, put in by the build: a new release never runs with an old cached copy. */
declare const __CX_POPOVER_HASH__: string;

let pending: Promise<PopoverModule> | undefined;
let failures = 0;

/**
 * The script-tag build's loadPopover (see load.ts): a dynamic import of the placement module from the folder the
 * script came from. import() runs under the page's script-src like the script itself, and a CSP nonce carries over
 * to it. The caller falls back to the corner when it fails, and the next card tries again: under another URL, because
 * a browser remembers a failed module URL for the life of the page.
 */
export const loadPopover = (): Promise<PopoverModule> =>
  (pending ??= Promise.resolve()
    // Inside the chain, so that no base URL (the bundle pasted inline) rejects instead of throwing.
    .then(() => import(/* @vite-ignore */ new URL(`${POPOVER_FILE}?v=${__CX_POPOVER_HASH__}${failures ? `&retry=${failures}` : ''}`, scriptUrl).href) as Promise<PopoverModule>)
    .catch((error: unknown) => {
      pending = undefined;
      failures++;
      throw error;
    }));
