import { REACTION_KIND, isRatingKind, sentiment } from '../../../src/schema/scales.ts';
import type { Sentiment } from '../../../src/schema/scales.ts';
import { MIN_ANSWERS, netChange, netScore, proportionChange, wilson } from './intervals.ts';
import type { Change, Estimate } from './intervals.ts';

/** Answers of one question, summed over the days wanted: each value with its valence ('' unless a reaction). */
export type ValueTally = { value: string; valence: string; n: number };

/**
 * The one figure the overview shows per question kind. Net scores (NPS, expectation) are % positive − % negative
 * in points; the others are the share of one answer class in percent. Reactions report the negative share, so
 * for them lower is better.
 */
type Definition = { label: string; measure: 'net' | 'share'; counts: 'positive' | 'negative'; higherIsBetter: boolean };

const DEFINITIONS: Record<string, Definition> = {
  nps: { label: 'NPS', measure: 'net', counts: 'positive', higherIsBetter: true },
  expectation: {
    label: 'Expectation net (% better − % worse)',
    measure: 'net',
    counts: 'positive',
    higherIsBetter: true,
  },
  csat: { label: 'CSAT % satisfied (4–5)', measure: 'share', counts: 'positive', higherIsBetter: true },
  ces: { label: 'CES % easy (5–7)', measure: 'share', counts: 'positive', higherIsBetter: true },
  emoji: { label: '% happy faces', measure: 'share', counts: 'positive', higherIsBetter: true },
  thumbs: { label: '% yes', measure: 'share', counts: 'positive', higherIsBetter: true },
  task: { label: 'Task completion % yes', measure: 'share', counts: 'positive', higherIsBetter: true },
  [REACTION_KIND]: { label: '% negative reactions', measure: 'share', counts: 'negative', higherIsBetter: false },
};

export const isScoredType = (type: string): boolean => type in DEFINITIONS;

/** Sentiment of one answer value; undefined for a reaction of unknown valence (counted, never classed). */
export function toneOf(type: string, value: string, valence: string): Sentiment | undefined {
  if (type === REACTION_KIND)
    return valence === 'positive' || valence === 'neutral' || valence === 'negative' ? valence : undefined;
  if (isRatingKind(type)) return sentiment(type, Number(value));
  return undefined;
}

export type Classes = { n: number; positive: number; negative: number };

export function classify(type: string, tallies: readonly ValueTally[]): Classes {
  const out = { n: 0, positive: 0, negative: 0 };
  for (const t of tallies) {
    out.n += t.n;
    const tone = toneOf(type, t.value, t.valence);
    if (tone === 'positive') out.positive += t.n;
    if (tone === 'negative') out.negative += t.n;
  }
  return out;
}

/** A figure with its 95 % interval, rounded to 0.1, or `tooFew` (and no value) below MIN_ANSWERS. */
export type Stat = { n: number; tooFew: boolean; value: number | null; low: number | null; high: number | null };

const round1 = (x: number) => Math.round(x * 10) / 10;

export function toStat(n: number, estimate: Estimate | null, minAnswers = MIN_ANSWERS): Stat {
  if (!estimate || n < minAnswers) return { n, tooFew: n < minAnswers, value: null, low: null, high: null };
  return { n, tooFew: false, value: round1(estimate.value), low: round1(estimate.low), high: round1(estimate.high) };
}

export function estimateOf(type: string, c: Classes): Estimate | null {
  const d = DEFINITIONS[type];
  if (d.measure === 'net') return netScore(c.positive, c.negative, c.n);
  return wilson(d.counts === 'positive' ? c.positive : c.negative, c.n);
}

export type Trend = { delta: number; z: number; significant: boolean; direction: 'better' | 'worse' | 'same' };

/** Change against the previous period; only computed when both periods have enough answers. */
export function trendOf(type: string, current: Classes, previous: Classes, minAnswers = MIN_ANSWERS): Trend | null {
  if (current.n < minAnswers || previous.n < minAnswers) return null;
  const d = DEFINITIONS[type];
  const k = (c: Classes) => (d.counts === 'positive' ? c.positive : c.negative);
  const raw: Change | null =
    d.measure === 'net'
      ? netChange(current, previous)
      : proportionChange(k(current), current.n, k(previous), previous.n);
  if (!raw) return null;
  const up = raw.delta > 0 === d.higherIsBetter;
  return {
    delta: round1(raw.delta),
    z: Math.round(raw.z * 100) / 100,
    significant: raw.significant,
    direction: !raw.significant || raw.delta === 0 ? 'same' : up ? 'better' : 'worse',
  };
}

export const definitionOf = (type: string): Definition & { unit: 'points' | '%' } => {
  const d = DEFINITIONS[type];
  return { ...d, unit: d.measure === 'net' ? 'points' : '%' };
};
