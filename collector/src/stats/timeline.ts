/**
 * Trend buckets over UTC days ("YYYY-MM-DD"). Up to MAX_DAILY_BUCKETS days are shown day by day; longer periods
 * switch to weeks starting on Monday, so a year-long chart stays readable (52 bars, not 365).
 */
export const MAX_DAILY_BUCKETS = 92;
const DAY_MS = 86_400_000;

export type Granularity = 'day' | 'week';
export type Timeline = { granularity: Granularity; buckets: string[] };

const toMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const toDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const addDays = (day: string, n: number): string => toDay(toMs(day) + n * DAY_MS);
export const utcDay = (ms: number): string => toDay(ms);

/** Monday of the ISO week containing `day`. */
export function weekStart(day: string): string {
  const weekday = (new Date(toMs(day)).getUTCDay() + 6) % 7; // 0 = Monday
  return addDays(day, -weekday);
}

export const bucketOf = (day: string, granularity: Granularity): string => (granularity === 'day' ? day : weekStart(day));

export function timeline(from: string, to: string): Timeline {
  if (toMs(to) < toMs(from)) return { granularity: 'day', buckets: [] };
  const days = Math.round((toMs(to) - toMs(from)) / DAY_MS) + 1;
  const granularity: Granularity = days <= MAX_DAILY_BUCKETS ? 'day' : 'week';
  const buckets: string[] = [];
  for (let d = bucketOf(from, granularity); toMs(d) <= toMs(to); d = addDays(d, granularity === 'day' ? 1 : 7)) buckets.push(d);
  return { granularity, buckets };
}
