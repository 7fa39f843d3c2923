/**
 * The receiver contract as pure functions (docs/reliability.md): what a status means, how long to wait before the
 * next attempt, and how to read Retry-After. Status 0 stands for "no response": network error, CORS, CSP, timeout.
 */
export type Verdict = 'ok' | 'retry' | 'dead' | 'pause';

export function classify(status: number): Verdict {
  if (status > 199 && status < 300) return 'ok';
  // The client validated and capped the payload, so these mean the receiver will never take it: dead-letter.
  if (status == 400 || status == 413 || status == 422) return 'dead';
  // 408 timeout, 409 "request in progress" (IETF idempotency-key draft), 425 too early, 429 rate limited, 5xx.
  if (!status || status > 499 || status == 408 || status == 409 || status == 425 || status == 429) return 'retry';
  // 401/403/404 and the remaining 4xx point at a misconfigured endpoint or site: keep the rows, stop asking.
  return status > 399 ? 'pause' : 'retry';
}

/** Full-jitter exponential backoff (AWS architecture blog): uniform in [0, min(cap, base·2^(failures−1))). */
export const backoff = (failures: number, random: () => number, base: number, cap: number): number =>
  Math.floor(random() * Math.min(cap, base * 2 ** Math.min(Math.max(failures - 1, 0), 30)));

/**
 * Retry-After as milliseconds from `now`: delta-seconds or an HTTP-date, clamped to [0, cap]; undefined when absent or
 * unreadable. An HTTP-date must contain letters: V8's lenient Date.parse reads "1.5" or "-5" as dates.
 */
export function retryAfter(value: string | null | undefined, now: number, cap: number): number | undefined {
  const v = (value || '').trim();
  const ms = /^\d+$/.test(v) ? +v * 1000 : /[a-z]/i.test(v) ? Date.parse(v) - now : NaN;
  return ms === ms ? Math.min(cap, Math.max(0, ms)) : undefined;
}
