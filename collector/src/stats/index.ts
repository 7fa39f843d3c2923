export { nps, csat, ces, emoji, thumbs, metricFor, distribution, headline, HEADLINE, onScale } from './metrics.ts';
export type { Metric, NpsMetric, CsatMetric, CesMetric, EmojiMetric, ThumbsMetric, ValueCount, Bucket } from './metrics.ts';
export { attachScores } from './comments.ts';
export type { Comment, Score } from './comments.ts';
export { summarize } from './summary.ts';
export type { Summary, GroupSummary, QuestionSummary, TrendPoint, SummaryInput } from './summary.ts';
export { timeline, addDays, utcDay, weekStart, MAX_DAILY_BUCKETS } from './timeline.ts';
export type { Timeline, Granularity } from './timeline.ts';
