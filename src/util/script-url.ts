import { givenScriptUrl } from '../core/handoff.ts';

/**
 * The URL of the script-tag bundle, captured while it first runs: `document.currentScript` is only set during the
 * synchronous run of a classic script; when the core script imported the bundle as a module, it left the URL first.
 * Files that ship next to the script (locale strings, the placement module) are resolved against it. Empty in ES
 * modules, which use their own `import.meta.url` instead (the IIFE build turns that into `{}.url`, hence
 * `scriptUrl || import.meta.url` at each use), and when the bundle is pasted inline.
 */
export const scriptUrl: string = (typeof document === 'object' && document.currentScript instanceof HTMLScriptElement && document.currentScript.src) || givenScriptUrl() || '';
