// Medians and quartiles (linear interpolation between order statistics, like numpy's default).

export function quantile(values, q) {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
}

/** { q1, median, q3, n } of the finite values. */
export function summary(values) {
  return {
    q1: quantile(values, 0.25),
    median: quantile(values, 0.5),
    q3: quantile(values, 0.75),
    n: values.filter(Number.isFinite).length,
  };
}

/** "1.23× [1.10–1.41]" or "12 ms [9–15]": median and interquartile range with `digits` decimals. */
export function fmt(s, unit = '', digits = 0) {
  if (!s || !Number.isFinite(s.median)) return '–';
  const f = (v) => v.toFixed(digits);
  return `${f(s.median)}${unit} [${f(s.q1)}–${f(s.q3)}]`;
}

/** Fisher–Yates, with Math.random: a new order of the variants in every round. */
export function shuffle(list) {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
