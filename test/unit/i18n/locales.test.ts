import { describe, expect, it } from 'vitest';
import { en, KEYS, type StringKey } from '../../../src/i18n/en.ts';
import { BUILT_IN, localeFiles } from '../../../src/i18n/build-locales.ts';
import { parseStrings } from '../../../src/i18n/parse.ts';
import { LOCALES } from '../../../src/i18n/resolve.ts';

const placeholders = (text: string): string[] => [...text.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();
const table = Object.entries(BUILT_IN);

// Words that really are the same as in English in some languages; anything else equal to English is untranslated.
const SAME_AS_ENGLISH: Partial<Record<StringKey, string[]>> = {
  launcher: ['de', 'it', 'nl', 'pt', 'sv'],
  emoji3: ['de', 'sv'],
  no: ['es', 'it'],
};

describe('built-in locales', () => {
  it('cover exactly the supported languages', () => {
    expect(Object.keys(BUILT_IN).sort()).toEqual([...LOCALES].sort());
    expect(LOCALES.length).toBeGreaterThanOrEqual(13);
  });

  it.each(table)('%s has every key of en, in the same order', (_, strings) => {
    expect(Object.keys(strings)).toEqual(KEYS);
  });

  it.each(table)('%s has no empty or padded strings', (_, strings) => {
    for (const [key, text] of Object.entries(strings)) {
      expect(text.trim(), key).not.toBe('');
      expect(text, key).toBe(text.trim());
    }
  });

  it.each(table)('%s keeps the placeholders of en', (_, strings) => {
    for (const key of KEYS) expect(placeholders(strings[key]), key).toEqual(placeholders(en[key]));
  });

  it.each(table.filter(([locale]) => locale !== 'en'))(
    '%s is translated (only known cognates equal English)',
    (locale, strings) => {
      const same = KEYS.filter((key) => strings[key] === en[key] && !SAME_AS_ENGLISH[key]?.includes(locale));
      expect(same).toEqual([]);
    },
  );

  it('en uses typographic punctuation (… and ’), not ASCII stand-ins', () => {
    for (const [locale, strings] of table)
      for (const text of Object.values(strings)) expect(text, locale).not.toMatch(/\.\.\./);
    for (const text of Object.values(en)) expect(text).not.toMatch(/'/);
  });

  it('fr puts a no-break space before ? ! : (never an ordinary one)', () => {
    for (const [key, text] of Object.entries(BUILT_IN.fr)) {
      expect(text, key).not.toMatch(/ [?!:;]/);
      expect(text, key).not.toMatch(/[^\s\u00a0\u202f][?!:;]/);
    }
  });
});

describe('localeFiles', () => {
  const files = localeFiles();

  it('emits locales/<lang>.json for every locale', () => {
    expect(files.map((f) => f.fileName).sort()).toEqual(LOCALES.map((l) => `locales/${l}.json`).sort());
  });

  it.each(files)('$fileName round-trips through parseStrings without a problem', ({ fileName, source }) => {
    const locale = fileName.slice('locales/'.length, -'.json'.length) as keyof typeof BUILT_IN;
    expect(parseStrings(JSON.parse(source))).toEqual({ value: BUILT_IN[locale], problems: [] });
  });
});
