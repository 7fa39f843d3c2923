import { retriedImport } from '../util/retry-import.ts';
import type * as Popover from './popover.ts';

export type PopoverModule = typeof Popover;

/**
 * Floating UI (about 6 KiB gzip) is only needed once a popover or floating card opens, so it is a chunk of its own,
 * loaded then (or prefetched at idle for a popover with a timed trigger): a page that shows nothing never pays for
 * it. The classic script build swaps this file for load.script.ts, which fetches the same module from next to it.
 */
export const loadPopover: () => Promise<PopoverModule> = retriedImport(() => import('./popover.ts'));
