import { createRequire } from 'node:module';
import * as z from 'zod';
import { fold } from './fold.ts';

/**
 * Stop words of the widget's 13 languages from stopwords-iso (a maintained, MIT-licensed union of the common
 * lists), folded like the words they are compared with. Loaded once; unknown languages fall back to English.
 */
export const THEME_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'ar', 'he', 'ja', 'zh'] as const;

const Lists = z.record(z.string(), z.array(z.string()));
const lists = Lists.parse(createRequire(import.meta.url)('stopwords-iso'));

const STOP = new Map<string, Set<string>>(
  THEME_LANGUAGES.map((lang) => [lang, new Set((lists[lang] ?? []).map(fold))]),
);

export const languageOf = (locale: string): string => locale.toLowerCase().split(/[-_]/)[0];

/** Stop words of the comment's language plus English, which visitors mix into every language. */
export function isStopWord(word: string, locale: string): boolean {
  return Boolean(STOP.get(languageOf(locale))?.has(word) || STOP.get('en')?.has(word));
}
