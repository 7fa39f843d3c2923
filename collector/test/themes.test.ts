import { describe, expect, it } from 'vitest';
import { fold } from '../src/themes/fold.ts';
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
  ])('%s: %s', (locale, text, expected) => expect([...termsOf(text, locale)]).toEqual(expected));
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
    expect(themes(corpus).map((t) => [t.phrase, t.negative, t.positive, t.ids])).toEqual([
      ['delivery', 1, 2, ['3', '4', '5']],
      ['wrong size', 2, 0, ['1', '2']],
      ['遅', 2, 0, ['6', '7']],
      ['配達', 2, 0, ['6', '7']],
      ['fast delivery', 0, 2, ['3', '4']],
    ]);
  });
});
