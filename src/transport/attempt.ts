import { backoff, classify, retryAfter } from './policy.ts';
import type { Entry } from './row.ts';

/** What one POST came back with: its status (0 = no response: network error, CORS, CSP, timeout). */
export type Outcome = { status: number; retryAfter: string | null; error?: string };

export type Timing = { baseMs: number; capMs: number; retryAfterCapMs: number; rateLimitMs: number };

/** What to do with an entry after an attempt; `retry` carries the entry as it must be stored for the next one. */
export type Next =
  | { kind: 'delivered'; status: number }
  | { kind: 'dead'; status: number }
  | { kind: 'pause'; status: number }
  | { kind: 'retry'; entry: Entry; delayMs: number; countsAsFailure: boolean; reason: string };

/** The receiver contract (docs/reliability.md) applied to one entry; pure, so every row of the contract is a test. */
export function afterAttempt(entry: Entry, outcome: Outcome, now: number, timing: Timing, random: () => number): Next {
  const { status } = outcome;
  const verdict = classify(status);
  if (verdict == 'ok') return { kind: 'delivered', status };
  if (verdict == 'dead') return { kind: 'dead', status };
  if (verdict == 'pause') return { kind: 'pause', status };
  const receiverWait = status
    ? (retryAfter(outcome.retryAfter, now, timing.retryAfterCapMs) ?? (status == 429 ? timing.rateLimitMs : undefined))
    : undefined;
  // Being rate limited is not a failure: it neither grows the backoff nor uses up the page budget.
  const countsAsFailure = status != 429;
  const failures = entry.failures + (countsAsFailure ? 1 : 0);
  const delayMs = receiverWait ?? backoff(failures, random, timing.baseMs, timing.capMs);
  return {
    kind: 'retry',
    entry: { ...entry, failures, dueAt: now + delayMs, dueFromReceiver: receiverWait !== undefined },
    delayMs,
    countsAsFailure,
    reason: status ? `status ${status}` : (outcome.error ?? 'network error'),
  };
}
