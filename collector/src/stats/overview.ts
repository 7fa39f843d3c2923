import type { PyramidLevel } from '../../../src/schema/scales.ts';
import { PYRAMID_LEVELS } from '../../../src/schema/scales.ts';
import type { AnswerCountRow, ResponseDayRow } from '../store/rollup-types.ts';
import { classify, definitionOf, estimateOf, isScoredType, toStat, trendOf } from './headline.ts';
import type { Classes, Stat, Trend, ValueTally } from './headline.ts';
import { MIN_ANSWERS, wilson } from './intervals.ts';
import { stageComparator } from './journey-order.ts';
import { sparkBuckets } from './periods.ts';
import type { Periods } from './periods.ts';

/** thumbs / task: a touchpoint whose share of "no" is above this (in %) fails at the base of the pyramid. */
export const UTILITY_FAILING_PCT = 25;

export type QuestionFigure = {
  questionId: string;
  type: string;
  level: string;
  label: string;
  unit: 'points' | '%';
  higherIsBetter: boolean;
  current: Stat;
  previous: Stat;
  trend: Trend | null;
  /** The headline per spark bucket (null where a bucket has no answers). */
  spark: (number | null)[];
  /** Reactions: the most frequent emotion and its share. */
  top?: { value: string; pct: number };
  /** Share of negative answers in the current period ("no" for thumbs and task), null with too few answers. */
  negativePct: number | null;
};

export type LevelBar = { level: PyramidLevel; stat: Stat };

export type TouchpointOverview = {
  touchpoint: string;
  stage: string | null;
  responses: { current: number; previous: number };
  questions: QuestionFigure[];
  /** Share of positive answers at each level asked here (utility, usability, pleasure, loyalty). */
  pyramid: LevelBar[];
};

export type Attention = {
  touchpoint: string;
  stage: string | null;
  questionId: string;
  type: string;
  level: string;
  reason: 'utility-failing' | 'significant-drop';
  /** The "no" share for utility failures; the change for drops. */
  value: number;
  label: string;
};

export type Overview = {
  responses: { current: number; previous: number };
  stages: { stage: string | null; touchpoints: TouchpointOverview[] }[];
  attention: Attention[];
};

const inPeriod = (day: string, p: { from: string; to: string } | null) => p !== null && day >= p.from && day <= p.to;

function tallies(rows: readonly AnswerCountRow[]): ValueTally[] {
  const byValue = new Map<string, ValueTally>();
  for (const r of rows) {
    const key = `${r.value}\u0000${r.valence}`;
    const t = byValue.get(key);
    if (t) t.n += r.n;
    else byValue.set(key, { value: r.value, valence: r.valence, n: r.n });
  }
  return [...byValue.values()];
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** The stage a touchpoint is shown under: the one most of its responses in the period carry. */
function majorityStage(rows: readonly { stage: string; n: number }[]): string | null {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.stage, (totals.get(r.stage) ?? 0) + r.n);
  const [best] = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return best && best[0] !== '' ? best[0] : null;
}

function question(rows: AnswerCountRow[], periods: Periods, minAnswers: number): QuestionFigure {
  const { questionId, type, level } = rows[0];
  const def = definitionOf(type);
  const current = classify(type, tallies(rows.filter((r) => inPeriod(r.day, periods.current))));
  const previous = classify(type, tallies(rows.filter((r) => inPeriod(r.day, periods.previous))));
  const buckets = sparkBuckets(periods.current);
  const byBucket = groupBy(
    rows.filter((r) => inPeriod(r.day, periods.current)),
    (r) => buckets.bucketOf(r.day),
  );
  const spark = buckets.keys.map((b) => {
    const c = classify(type, tallies(byBucket.get(b) ?? []));
    return c.n ? (estimateOf(type, c)?.value ?? null) : null;
  });
  const figure: QuestionFigure = {
    questionId,
    type,
    level,
    label: def.label,
    unit: def.unit,
    higherIsBetter: def.higherIsBetter,
    current: toStat(current.n, estimateOf(type, current), minAnswers),
    previous: toStat(previous.n, estimateOf(type, previous), minAnswers),
    trend: trendOf(type, current, previous, minAnswers),
    spark: spark.map((v) => (v === null ? null : Math.round(v * 10) / 10)),
    negativePct: current.n >= minAnswers ? Math.round((current.negative / current.n) * 1000) / 10 : null,
  };
  if (type === 'reaction' && current.n) {
    const [top] = tallies(rows.filter((r) => inPeriod(r.day, periods.current))).sort(
      (a, b) => b.n - a.n || a.value.localeCompare(b.value),
    );
    figure.top = { value: top.value, pct: Math.round((top.n / current.n) * 1000) / 10 };
  }
  return figure;
}

function pyramid(rows: readonly AnswerCountRow[], periods: Periods, minAnswers: number): LevelBar[] {
  const current = rows.filter((r) => inPeriod(r.day, periods.current));
  return PYRAMID_LEVELS.flatMap((level) => {
    const atLevel = current.filter((r) => r.level === level);
    if (atLevel.length === 0) return [];
    const total: Classes = { n: 0, positive: 0, negative: 0 };
    for (const rowsOfType of groupBy(atLevel, (r) => r.type).values()) {
      const c = classify(rowsOfType[0].type, tallies(rowsOfType));
      total.n += c.n;
      total.positive += c.positive;
      total.negative += c.negative;
    }
    return [{ level, stat: toStat(total.n, wilson(total.positive, total.n), minAnswers) }];
  });
}

const LEVEL_ORDER: readonly string[] = PYRAMID_LEVELS;

/** Utility failures first (the base of the pyramid), then significant drops from the base up, biggest first. */
function attentionOf(touchpoints: readonly TouchpointOverview[]): Attention[] {
  const out: Attention[] = [];
  for (const t of touchpoints) {
    for (const q of t.questions) {
      const base = {
        touchpoint: t.touchpoint,
        stage: t.stage,
        questionId: q.questionId,
        type: q.type,
        level: q.level,
        label: q.label,
      };
      if ((q.type === 'thumbs' || q.type === 'task') && q.negativePct !== null && q.negativePct > UTILITY_FAILING_PCT) {
        out.push({ ...base, reason: 'utility-failing', value: q.negativePct });
      }
      if (q.trend?.direction === 'worse') out.push({ ...base, reason: 'significant-drop', value: q.trend.delta });
    }
  }
  const reasonRank = (a: Attention) => (a.reason === 'utility-failing' ? 0 : 1);
  return out.sort(
    (a, b) =>
      reasonRank(a) - reasonRank(b) ||
      LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) ||
      Math.abs(b.value) - Math.abs(a.value),
  );
}

/**
 * The overview: every touchpoint with its headline figures (95 % intervals, change against the previous period
 * of the same length), grouped by journey stage in journey order, and the list of what needs attention first.
 */
export function overview(input: {
  answers: readonly AnswerCountRow[];
  responses: readonly ResponseDayRow[];
  periods: Periods;
  journey: readonly string[];
  minAnswers?: number;
}): Overview {
  const minAnswers = input.minAnswers ?? MIN_ANSWERS;
  const { periods } = input;
  const answersByTouchpoint = groupBy(
    input.answers.filter((r) => isScoredType(r.type)),
    (r) => r.touchpoint,
  );
  const responsesByTouchpoint = groupBy(input.responses, (r) => r.touchpoint);
  const names = [...new Set([...answersByTouchpoint.keys(), ...responsesByTouchpoint.keys()])].sort();
  const sum = (rows: readonly ResponseDayRow[], p: { from: string; to: string } | null) =>
    rows.reduce((s, r) => s + (inPeriod(r.day, p) ? r.n : 0), 0);

  const touchpoints = names.flatMap((touchpoint): TouchpointOverview[] => {
    const answers = answersByTouchpoint.get(touchpoint) ?? [];
    const responses = responsesByTouchpoint.get(touchpoint) ?? [];
    const current = { current: sum(responses, periods.current), previous: sum(responses, periods.previous) };
    const inCurrent = [...responses, ...answers].filter((r) => inPeriod(r.day, periods.current));
    if (current.current === 0 && answers.every((r) => !inPeriod(r.day, periods.current))) return [];
    const questions = [...groupBy(answers, (r) => `${r.questionId}\u0000${r.type}\u0000${r.level}`).values()]
      .map((rows) => question(rows, periods, minAnswers))
      .filter((q) => q.current.n > 0)
      .sort(
        (a, b) =>
          LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.questionId.localeCompare(b.questionId),
      );
    return [
      {
        touchpoint,
        stage: majorityStage(inCurrent),
        responses: current,
        questions,
        pyramid: pyramid(answers, periods, minAnswers),
      },
    ];
  });

  const order = stageComparator(input.journey);
  const stages = [...groupBy(touchpoints, (t) => t.stage ?? '\u0000').values()]
    .map((list) => ({ stage: list[0].stage, touchpoints: list }))
    .sort((a, b) => order(a.stage, b.stage));
  return {
    responses: { current: sum(input.responses, periods.current), previous: sum(input.responses, periods.previous) },
    stages,
    attention: attentionOf(touchpoints),
  };
}
