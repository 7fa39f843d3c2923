import { retryAfter } from '../../../src/transport/policy.ts';

/**
 * Delay before the next webhook attempt: exponential (base × 2^(attempt−1)), capped, with "equal jitter" (half
 * fixed, half random) so a receiver that comes back after an outage is not hit by every queued delivery at once.
 * A Retry-After from the receiver is honoured when it asks for longer (still capped).
 */
export type BackoffOptions = { baseMs: number; maxMs: number };

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 5_000, maxMs: 3_600_000 };

export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number,
  retryAfterMs?: number,
): number {
  const exp = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exp / 2 + (random() * exp) / 2;
  return Math.min(options.maxMs, Math.max(jittered, retryAfterMs ?? 0));
}

/**
 * Retry-After in milliseconds from `nowMs` (delta-seconds or an HTTP date), or undefined when absent or unreadable.
 * The widget's parser, so the collector and the widget read a receiver's answer alike (it also refuses the numbers
 * V8's lenient Date.parse would take for dates, like "1.5").
 */
export const parseRetryAfter = (value: string | null, nowMs: number): number | undefined =>
  retryAfter(value, nowMs, Number.POSITIVE_INFINITY);
