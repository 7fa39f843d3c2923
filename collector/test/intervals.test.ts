import { describe, expect, it } from 'vitest';
import { meanInterval, netChange, netScore, proportionChange, tQuantile, wilson } from '../src/stats/intervals.ts';

/** Expected values computed by hand from the textbook formulas (z = 1.96), to 0.01. */
describe('Wilson interval (percent)', () => {
  it.each([
    [8, 10, 80, 49.02, 94.33],
    [0, 20, 0, 0, 16.11],
    [45, 50, 90, 78.64, 95.65],
  ])('%i of %i → %f (%f–%f)', (k, n, value, low, high) => {
    const w = wilson(k, n);
    expect(w?.value).toBeCloseTo(value, 2);
    expect(w?.low).toBeCloseTo(low, 2);
    expect(w?.high).toBeCloseTo(high, 2);
  });

  it('has no interval without answers', () => expect(wilson(0, 0)).toBeNull());
});

describe('net score margin of error (NPS)', () => {
  it.each([
    // promoters, detractors, n → score, margin: variance p + d − (p − d)²
    [50, 20, 100, 30, 15.31],
    [30, 30, 60, 0, 25.3],
    [10, 0, 10, 100, 0],
  ])('%i promoters, %i detractors of %i → %f ± %f', (p, d, n, score, margin) => {
    const s = netScore(p, d, n);
    expect(s?.value).toBeCloseTo(score, 2);
    expect(Math.min(100, score + margin)).toBeCloseTo(s?.high ?? NaN, 1);
  });
});

describe('t interval of a mean', () => {
  it('uses the t quantile for small samples: 1,1,2,2,3,3,4,4,5,5 → 3 ± 2.262 × 1.4907 / √10', () => {
    const m = meanInterval([1, 2, 3, 4, 5].map((value) => ({ value, n: 2 })));
    expect(m?.value).toBe(3);
    expect(m?.high).toBeCloseTo(3 + 1.0663, 3);
  });

  it.each([
    [1, 12.706],
    [9, 2.262],
    [30, 2.042],
    [60, 2.0],
    [1e9, 1.96],
  ])('t(0.975, %i) = %f', (df, t) => expect(tQuantile(df)).toBeCloseTo(t, 2));
});

describe('significance of a change', () => {
  it.each([
    // current k/n vs previous k/n → delta (points), z, significant
    [30, 100, 50, 100, -20, -2.89, true],
    [45, 100, 50, 100, -5, -0.71, false],
  ])('%i/%i vs %i/%i', (k1, n1, k0, n0, delta, z, significant) => {
    const c = proportionChange(k1, n1, k0, n0);
    expect(c?.delta).toBeCloseTo(delta, 6);
    expect(c?.z).toBeCloseTo(z, 2);
    expect(c?.significant).toBe(significant);
  });

  it('adds the variances of two NPS samples: +30 vs −10 on 100 each is z = 3.51', () => {
    const c = netChange({ positive: 50, negative: 20, n: 100 }, { positive: 30, negative: 40, n: 100 });
    expect(c?.delta).toBeCloseTo(40, 6);
    expect(c?.z).toBeCloseTo(3.51, 2);
    expect(c?.significant).toBe(true);
  });
});
