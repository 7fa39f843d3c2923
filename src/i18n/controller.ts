import type { ReactiveControllerHost } from 'lit';
import { warnOnce } from '../util/warn.ts';
import { KEYS, type Strings } from './en.ts';
import { hasStrings, loadStrings, strings } from './load.ts';
import { parseStrings } from './parse.ts';
import { dir, pickLocale, resolveLang, watchLang } from './resolve.ts';

export type I18nOptions = {
  /** The element's `strings` property as set: an object of overrides, JSON text from the attribute, or nothing. */
  strings?: () => unknown;
  /** The element's `locales` attribute: where locale files live (a folder, or a URL template with `{lang}`). */
  locales?: () => string | null | undefined;
};

export type I18n = {
  /** The visitor's language as resolved (BCP 47, e.g. "pt-BR"): the `locale` of a response. */
  readonly requested: string;
  /** The language of the strings shown now (for the card's `lang`): the built-in locale, or `requested` when the
   * overrides translate every key themselves. */
  readonly lang: string;
  /** Writing direction of `lang` (for the card's `dir`). */
  readonly dir: 'ltr' | 'rtl';
  /** The strings to render. */
  readonly t: Strings;
  /** True while the visitor's language is being fetched; English (or the previous language) shows meanwhile. */
  readonly loading: boolean;
};

/**
 * Everything language-related an element needs, as a Lit controller: resolves its language on connect, follows
 * `lang` changes while connected, loads the language's strings and re-renders the host when they arrive, and
 * validates the per-element overrides (warning once per problem).
 */
export function i18nController(host: ReactiveControllerHost & HTMLElement, options: I18nOptions = {}): I18n {
  let requested = 'en';
  let shown = 'en';
  let loading = false;
  let stop: (() => void) | undefined;
  let raw: unknown;
  let overrides: Partial<Strings> = {};

  const follow = (lang: string): void => {
    requested = lang;
    const want = pickLocale(lang);
    loading = !hasStrings(want);
    if (!loading) shown = want;
    else
      void loadStrings(want, options.locales?.() ?? undefined).then(() => {
        if (pickLocale(requested) !== want) return; // the language changed again meanwhile
        shown = hasStrings(want) ? want : 'en';
        loading = false;
        host.requestUpdate();
      });
    host.requestUpdate();
  };

  const parsed = (): Partial<Strings> => {
    const value = options.strings?.();
    if (value !== raw) {
      raw = value;
      const result = value == null ? { value: {}, problems: [] } : parseStrings(value);
      result.problems.forEach(warnOnce);
      overrides = result.value;
    }
    return overrides;
  };
  const complete = (): boolean => KEYS.every((key) => parsed()[key] !== undefined);
  // A language we have no strings for, fully translated by the site itself, is spoken as itself (and its direction).
  const lang = (): string =>
    pickLocale(requested) === 'en' && requested.split('-')[0] !== 'en' && complete() ? requested : shown;

  host.addController({
    hostConnected() {
      stop = watchLang(host, follow);
      follow(resolveLang(host));
    },
    hostDisconnected() {
      stop?.();
      stop = undefined;
    },
  });

  return {
    get requested() {
      return requested;
    },
    get lang() {
      return lang();
    },
    get dir() {
      return dir(lang());
    },
    get t() {
      return strings(shown, parsed());
    },
    get loading() {
      return loading;
    },
  };
}
