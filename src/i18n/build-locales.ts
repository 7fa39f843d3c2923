import { en, type Strings } from './en.ts';
import type { Locale } from './resolve.ts';
import { ar } from './locales/ar.ts';
import { de } from './locales/de.ts';
import { es } from './locales/es.ts';
import { fr } from './locales/fr.ts';
import { he } from './locales/he.ts';
import { it } from './locales/it.ts';
import { ja } from './locales/ja.ts';
import { nl } from './locales/nl.ts';
import { pl } from './locales/pl.ts';
import { pt } from './locales/pt.ts';
import { sv } from './locales/sv.ts';
import { zh } from './locales/zh.ts';

/**
 * Build-time only (never import this from browser code: it holds every language). The record type makes adding a
 * locale to LOCALES without its strings a type error.
 */
export const BUILT_IN: Readonly<Record<Locale, Strings>> = { en, de, fr, es, it, nl, pt, pl, sv, ja, zh, ar, he };

/**
 * The files to publish next to the script-tag bundle and the ES modules: `locales/<lang>.json`, one flat JSON object
 * per language in the key order of `en` (en.json included, as a template for translators). Pure, so any build tool
 * can write them: `for (const f of localeFiles()) write(join('dist', f.fileName), f.source)`.
 */
export function localeFiles(): { fileName: string; source: string }[] {
  return Object.entries(BUILT_IN).map(([locale, strings]) => ({
    fileName: `locales/${locale}.json`,
    source: `${JSON.stringify(strings)}\n`,
  }));
}
