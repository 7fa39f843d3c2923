import type { CommentRow, Filters, RatingCountRow, ResponseCountRow, RootRatingRow } from '../store/types.ts';
import type { RatingKind } from '../../../src/schema/scales.ts';
import { attachScores } from './comments.ts';
import type { Comment } from './comments.ts';
import { distribution, headline, metricFor } from './metrics.ts';
import type { Bucket, Metric, ValueCount } from './metrics.ts';
import { bucketOf, timeline } from './timeline.ts';
import type { Granularity } from './timeline.ts';

export type TrendPoint = { bucket: string; n: number; headline: number | null };
export type QuestionSummary = { questionId: string; type: RatingKind; metric: Metric; distribution: Bucket[]; trend: TrendPoint[] };
export type GroupSummary = {
  touchpoint: string;
  surveyId: string;
  /** First responses (follow-ups are part of the response they follow). */
  responses: number;
  responseTrend: { bucket: string; n: number }[];
  questions: QuestionSummary[];
  comments: Comment[];
};
export type Summary = {
  period: { from: string | null; to: string | null; granularity: Granularity };
  responses: number;
  groups: GroupSummary[];
};

export type SummaryInput = {
  filters: Filters;
  ratings: readonly RatingCountRow[];
  responses: readonly ResponseCountRow[];
  comments: readonly CommentRow[];
  commentRatings: readonly RootRatingRow[];
};

const groupKey = (r: { touchpoint: string; surveyId: string }) => `${r.touchpoint}\u0000${r.surveyId}`;
const sum = (rows: readonly { n: number }[]) => rows.reduce((s, r) => s + r.n, 0);

/** Per value, summed over days: what the metric functions take. */
function valueCounts(rows: readonly RatingCountRow[]): ValueCount[] {
  const byValue = new Map<number, number>();
  for (const r of rows) byValue.set(r.value, (byValue.get(r.value) ?? 0) + r.n);
  return [...byValue].map(([value, n]) => ({ value, n }));
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

/**
 * Turns the stores' counts into the results page's figures, per touchpoint × survey and per rating question. The
 * open ends of the period (no from / to filter) are taken from the data so the trend spans what exists.
 */
export function summarize(input: SummaryInput): Summary {
  const days = [...input.ratings.map((r) => r.day), ...input.responses.map((r) => r.day)].sort();
  const from = input.filters.from ?? days[0];
  const to = input.filters.to ?? days.at(-1);
  const line = from && to ? timeline(from, to) : { granularity: 'day' as const, buckets: [] };
  const bucket = (day: string) => bucketOf(day, line.granularity);

  const ratingsByGroup = groupBy(input.ratings, groupKey);
  const responsesByGroup = groupBy(input.responses, groupKey);
  const commentsByGroup = groupBy(attachScores(input.comments, input.commentRatings), groupKey);
  const keys = [...new Set([...ratingsByGroup.keys(), ...responsesByGroup.keys()])].sort();

  const groups = keys.map((key): GroupSummary => {
    const [touchpoint, surveyId] = key.split('\u0000');
    const responseRows = responsesByGroup.get(key) ?? [];
    const responseByBucket = groupBy(responseRows, (r) => bucket(r.day));
    const questions = [...groupBy(ratingsByGroup.get(key) ?? [], (r) => `${r.questionId}\u0000${r.type}`).values()].map((rows): QuestionSummary => {
      const { questionId, type } = rows[0];
      const byBucket = groupBy(rows, (r) => bucket(r.day));
      return {
        questionId,
        type,
        metric: metricFor(type, valueCounts(rows)),
        distribution: distribution(type, valueCounts(rows)),
        trend: line.buckets.map((b) => {
          const m = metricFor(type, valueCounts(byBucket.get(b) ?? []));
          return { bucket: b, n: m.n, headline: headline(m) };
        }),
      };
    });
    return {
      touchpoint,
      surveyId,
      responses: sum(responseRows),
      responseTrend: line.buckets.map((b) => ({ bucket: b, n: sum(responseByBucket.get(b) ?? []) })),
      questions: questions.sort((a, b) => a.questionId.localeCompare(b.questionId) || a.type.localeCompare(b.type)),
      comments: commentsByGroup.get(key) ?? [],
    };
  });

  return {
    period: { from: from ?? null, to: to ?? null, granularity: line.granularity },
    responses: sum(input.responses),
    groups,
  };
}

