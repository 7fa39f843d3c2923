import { overview } from '../stats/overview.ts';
import type { Overview } from '../stats/overview.ts';
import { touchpointDetail } from '../stats/touchpoint.ts';
import type { TouchpointDetail } from '../stats/touchpoint.ts';
import { sparkBuckets } from '../stats/periods.ts';
import type { Grain } from '../store/rollup-types.ts';
import type { Store } from '../store/types.ts';
import type { ResultsQuery } from './params.ts';

/** Free texts read per drill-down for themes and the comment list: the newest ones of the period. */
export const TEXT_LIMIT = 2000;
/** Comments listed on a drill-down (the CSV export has them all). */
export const COMMENT_LIMIT = 50;

/** The rollups over the current and the previous period in one query each. */
const span = (q: ResultsQuery) => ({
  ...q.filters,
  from: q.periods.previous?.from ?? q.periods.current.from,
  to: q.periods.current.to,
});

/** The overview needs the previous period only as a total and the current one by spark bucket (see Grain). */
const grainOf = (q: ResultsQuery): Grain => ({
  current: q.periods.current.from,
  previous: q.periods.previous?.from ?? q.periods.current.from,
  weekly: sparkBuckets(q.periods.current).granularity === 'week',
});

export async function loadOverview(store: Store, q: ResultsQuery, journey: readonly string[]): Promise<Overview> {
  const [answers, responses] = await Promise.all([
    store.rollups.answerCounts(span(q), grainOf(q)),
    store.rollups.responseCounts(span(q)),
  ]);
  return overview({ answers, responses, periods: q.periods, journey });
}

export async function loadTouchpoint(
  store: Store,
  q: ResultsQuery,
  touchpoint: string,
): Promise<TouchpointDetail | null> {
  const filters = { ...span(q), touchpoint };
  const current = { ...filters, from: q.periods.current.from };
  const [answers, responses, texts] = await Promise.all([
    store.rollups.answerCounts(filters),
    store.rollups.responseCounts(filters),
    store.rollups.texts(current, TEXT_LIMIT),
  ]);
  return touchpointDetail({
    touchpoint,
    answers,
    responses,
    ...texts,
    periods: q.periods,
    commentFilters: q.comments,
    commentLimit: COMMENT_LIMIT,
  });
}
