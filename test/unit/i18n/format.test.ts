import { describe, expect, it } from 'vitest';
import { format } from '../../../src/i18n/format.ts';

describe('format', () => {
  it.each([
    ['{n} characters left', { n: 12 }, '12 characters left'],
    ['Noch {n} Zeichen', { n: 0 }, 'Noch 0 Zeichen'],
    ['{a} and {a}', { a: 'x' }, 'x and x'],
    ['no placeholder', { n: 1 }, 'no placeholder'],
    ['{missing} stays', { n: 1 }, '{missing} stays'],
    ['{constructor} is not inherited', {}, '{constructor} is not inherited'],
    ['/i18n/{lang}.json', { lang: 'de' }, '/i18n/de.json'],
    ['{n}{n}', { n: '$&' }, '$&$&'],
  ])('%j with %j → %j', (template, vars, out) => {
    expect(format(template, vars)).toBe(out);
  });
});
