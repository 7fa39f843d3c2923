import { describe, expect, it } from 'vitest';
import { classify, estimateOf, toStat } from '../src/stats/headline.ts';
import type { ValueTally } from '../src/stats/headline.ts';
import { weekStart } from '../src/stats/timeline.ts';

/** "9×3, 7" → tallies; keeps the table below readable as the hand calculation it encodes. */
const tallies = (spec: string): ValueTally[] =>
  spec
    ? spec.split(',').map((part) => {
        const [value, n = '1'] = part.trim().split('×');
        return { value, valence: '', n: Number(n) };
      })
    : [];

/** The headline figure of one question as the overview shows it, without the minimum sample size. */
const figure = (type: string, spec: string) => {
  const classes = classify(type, tallies(spec));
  return { ...classes, value: toStat(classes.n, estimateOf(type, classes), 0).value };
};

describe('headline figure per kind', () => {
  it.each([
    ['nps', 'no answers', '', { n: 0, positive: 0, negative: 0, value: null }],
    ['nps', 'one promoter', '10', { n: 1, positive: 1, negative: 0, value: 100 }],
    ['nps', 'one detractor', '0', { n: 1, positive: 0, negative: 1, value: -100 }],
    ['nps', 'all passives', '7×2, 8×3', { n: 5, positive: 0, negative: 0, value: 0 }],
    // 5 promoters, 2 passives, 3 detractors of 10: 50 % − 30 % = 20
    ['nps', 'a mix', '9×3, 10×2, 7×2, 3, 6×2', { n: 10, positive: 5, negative: 3, value: 20 }],
    // 6 is a detractor, 7 and 8 passives, 9 a promoter: (1 − 1) / 4 = 0
    ['nps', 'the category edges', '6, 7, 8, 9', { n: 4, positive: 1, negative: 1, value: 0 }],
    // (2 − 1) / 3 = 33.33… → 33.3
    ['nps', 'a rounding case', '10×2, 0', { n: 3, positive: 2, negative: 1, value: 33.3 }],
    ['csat', 'one of each: 4 and 5 of 5', '1, 2, 3, 4, 5', { n: 5, positive: 2, negative: 2, value: 40 }],
    ['csat', 'mostly satisfied: 3 of 4', '4×3, 2', { n: 4, positive: 3, negative: 1, value: 75 }],
    // 5–7 are easy, 4 is neutral
    ['ces', 'a spread: 5 and 7 of 4', '7, 5, 4, 1', { n: 4, positive: 2, negative: 1, value: 50 }],
    ['ces', 'all neutral', '4×3', { n: 3, positive: 0, negative: 0, value: 0 }],
    ['emoji', '4 and 5 are happy: 2 of 4', '5, 4, 3, 1', { n: 4, positive: 2, negative: 1, value: 50 }],
    ['thumbs', 'three up, one down', '1×3, 0', { n: 4, positive: 3, negative: 1, value: 75 }],
    // 2 better, 1 about, 1 worse of 4: 50 % − 25 % = 25
    ['expectation', 'net of better and worse', '3×2, 2, 1', { n: 4, positive: 2, negative: 1, value: 25 }],
    // "partly" (1) is neither yes nor no
    ['task', 'yes of yes, partly, no', '2, 1, 0', { n: 3, positive: 1, negative: 1, value: 33.3 }],
  ])('%s: %s', (type, _name, spec, expected) => {
    expect(figure(type, spec)).toEqual(expected);
  });

  it('counts a reaction by its valence and reports the negative share', () => {
    const reactions: ValueTally[] = [
      { value: 'angry', valence: 'negative', n: 1 },
      { value: 'happy', valence: 'positive', n: 2 },
      { value: 'custom', valence: '', n: 1 },
    ];
    const classes = classify('reaction', reactions);
    expect(classes).toEqual({ n: 4, positive: 2, negative: 1 });
    expect(toStat(classes.n, estimateOf('reaction', classes), 0).value).toBe(25);
  });
});

describe('weeks', () => {
  it.each([
    ['2026-03-15', '2026-03-09'], // Sunday → the Monday before
    ['2026-03-09', '2026-03-09'], // Monday stays
    ['2026-01-01', '2025-12-29'], // across a year boundary
  ])('week of %s starts %s', (day, monday) => {
    expect(weekStart(day)).toBe(monday);
  });
});
