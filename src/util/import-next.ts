import { scriptUrl } from './script-url.ts';
import { sharedLoad } from './shared-load.ts';

/**
 * An import() of a file that ships next to the script (`file` may carry a `?v=` query), shared by its callers (see
 * sharedLoad) and retried after a failure: under another URL, because a browser remembers a failed module URL for the
 * life of the page. import() runs under the page's script-src like the script itself, and a CSP nonce carries over.
 */
export function importNext<T>(file: string): () => Promise<T> {
  let attempts = 0;
  return sharedLoad(() =>
    // Inside the chain, so that no base URL (the bundle pasted inline) rejects instead of throwing.
    Promise.resolve().then(() => {
      const retry = attempts++ ? `&retry=${attempts - 1}` : '';
      return import(/* @vite-ignore */ new URL(`${file}${retry}`, scriptUrl).href) as Promise<T>;
    }),
  );
}
