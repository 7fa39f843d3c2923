/**
 * 95 % intervals and change tests for the results page, in the units the page shows (percent, or points from
 * −100 to 100 for net scores). Table-tested against hand-computed values in collector/test/intervals.test.ts.
 */
export const Z95 = 1.959964;

/** Below this many answers a figure is "too few answers": its interval would be wider than it is useful. */
export const MIN_ANSWERS = 30;

export type Estimate = { value: number; low: number; high: number };

/** Wilson score interval for k successes in n trials, in percent; stays inside 0–100 even at 0 or n. */
export function wilson(k: number, n: number): Estimate | null {
  if (n === 0) return null;
  const p = k / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { value: p * 100, low: Math.max(0, centre - half) * 100, high: Math.min(1, centre + half) * 100 };
}

/**
 * A net score (NPS, expectation net) = % positive − % negative, from −100 to 100. Each answer scores +1, 0 or −1,
 * so the variance of one answer is p + d − (p − d)² and the margin of error is z·√(variance / n), in points.
 */
export function netScore(positive: number, negative: number, n: number): (Estimate & { variance: number }) | null {
  if (n === 0) return null;
  const p = positive / n;
  const d = negative / n;
  const variance = p + d - (p - d) ** 2;
  const margin = Z95 * Math.sqrt(variance / n) * 100;
  const value = (p - d) * 100;
  return { value, low: Math.max(-100, value - margin), high: Math.min(100, value + margin), variance };
}

/** Two-sided 97.5 % quantiles of Student's t for 1–30 degrees of freedom; above 30 the table is interpolated. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const T975_LARGE: readonly [number, number][] = [
  [30, 2.042],
  [40, 2.021],
  [60, 2.0],
  [120, 1.98],
  [Infinity, Z95],
];

export function tQuantile(df: number): number {
  if (df <= T975.length) return T975[Math.max(1, Math.floor(df)) - 1];
  for (let i = 1; i < T975_LARGE.length; i++) {
    const [d1, t1] = T975_LARGE[i];
    if (df <= d1) {
      const [d0, t0] = T975_LARGE[i - 1];
      // Linear in 1/df, which is how t quantiles approach z.
      const share = (1 / d0 - 1 / df) / (1 / d0 - (d1 === Infinity ? 0 : 1 / d1));
      return t0 + (t1 - t0) * share;
    }
  }
  return Z95;
}

/** Mean of value counts with its t interval (sample standard deviation, n − 1 degrees of freedom). */
export function meanInterval(counts: readonly { value: number; n: number }[]): (Estimate & { n: number }) | null {
  const n = counts.reduce((s, c) => s + c.n, 0);
  if (n < 2) return null;
  const mean = counts.reduce((s, c) => s + c.value * c.n, 0) / n;
  const variance = counts.reduce((s, c) => s + c.n * (c.value - mean) ** 2, 0) / (n - 1);
  const half = tQuantile(n - 1) * Math.sqrt(variance / n);
  return { value: mean, low: mean - half, high: mean + half, n };
}

export type Change = {
  /** Current minus previous, in the figure's unit. */
  delta: number;
  z: number;
  /** True only when the difference is significant at 95 % (|z| ≥ 1.96). */
  significant: boolean;
};

const change = (delta: number, se: number): Change => {
  const z = se > 0 ? delta / se : delta === 0 ? 0 : Math.sign(delta) * Infinity;
  return { delta, z, significant: Math.abs(z) >= Z95 };
};

/** Two-proportion z test with the pooled proportion (the usual test of "did the share change?"). */
export function proportionChange(k1: number, n1: number, k0: number, n0: number): Change | null {
  if (n1 === 0 || n0 === 0) return null;
  const pooled = (k1 + k0) / (n1 + n0);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0)) * 100;
  return change((k1 / n1 - k0 / n0) * 100, se);
}

/** Difference of two net scores; the two periods are independent samples, so their variances add. */
export function netChange(
  current: { positive: number; negative: number; n: number },
  previous: { positive: number; negative: number; n: number },
): Change | null {
  const a = netScore(current.positive, current.negative, current.n);
  const b = netScore(previous.positive, previous.negative, previous.n);
  if (!a || !b) return null;
  return change(a.value - b.value, Math.sqrt(a.variance / current.n + b.variance / previous.n) * 100);
}
