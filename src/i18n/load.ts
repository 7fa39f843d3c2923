import { scriptUrl } from '../util/script-url.ts';
import { warnOnce } from '../util/warn.ts';
import { en, type Strings } from './en.ts';
import { format } from './format.ts';
import { parseStrings } from './parse.ts';
import { pickLocale, type Locale } from './resolve.ts';

// Next to the script-tag bundle, or next to this module in ES builds (src/i18n/locales/ when run from source).
const here = scriptUrl || import.meta.url;

// Module state, not page state: each copy of the bundle keeps its own, nothing is put on `window`.
const loaded = new Map<Locale, Strings>();
const pending = new Map<string, Promise<Strings>>();

/**
 * The URL of a locale file. `base` is the element's `locales` attribute: a folder (`/static/cx/`) or a template
 * with `{lang}` (`/i18n/cx-{lang}.json`), resolved against the page; without it, `locales/<lang>.json` next to the
 * script. Throws when neither gives an absolute URL.
 */
export function localeUrl(locale: Locale, base?: string): URL {
  if (!base) return new URL(`locales/${locale}.json`, here);
  const path = base.includes('{lang}') ? format(base, { lang: locale }) : `${base.replace(/\/?$/, '/')}${locale}.json`;
  return new URL(path, typeof document === 'object' ? document.baseURI : here);
}

/** Whether `strings(lang)` already returns that language's own strings (English always does). */
export const hasStrings = (lang: string): boolean => pickLocale(lang) === 'en' || loaded.has(pickLocale(lang));

/**
 * The strings to show now for a language: its built-in strings if loaded (English until then) under the element's
 * overrides. Synchronous, for render.
 */
export const strings = (lang: string, overrides?: Partial<Strings>): Strings => ({
  ...en,
  ...loaded.get(pickLocale(lang)),
  ...overrides,
});

/**
 * Loads a language's built-in strings once per page, resolving at once for English or a loaded language. Never
 * rejects: on failure it warns once and resolves with English, so a visitor always gets a working widget. Takes no
 * AbortSignal on purpose: the request is shared by every element on the page and is worth finishing for the next.
 */
export function loadStrings(lang: string, base?: string): Promise<Strings> {
  const locale = pickLocale(lang);
  const have = locale === 'en' ? en : loaded.get(locale);
  if (have) return Promise.resolve(have);
  let url: string;
  try {
    url = localeUrl(locale, base).href;
  } catch {
    warnOnce(
      `cx-feedback: no URL to load the "${locale}" strings from; set the locales attribute or the strings property (docs/i18n.md)`,
    );
    return Promise.resolve(en);
  }
  const request =
    pending.get(url) ??
    fetch(url, { credentials: 'omit' })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then((json: unknown) => {
        const { value, problems } = parseStrings(json);
        problems.forEach((problem) => warnOnce(`${problem} (in ${url})`));
        const result = { ...en, ...value };
        loaded.set(locale, result);
        return result;
      })
      .catch((error: unknown) => {
        // Forget the failure so that a later attempt (another element, a language change) can succeed.
        pending.delete(url);
        // The usual causes: file not deployed, no CORS header cross-origin, or CSP connect-src (docs/i18n.md).
        warnOnce(
          `cx-feedback: could not load the "${locale}" strings from ${url} (${String(error)}), showing English; check CORS and CSP connect-src, or set the locales attribute`,
        );
        return en;
      });
  pending.set(url, request);
  return request;
}
