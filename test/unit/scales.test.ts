import { describe, expect, it } from 'vitest';
import { sentiment, SCALES } from '../../src/schema/scales.ts';

describe('sentiment', () => {
  it.each([
    ['nps', 0, 'negative'], ['nps', 6, 'negative'], ['nps', 7, 'neutral'], ['nps', 8, 'neutral'], ['nps', 9, 'positive'], ['nps', 10, 'positive'],
    ['csat', 2, 'negative'], ['csat', 3, 'neutral'], ['csat', 4, 'positive'],
    ['ces', 3, 'negative'], ['ces', 4, 'neutral'], ['ces', 5, 'positive'],
    ['thumbs', 0, 'negative'], ['thumbs', 1, 'positive'],
    ['emoji', 1, 'negative'], ['emoji', 5, 'positive'],
  ] as const)('%s %i is %s', (kind, value, expected) => {
    expect(sentiment(kind, value)).toBe(expected);
  });

  it('every scale has negative below positive', () => {
    for (const s of Object.values(SCALES)) expect(s.negativeMax).toBeLessThan(s.positiveMin);
  });
});
