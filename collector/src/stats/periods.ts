import { addDays, weekStart } from './timeline.ts';

/** A closed range of UTC days. */
export type Period = { from: string; to: string };

/** The period shown and the one just before it, of the same length (none when the period is open: "all time"). */
export type Periods = { current: Period; previous: Period | null };

const DAY_MS = 86_400_000;
export const daysIn = (p: Period): number => Math.round((Date.parse(p.to) - Date.parse(p.from)) / DAY_MS) + 1;

export function periodsOf(current: Period, open: boolean): Periods {
  if (open) return { current, previous: null };
  const length = daysIn(current);
  return { current, previous: { from: addDays(current.from, -length), to: addDays(current.from, -1) } };
}

/** Above this many days the sparklines and trends go by week, so each point has enough answers to mean something. */
export const DAILY_UP_TO = 21;

export function sparkBuckets(p: Period): {
  keys: string[];
  bucketOf: (day: string) => string;
  granularity: 'day' | 'week';
} {
  const weekly = daysIn(p) > DAILY_UP_TO;
  const bucketOf = (day: string) => (weekly ? weekStart(day) : day);
  const keys: string[] = [];
  for (let d = bucketOf(p.from); d <= p.to; d = addDays(d, weekly ? 7 : 1)) keys.push(d);
  return { keys, bucketOf, granularity: weekly ? 'week' : 'day' };
}
