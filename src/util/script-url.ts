/**
 * The URL of the classic script (cx-feedback.iife.js), captured while it first runs: `document.currentScript` is only
 * set during the synchronous run of a classic script. Files that ship next to it (locale strings, the placement
 * module, the survey check) are resolved against it. Empty in ES modules, which use their own `import.meta.url`
 * instead (the IIFE build turns that into `{}.url`, hence `scriptUrl || import.meta.url` at each use), and when the
 * bundle is pasted inline.
 */
export const scriptUrl: string =
  (typeof document === 'object' && document.currentScript instanceof HTMLScriptElement && document.currentScript.src) ||
  '';
