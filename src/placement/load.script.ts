import { importNext } from '../util/import-next.ts';
import type { PopoverModule } from './load.ts';

/** A hash of cx-feedback.popover.js, put in by scripts/build.mjs: a new release never runs with an old cached copy. */
declare const __CX_POPOVER_HASH__: string;

/**
 * The script-tag build's loadPopover (see load.ts): popover.ts and Floating UI as one ES module, the file the build
 * writes next to cx-feedback.iife.js. When it fails, the caller opens the card in the corner; the next card retries.
 */
export const loadPopover = importNext<PopoverModule>(`cx-feedback.popover.js?v=${__CX_POPOVER_HASH__}`);
