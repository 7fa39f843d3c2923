import { SCALES } from '../../../src/schema/scales.ts';
import type { RatingKind } from '../../../src/schema/scales.ts';

/**
 * The figures site owners ask for, from value counts of one rating question. Pure and table-tested
 * (collector/test/stats.test.ts); the stores only count rows, so SQLite and PostgreSQL give identical numbers.
 * Percentages are rounded to 0.1, means to 0.01; with no answers every figure is null (not 0: "no data" ≠ "bad").
 */
export type ValueCount = { value: number; n: number };

export type NpsMetric = { kind: 'nps'; n: number; score: number | null; promoters: number; passives: number; detractors: number; promoterPct: number | null; passivePct: number | null; detractorPct: number | null };
export type CsatMetric = { kind: 'csat'; n: number; mean: number | null; top2Pct: number | null };
export type CesMetric = { kind: 'ces'; n: number; mean: number | null; easyPct: number | null };
export type EmojiMetric = { kind: 'emoji'; n: number; mean: number | null; positivePct: number | null };
export type ThumbsMetric = { kind: 'thumbs'; n: number; up: number; down: number; upPct: number | null };
export type ExpectationMetric = { kind: 'expectation'; n: number; better: number; worse: number; netPct: number | null };
export type TaskMetric = { kind: 'task'; n: number; yes: number; partly: number; no: number; yesPct: number | null };
export type Metric = NpsMetric | CsatMetric | CesMetric | EmojiMetric | ThumbsMetric | ExpectationMetric | TaskMetric;

export const round1 = (x: number): number => Math.round(x * 10) / 10;
export const round2 = (x: number): number => Math.round(x * 100) / 100;
const pct = (part: number, n: number): number | null => (n === 0 ? null : round1((part / n) * 100));

/** Keeps whole values on the kind's scale; anything else (legacy rows, hand-inserted data) is not counted. */
export function onScale(kind: RatingKind, counts: readonly ValueCount[]): ValueCount[] {
  const { min, max } = SCALES[kind];
  return counts.filter((c) => Number.isInteger(c.value) && c.value >= min && c.value <= max && c.n > 0);
}

const total = (counts: readonly ValueCount[]) => counts.reduce((s, c) => s + c.n, 0);
const countWhere = (counts: readonly ValueCount[], test: (v: number) => boolean) => counts.reduce((s, c) => s + (test(c.value) ? c.n : 0), 0);
const mean = (counts: readonly ValueCount[]) => {
  const n = total(counts);
  return n === 0 ? null : round2(counts.reduce((s, c) => s + c.value * c.n, 0) / n);
};

/** NPS = % promoters (9–10) − % detractors (0–6), from −100 to 100; passives (7–8) only dilute. */
export function nps(raw: readonly ValueCount[]): NpsMetric {
  const counts = onScale('nps', raw);
  const n = total(counts);
  const promoters = countWhere(counts, (v) => v >= SCALES.nps.positiveMin);
  const detractors = countWhere(counts, (v) => v <= SCALES.nps.negativeMax);
  const passives = n - promoters - detractors;
  return {
    kind: 'nps',
    n,
    score: n === 0 ? null : round1(((promoters - detractors) / n) * 100),
    promoters,
    passives,
    detractors,
    promoterPct: pct(promoters, n),
    passivePct: pct(passives, n),
    detractorPct: pct(detractors, n),
  };
}

/** CSAT on 1–5: mean and top-2-box (share of 4 and 5). */
export function csat(raw: readonly ValueCount[]): CsatMetric {
  const counts = onScale('csat', raw);
  const n = total(counts);
  return { kind: 'csat', n, mean: mean(counts), top2Pct: pct(countWhere(counts, (v) => v >= SCALES.csat.positiveMin), n) };
}

/** CES on 1–7: mean and % "easy" (5–7). */
export function ces(raw: readonly ValueCount[]): CesMetric {
  const counts = onScale('ces', raw);
  const n = total(counts);
  return { kind: 'ces', n, mean: mean(counts), easyPct: pct(countWhere(counts, (v) => v >= SCALES.ces.positiveMin), n) };
}

/** Emoji on 1–5 (1 = very unhappy): mean and share of the two happy faces. */
export function emoji(raw: readonly ValueCount[]): EmojiMetric {
  const counts = onScale('emoji', raw);
  const n = total(counts);
  return { kind: 'emoji', n, mean: mean(counts), positivePct: pct(countWhere(counts, (v) => v >= SCALES.emoji.positiveMin), n) };
}

/** Thumbs: 1 = up, 0 = down. */
export function thumbs(raw: readonly ValueCount[]): ThumbsMetric {
  const counts = onScale('thumbs', raw);
  const n = total(counts);
  const up = countWhere(counts, (v) => v === 1);
  return { kind: 'thumbs', n, up, down: n - up, upPct: pct(up, n) };
}

/** Expectation on 1–3: net = % better (3) − % worse (1), from −100 to 100. */
export function expectation(raw: readonly ValueCount[]): ExpectationMetric {
  const counts = onScale('expectation', raw);
  const n = total(counts);
  const better = countWhere(counts, (v) => v === 3);
  const worse = countWhere(counts, (v) => v === 1);
  return { kind: 'expectation', n, better, worse, netPct: n === 0 ? null : round1(((better - worse) / n) * 100) };
}

/** Task completion: 2 = yes, 1 = partly, 0 = no; the headline is % yes. */
export function task(raw: readonly ValueCount[]): TaskMetric {
  const counts = onScale('task', raw);
  const n = total(counts);
  const yes = countWhere(counts, (v) => v === 2);
  const no = countWhere(counts, (v) => v === 0);
  return { kind: 'task', n, yes, partly: n - yes - no, no, yesPct: pct(yes, n) };
}

const BY_KIND: { [K in RatingKind]: (counts: readonly ValueCount[]) => Extract<Metric, { kind: K }> } = { nps, csat, ces, emoji, thumbs, expectation, task };

export const metricFor = (kind: RatingKind, counts: readonly ValueCount[]): Metric => BY_KIND[kind](counts);

export type Bucket = { value: number; n: number; pct: number | null };

/** Every value of the scale, zero-filled, so charts of different periods line up. */
export function distribution(kind: RatingKind, raw: readonly ValueCount[]): Bucket[] {
  const counts = onScale(kind, raw);
  const n = total(counts);
  const { min, max } = SCALES[kind];
  return Array.from({ length: max - min + 1 }, (_, i) => {
    const value = min + i;
    const k = countWhere(counts, (v) => v === value);
    return { value, n: k, pct: pct(k, n) };
  });
}

/** The one number a trend line shows per kind, with the axis range it lives on. */
export const HEADLINE: { [K in RatingKind]: { label: string; min: number; max: number; of: (m: Extract<Metric, { kind: K }>) => number | null } } = {
  nps: { label: 'NPS', min: -100, max: 100, of: (m) => m.score },
  csat: { label: 'CSAT % satisfied', min: 0, max: 100, of: (m) => m.top2Pct },
  ces: { label: 'CES mean', min: 1, max: 7, of: (m) => m.mean },
  emoji: { label: 'Emoji mean', min: 1, max: 5, of: (m) => m.mean },
  thumbs: { label: '% thumbs up', min: 0, max: 100, of: (m) => m.upPct },
  expectation: { label: 'Expectation net', min: -100, max: 100, of: (m) => m.netPct },
  task: { label: '% task done', min: 0, max: 100, of: (m) => m.yesPct },
};

export function headline(metric: Metric): number | null {
  switch (metric.kind) {
    case 'nps':
      return HEADLINE.nps.of(metric);
    case 'csat':
      return HEADLINE.csat.of(metric);
    case 'ces':
      return HEADLINE.ces.of(metric);
    case 'emoji':
      return HEADLINE.emoji.of(metric);
    case 'thumbs':
      return HEADLINE.thumbs.of(metric);
    case 'expectation':
      return HEADLINE.expectation.of(metric);
    case 'task':
      return HEADLINE.task.of(metric);
  }
}
