import { MIN_ANSWERS } from '../stats/intervals.ts';
import type { Overview } from '../stats/overview.ts';
import type { TouchpointDetail } from '../stats/touchpoint.ts';
import type { ResultsQuery } from './params.ts';

/**
 * Version of the /api/summary shape. Additive changes (new fields, new kinds) keep the number; a renamed or
 * removed field, or a changed meaning, raises it. Documented field by field in docs/collector.md.
 */
export const SUMMARY_VERSION = 2;

export function summaryJson(
  q: ResultsQuery,
  journey: readonly string[],
  o: Overview,
  detail: TouchpointDetail | null,
  nowMs: number,
) {
  return {
    version: SUMMARY_VERSION,
    generatedAt: new Date(nowMs).toISOString(),
    period: q.periods.current,
    previousPeriod: q.periods.previous,
    filters: {
      locale: q.filters.locale ?? null,
      stage: q.filters.stage ?? null,
      touchpoint: q.filters.touchpoint ?? null,
    },
    minAnswers: MIN_ANSWERS,
    journey,
    responses: o.responses,
    attention: o.attention,
    stages: o.stages,
    ...(detail ? { touchpoint: { ...detail, comments: undefined, commentCount: undefined } } : {}),
  };
}
