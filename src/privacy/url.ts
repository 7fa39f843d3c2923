import { LIMITS } from '../schema/limits.ts';

/**
 * The page URL as it goes into a payload: no fragment, no credentials, and no query parameters except those the site
 * named (query strings often carry e-mail addresses, tokens or search terms). Unparseable input gives ''.
 */
export function pageUrl(href: string, keepParams: readonly string[] = []): string {
  try {
    const url = new URL(href);
    const kept = new URLSearchParams();
    url.searchParams.forEach((value, key) => keepParams.includes(key) && kept.append(key, value));
    url.search = kept.toString();
    url.hash = url.username = url.password = '';
    return url.href.slice(0, LIMITS.urlLength);
  } catch {
    return '';
  }
}
