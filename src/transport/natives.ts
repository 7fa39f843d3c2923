/**
 * The browser's own fetch and sendBeacon, captured when the script loads (matrix H01). A page (or a wrapper it loaded)
 * may have replaced them with versions that throw or never settle; then we take pristine ones from a blank iframe and
 * bind them to this page, the way Sentry's getNativeImplementation does.
 */
export type Beacon = (url: string, body: string) => boolean;

const isNative = (f: unknown): boolean =>
  typeof f == 'function' && /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(f));

export function natives(w: Window): { fetch: typeof fetch; beacon?: Beacon } {
  let f: unknown = w.fetch;
  let b: unknown = w.navigator.sendBeacon;
  if (!isNative(f) || (b && !isNative(b))) {
    try {
      const frame = w.document.createElement('iframe');
      frame.style.display = 'none';
      w.document.documentElement.appendChild(frame);
      const clean = frame.contentWindow!;
      if (!isNative(f)) f = clean.fetch;
      // A missing sendBeacon stays missing: the exit flush falls back to a keepalive fetch (matrix R25).
      if (b && !isNative(b)) b = clean.navigator.sendBeacon;
      frame.remove();
    } catch {
      /* keep what the page has; every call is guarded */
    }
  }
  return { fetch: (f as typeof fetch).bind(w), beacon: b ? (b as Beacon).bind(w.navigator) : undefined };
}

/**
 * This page's, captured when the module first evaluates: the page's entry module imports it at once, so the capture
 * happens before anything later on the page can wrap them, even though the rest of delivery loads later.
 */
export const pageNatives: ReturnType<typeof natives> | undefined = (() => {
  try {
    return natives(window);
  } catch {
    return undefined; // not in a browser
  }
})();
