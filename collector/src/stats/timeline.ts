/** Calendar arithmetic on UTC days ("YYYY-MM-DD"). */
const DAY_MS = 86_400_000;

const toMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const toDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const addDays = (day: string, n: number): string => toDay(toMs(day) + n * DAY_MS);
export const utcDay = (ms: number): string => toDay(ms);

/** Monday of the ISO week containing `day`. */
export function weekStart(day: string): string {
  const weekday = (new Date(toMs(day)).getUTCDay() + 6) % 7; // 0 = Monday
  return addDays(day, -weekday);
}
