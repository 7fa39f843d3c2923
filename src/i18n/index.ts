/**
 * Languages: strings (English inlined, the rest loaded on demand), language resolution, overrides and placeholders.
 * See docs/i18n.md.
 */
export { en, KEYS } from './en.ts';
export type { Strings, StringKey } from './en.ts';
export { format } from './format.ts';
export { parseStrings } from './parse.ts';
export type { ParsedStrings } from './parse.ts';
export { strings, loadStrings, hasStrings, localeUrl } from './load.ts';
export { LOCALES, pickLocale, dir, resolveLang, watchLang } from './resolve.ts';
export type { Locale } from './resolve.ts';
export { i18nController } from './controller.ts';
export type { I18n, I18nOptions } from './controller.ts';
