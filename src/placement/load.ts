import type * as Popover from './popover.ts';

export type PopoverModule = typeof Popover;

/**
 * Floating UI (about 6 KiB gzip) is only needed once a popover or floating card opens, so it is a module of its own,
 * loaded then: a page that shows nothing never pays for it. ES builds let the bundler split it; the script-tag build
 * swaps this file for load.script.ts, which fetches the same module from next to the script.
 */
export const loadPopover = (): Promise<PopoverModule> => import('./popover.ts');
