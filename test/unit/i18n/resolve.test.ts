import { describe, expect, it } from 'vitest';
import { dir, pickLocale } from '../../../src/i18n/resolve.ts';

describe('pickLocale', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['de', 'de'],
    ['de-CH', 'de'],
    ['pt-BR', 'pt'],
    ['pt-PT', 'pt'],
    ['pt_BR', 'pt'],
    ['zh-Hant-TW', 'zh'],
    ['zh-CN', 'zh'],
    ['he-IL', 'he'],
    ['iw', 'he'],
    ['ar-EG', 'ar'],
    ['JA-jp', 'ja'],
    ['sv-FI', 'sv'],
    ['nl-BE', 'nl'],
    ['fr-CA', 'fr'],
    ['es-419', 'es'],
    ['xx', 'en'],
    ['fa-IR', 'en'],
    ['', 'en'],
    ['deu', 'en'],
  ])('%j → %s', (tag, locale) => {
    expect(pickLocale(tag)).toBe(locale);
  });
});

describe('dir', () => {
  it.each([
    ['ar', 'rtl'],
    ['ar-SA', 'rtl'],
    ['he-IL', 'rtl'],
    ['iw', 'rtl'],
    ['fa', 'rtl'],
    ['ur-PK', 'rtl'],
    ['en', 'ltr'],
    ['de', 'ltr'],
    ['zh-Hant-TW', 'ltr'],
    ['ja', 'ltr'],
    ['', 'ltr'],
  ])('%j → %s', (tag, direction) => {
    expect(dir(tag)).toBe(direction);
  });
});
