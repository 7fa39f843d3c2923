import { scriptUrl } from './script-url.ts';

/**
 * An import() of a file that ships next to the script (`file` may carry a `?v=` query), shared by its callers and
 * retried after a failure: under another URL, because a browser remembers a failed module URL for the life of the
 * page. import() runs under the page's script-src like the script itself, and a CSP nonce carries over to it.
 */
export function importNext<T>(file: string): () => Promise<T> {
  let pending: Promise<T> | undefined;
  let failures = 0;
  return () =>
    (pending ??= Promise.resolve()
      // Inside the chain, so that no base URL (the bundle pasted inline) rejects instead of throwing.
      .then(
        () =>
          import(
            /* @vite-ignore */ new URL(`${file}${failures ? `&retry=${failures}` : ''}`, scriptUrl).href
          ) as Promise<T>,
      )
      .catch((error: unknown) => {
        pending = undefined;
        failures++;
        throw error;
      }));
}
