import type { Filters, Store } from './store/types.ts';
import { summarize } from './stats/summary.ts';
import type { Summary } from './stats/summary.ts';

/** How many of the newest comments the summary carries (the export has them all). */
export const COMMENT_LIMIT = 50;

/** Three aggregate queries (run together), then the pure stats module: the same path for both stores. */
export async function loadSummary(store: Store, filters: Filters): Promise<Summary> {
  const [ratings, responses, latest] = await Promise.all([store.ratingCounts(filters), store.responseCounts(filters), store.latestComments(filters, COMMENT_LIMIT)]);
  return summarize({ filters, ratings, responses, comments: latest.comments, commentRatings: latest.ratings });
}
