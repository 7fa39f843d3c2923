import { describe, expect, it } from 'vitest';
import { displayForm, fold } from '../src/themes/fold.ts';
import { termsOf, themes } from '../src/themes/themes.ts';
import type { ThemeText } from '../src/themes/themes.ts';

describe('folding', () => {
  it.each([
    ['Délai', 'delai'],
    ['LIEFERUNG', 'lieferung'],
    ['Spät', 'spat'],
    ['が', 'が'],
    ['Ελλάδα', 'ελλαδα'],
  ])('%s → %s', (word, folded) => expect(fold(word)).toBe(folded));
});

describe('terms of one text', () => {
  it.each([
    [
      'en',
      'The delivery was late, the Délivery box was broken!',
      ['delivery', 'late', 'box', 'delivery box', 'broken'],
    ],
    ['de', 'Die Lieferung war zu spät', ['lieferung', 'spat']],
    ['fr', 'La livraison était très lente', ['livraison', 'lente']],
    ['ja', '配達が遅かったです。箱が壊れていました', ['配達', '遅', '箱', '壊']],
    ['zh', '送货太慢了，包装破损', ['送货', '太慢', '送货太慢', '包装', '破损', '包装破损']],
  ])('%s: %s', (locale, text, expected) => expect([...termsOf(text, locale).keys()]).toEqual(expected));

  it.each(['x', '12', ''])('a stored locale that is no language tag (%j) reads the text with English rules', (locale) =>
    expect([...termsOf('The delivery was late', locale).keys()]).toEqual(['delivery', 'late']),
  );

  it('keeps the form the text first wrote each term in, accents kept', () => {
    expect([...termsOf('Die Lieferung war zu Spät, SPAT', 'de')]).toEqual([
      ['lieferung', 'lieferung'],
      ['spat', 'spät'],
    ]);
  });
});

describe('display forms', () => {
  it.each([
    ['Spät', 'de', 'spät'],
    ['Spa\u0308t', 'de', 'spät'], // decomposed ä: one form with the composed one
    ['CAFÉ', 'fr', 'café'],
    ['IŞIK', 'tr', 'ışık'], // Turkish dotless i: the locale's rules, not the default ones
    ['IŞIK', 'en', 'işik'],
    ['IŞIK', 'x', 'işik'], // a malformed locale tag falls back to the default rules instead of throwing
  ])('%s in %s → %s', (word, language, form) => expect(displayForm(word, language)).toBe(form));
});

describe('themes of a corpus', () => {
  const corpus: ThemeText[] = [
    { id: '1', text: 'Wrong size again', locale: 'en', tone: 'negative' },
    { id: '2', text: 'wrong size, sadly', locale: 'en', tone: 'negative' },
    { id: '3', text: 'Fast delivery', locale: 'en', tone: 'positive' },
    { id: '4', text: 'fast delivery!!', locale: 'en', tone: 'positive' },
    { id: '5', text: 'Delivery took ages', locale: 'en', tone: 'negative' },
    { id: '6', text: '配達が遅かったです', locale: 'ja', tone: 'negative' },
    { id: '7', text: '配達が遅かった', locale: 'ja', tone: 'negative' },
  ];

  it('counts each phrase once per comment, by tone, keeping the phrase over its words', () => {
    expect(themes(corpus).map((t) => [t.phrase, t.label, t.negative, t.positive, t.ids])).toEqual([
      ['delivery', 'delivery', 1, 2, ['3', '4', '5']],
      ['wrong size', 'wrong size', 2, 0, ['1', '2']],
      ['遅', '遅', 2, 0, ['6', '7']],
      ['配達', '配達', 2, 0, ['6', '7']],
      ['fast delivery', 'fast delivery', 0, 2, ['3', '4']],
    ]);
  });
});

describe('theme labels', () => {
  const text = (id: string, words: string, locale: string): ThemeText => ({
    id,
    text: words,
    locale,
    tone: 'negative',
  });
  const byPhrase = (texts: ThemeText[]) => new Map(themes(texts).map((t) => [t.phrase, [t.label, t.ids]]));

  it('groups "Spät", "spat" and "spät" under the folded key and shows the form written most', () => {
    const found = byPhrase([
      text('1', 'Spät geliefert', 'de'),
      text('2', 'Paket spat angekommen', 'de'),
      text('3', 'Viel zu spät', 'de'),
    ]);
    expect(found.get('spat')).toEqual(['spät', ['1', '2', '3']]);
    expect(found.has('spät')).toBe(false);
  });

  it('keeps French accents in words and in both words of a phrase', () => {
    const found = byPhrase([
      text('1', 'Café froid, encore', 'fr'),
      text('2', 'Un CAFÉ FROID', 'fr'),
      text('3', 'Café amer', 'fr'),
      text('4', 'Livraison retardée', 'fr'),
      text('5', 'LIVRAISON RETARDÉE !', 'fr'),
    ]);
    expect(found.get('cafe')).toEqual(['café', ['1', '2', '3']]);
    expect(found.get('cafe froid')).toEqual(['café froid', ['1', '2']]);
    expect(found.get('livraison retardee')).toEqual(['livraison retardée', ['4', '5']]);
  });

  it('shows the most frequent form, even where a rarer one is accented or seen first', () => {
    const found = byPhrase([
      text('1', 'Délai énorme', 'fr'),
      text('2', 'delai énorme', 'fr'),
      text('3', 'Delai énorme', 'fr'),
    ]);
    expect(found.get('delai enorme')?.[0]).toBe('delai énorme');
  });

  it('breaks a tie with the form first in code-unit order, whatever the order of the comments', () => {
    const spaet = text('1', 'Spät geliefert', 'de');
    const spat = text('2', 'spat angekommen', 'de');
    expect(byPhrase([spaet, spat]).get('spat')?.[0]).toBe('spat');
    expect(byPhrase([spat, spaet]).get('spat')?.[0]).toBe('spat');
  });

  it('joins the forms of a Chinese phrase without a space, as its key', () => {
    const found = byPhrase([text('1', '送货太慢了', 'zh'), text('2', '送货太慢', 'zh')]);
    expect(found.get('送货太慢')).toEqual(['送货太慢', ['1', '2']]);
  });
});
