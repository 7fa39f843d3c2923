import type { UrlTarget } from '../triggers/parse.ts';

/** Window event our history wrapper dispatches after pushState/replaceState (internal). */
const ROUTE_EVENT = 'cx-route';
const PATCHED = Symbol.for('cx-feedback.history');

/**
 * pushState/replaceState fire no event, so without the Navigation API we wrap them, once per page. The wrapper is never
 * restored: a router or analytics script may have wrapped ours in turn, and putting the original back would silently
 * drop theirs. It only dispatches an event, which costs nothing when no widget listens. The mark lives on the history
 * object under Symbol.for, so a second copy of our script (or a second watcher) does not wrap twice.
 */
function patchHistory(): void {
  const h = history as History & Record<symbol, boolean>;
  if (h[PATCHED]) return;
  h[PATCHED] = true;
  for (const name of ['pushState', 'replaceState'] as const) {
    const original = h[name];
    h[name] = function (this: History, ...args: Parameters<History['pushState']>) {
      original.apply(this, args);
      dispatchEvent(new Event(ROUTE_EVENT));
    };
  }
}

/**
 * Calls onChange(href) whenever the page's URL changes without a reload (SPA routes, hash links, back/forward);
 * repeated signals for the same URL (replaceState with the same URL, popstate + hashchange) are reported once.
 * Uses the Navigation API where the browser has it (its navigatesuccess covers pushState, replaceState, hash changes
 * and traversal), else popstate + hashchange + the history wrapper; `nav = null` forces the fallback (tests).
 */
export function watchRoute(
  onChange: (href: string) => void,
  nav: EventTarget | null = (globalThis as { navigation?: EventTarget }).navigation ?? null,
): () => void {
  const ac = new AbortController();
  let last = location.href;
  const check = () => last != location.href && onChange((last = location.href));
  const options = { signal: ac.signal };
  if (nav) nav.addEventListener('navigatesuccess', check, options);
  else {
    patchHistory();
    for (const type of ['popstate', 'hashchange', ROUTE_EVENT]) addEventListener(type, check, options);
  }
  return () => ac.abort();
}

type Where = Pick<Location, 'href' | 'origin' | 'pathname'>;

/**
 * URL targeting. `contains`: anywhere in the full URL. `exact`: the full URL, or origin + path, or the path alone
 * (so `exact:/checkout` ignores query and hash). `regex`: tested against the path, then the full URL, so
 * `regex:^/orders/\d+$` works as written.
 */
export function matchesUrl({ match, value }: UrlTarget, where: Where = location): boolean {
  const { href, pathname } = where;
  if (match == 'exact') return [href, where.origin + pathname, pathname].includes(value);
  if (match == 'regex') return [pathname, href].some((s) => new RegExp(value).test(s));
  return href.includes(value);
}
