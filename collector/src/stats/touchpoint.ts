import { REACTIONS, SCALES, isRatingKind } from '../../../src/schema/scales.ts';
import type { Sentiment } from '../../../src/schema/scales.ts';
import type { AnswerCountRow, ResponseDayRow, RootScoreRow, TextRow } from '../store/rollup-types.ts';
import { termsOf, themes } from '../themes/themes.ts';
import type { Theme } from '../themes/themes.ts';
import { classify, estimateOf, toStat, toneOf } from './headline.ts';
import type { Stat } from './headline.ts';
import { MIN_ANSWERS, meanInterval } from './intervals.ts';
import { overview } from './overview.ts';
import type { QuestionFigure, TouchpointOverview } from './overview.ts';
import { sparkBuckets } from './periods.ts';
import type { Periods } from './periods.ts';

export type Tone = Sentiment | 'unrated';
export type DistributionBar = { value: string; n: number; pct: number; tone: Sentiment | undefined };
export type TrendPoint = { bucket: string; n: number; value: number | null; low: number | null; high: number | null };

export type QuestionDetail = QuestionFigure & {
  distribution: DistributionBar[];
  /** The headline per day or week of the period, with its 95 % band. */
  series: TrendPoint[];
  granularity: 'day' | 'week';
  /** CSAT, CES, emoji and expectation: the mean on the scale with its t interval. */
  mean: Stat | null;
};

export type CommentView = {
  id: string;
  text: string;
  locale: string;
  correctedAt: string;
  tone: Tone;
  scores: { type: string; value: string }[];
};

export type TouchpointDetail = Omit<TouchpointOverview, 'questions'> & {
  questions: QuestionDetail[];
  themes: { negative: Theme[]; positive: Theme[] };
  /** Comments matching the comment filters, newest first (at most `commentLimit`), and how many matched. */
  comments: CommentView[];
  commentCount: number;
  /** Free texts read for themes (the newest, up to the store query's limit). */
  textsRead: number;
};

export type CommentFilters = { tone?: Tone; theme?: string };

const MEAN_KINDS = new Set(['csat', 'ces', 'emoji', 'expectation']);
const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Every value of a scale in order, zero-filled; reactions in the default set's order, then others by count. */
function distributionOf(type: string, rows: readonly AnswerCountRow[]): DistributionBar[] {
  const counts = new Map<string, { n: number; valence: string }>();
  for (const r of rows) {
    const c = counts.get(r.value);
    if (c) c.n += r.n;
    else counts.set(r.value, { n: r.n, valence: r.valence });
  }
  const total = [...counts.values()].reduce((s, c) => s + c.n, 0) || 1;
  const values = isRatingKind(type)
    ? Array.from({ length: SCALES[type].max - SCALES[type].min + 1 }, (_, i) => String(SCALES[type].min + i))
    : [
        ...REACTIONS.map((r) => r.value).filter((v) => counts.has(v)),
        ...[...counts]
          .filter(([v]) => !REACTIONS.some((r) => r.value === v))
          .sort((a, b) => b[1].n - a[1].n)
          .map(([v]) => v),
      ];
  return values.map((value) => {
    const c = counts.get(value) ?? { n: 0, valence: '' };
    return { value, n: c.n, pct: round1((c.n / total) * 100), tone: toneOf(type, value, c.valence) };
  });
}

function seriesOf(
  type: string,
  rows: readonly AnswerCountRow[],
  periods: Periods,
): { points: TrendPoint[]; granularity: 'day' | 'week' } {
  const buckets = sparkBuckets(periods.current);
  const byBucket = new Map<string, AnswerCountRow[]>();
  for (const r of rows) {
    if (r.day < periods.current.from || r.day > periods.current.to) continue;
    const b = buckets.bucketOf(r.day);
    byBucket.set(b, [...(byBucket.get(b) ?? []), r]);
  }
  const points = buckets.keys.map((bucket) => {
    const c = classify(
      type,
      (byBucket.get(bucket) ?? []).map((r) => ({ value: r.value, valence: r.valence, n: r.n })),
    );
    // Per bucket the band is shown from one answer on: it is the band's width that says "few answers here".
    const stat = toStat(c.n, estimateOf(type, c), 1);
    return { bucket, n: c.n, value: stat.value, low: stat.low, high: stat.high };
  });
  return { points, granularity: buckets.granularity };
}

function meanOf(type: string, rows: readonly AnswerCountRow[], minAnswers: number): Stat | null {
  if (!MEAN_KINDS.has(type)) return null;
  const counts = rows.map((r) => ({ value: Number(r.value), n: r.n }));
  const n = counts.reduce((s, c) => s + c.n, 0);
  const m = meanInterval(counts);
  if (!m || n < minAnswers) return { n, tooFew: true, value: null, low: null, high: null };
  return { n, tooFew: false, value: round2(m.value), low: round2(m.low), high: round2(m.high) };
}

/** Tone of a comment: from the ratings and reactions given in the same response (negative wins over positive). */
export function toneOfScores(scores: readonly RootScoreRow[]): Tone {
  const tones = scores.flatMap((s) => {
    if (s.valueNum !== null && isRatingKind(s.type)) return [toneOf(s.type, String(s.valueNum), '')];
    if (s.type === 'reaction' && s.valueText)
      return reactionValues(s.valueText).map((v) =>
        toneOf('reaction', v, REACTIONS.find((r) => r.value === v)?.valence ?? ''),
      );
    return [];
  });
  if (tones.includes('negative')) return 'negative';
  if (tones.includes('positive')) return 'positive';
  return tones.includes('neutral') ? 'neutral' : 'unrated';
}

/** A stored reaction is its value, or a JSON list of values when the question allowed several. */
function reactionValues(stored: string): string[] {
  if (!stored.startsWith('[')) return [stored];
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [stored];
  } catch {
    return [stored];
  }
}

export function touchpointDetail(input: {
  touchpoint: string;
  answers: readonly AnswerCountRow[];
  responses: readonly ResponseDayRow[];
  texts: readonly TextRow[];
  scores: readonly RootScoreRow[];
  periods: Periods;
  commentFilters: CommentFilters;
  commentLimit: number;
  minAnswers?: number;
}): TouchpointDetail | null {
  const minAnswers = input.minAnswers ?? MIN_ANSWERS;
  const { periods } = input;
  const base = overview({ answers: input.answers, responses: input.responses, periods, journey: [], minAnswers })
    .stages[0]?.touchpoints[0];
  if (!base) return null;
  const current = input.answers.filter((r) => r.day >= periods.current.from && r.day <= periods.current.to);
  const questions = base.questions.map((q): QuestionDetail => {
    const rows = current.filter((r) => r.questionId === q.questionId && r.type === q.type && r.level === q.level);
    const series = seriesOf(
      q.type,
      input.answers.filter((r) => r.questionId === q.questionId && r.type === q.type),
      periods,
    );
    return {
      ...q,
      distribution: distributionOf(q.type, rows),
      series: series.points,
      granularity: series.granularity,
      mean: meanOf(q.type, rows, minAnswers),
    };
  });

  const scoresByRoot = new Map<string, RootScoreRow[]>();
  for (const s of input.scores) scoresByRoot.set(s.rootId, [...(scoresByRoot.get(s.rootId) ?? []), s]);
  const all: CommentView[] = input.texts.map((t) => {
    const scores = scoresByRoot.get(t.rootId) ?? [];
    return {
      id: `${t.responseId}:${t.questionId}`,
      text: t.text,
      locale: t.locale,
      correctedAt: t.correctedAt,
      tone: toneOfScores(scores),
      scores: scores.map((s) => ({
        type: s.type,
        value: s.valueNum !== null ? String(s.valueNum) : (s.valueText ?? ''),
      })),
    };
  });
  // Segmenting is the costly part: each comment once, for both theme lists and the theme filter.
  const themeTexts = all.map((c) => ({
    id: c.id,
    text: c.text,
    locale: c.locale,
    tone: c.tone,
    terms: termsOf(c.text, c.locale),
  }));
  const { tone, theme } = input.commentFilters;
  const matching = all.filter((c, i) => (!tone || c.tone === tone) && (!theme || themeTexts[i].terms.has(theme)));
  return {
    ...base,
    questions,
    themes: {
      negative: themes(themeTexts.filter((t) => t.tone === 'negative')),
      positive: themes(themeTexts.filter((t) => t.tone === 'positive')),
    },
    comments: matching.slice(0, input.commentLimit),
    commentCount: matching.length,
    textsRead: input.texts.length,
  };
}
