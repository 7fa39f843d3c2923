/**
 * dist/cx-feedback.js, the script a site owner pastes: a classic script that imports the page's entry module
 * (entry.ts, built with a content hash in its name) from the folder it was loaded from. import() runs under the page's
 * script-src like this script, and a CSP nonce on this tag carries over to it and to the chunks it imports. From a
 * CDN the folder must send CORS headers (jsDelivr and unpkg do).
 */
/** The entry module's file name, put in by scripts/build.mjs. */
declare const __CX_ENTRY__: string;

const script = document.currentScript;
if (script instanceof HTMLScriptElement && script.src) {
  const url = new URL(__CX_ENTRY__, script.src).href;
  // One retry: a dropped connection or a deploy in progress often passes. Answers already given stay in the outbox.
  import(url)
    .catch(() => new Promise((resolve) => setTimeout(resolve, 1000)).then(() => import(url)))
    .catch((error: unknown) =>
      console.warn(
        `cx-feedback: ${url} did not load (${String(error)}); check that it is served next to cx-feedback.js, with CORS headers from another origin`,
      ),
    );
} else {
  console.warn(
    'cx-feedback: cx-feedback.js must be loaded with <script src>; pasted inline it cannot find its modules (use cx-feedback.iife.js)',
  );
}
