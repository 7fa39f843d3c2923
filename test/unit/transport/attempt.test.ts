import { describe, expect, it } from 'vitest';
import { afterAttempt, type Outcome } from '../../../src/transport/attempt.ts';
import { fromRow } from '../../../src/transport/row.ts';
import { row } from './fixtures.ts';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const timing = { baseMs: 1000, capMs: 300_000, retryAfterCapMs: 300_000, rateLimitMs: 60_000 };
const entry = (failures = 0) => fromRow(row({ f: failures, a: failures + 1 }));
const outcome = (status: number, retryAfter: string | null = null, error?: string): Outcome => ({
  status,
  retryAfter,
  error,
});

describe('afterAttempt: the receiver contract for one entry', () => {
  it.each([
    [200, 'delivered'],
    [202, 'delivered'],
    [400, 'dead'],
    [413, 'dead'],
    [422, 'dead'],
    [401, 'pause'],
    [403, 'pause'],
    [404, 'pause'],
  ] as const)('status %i → %s', (status, kind) => {
    expect(afterAttempt(entry(), outcome(status), NOW, timing, () => 0.5)).toEqual({ kind, status });
  });

  it.each([
    // status, Retry-After, failures before, delay, counts as a failure, due from receiver, reason
    [500, null, 0, 500, true, false, 'status 500'],
    [503, null, 2, 2000, true, false, 'status 503'],
    [503, '7', 0, 7000, true, true, 'status 503'],
    [503, '86400', 0, 300_000, true, true, 'status 503'],
    [429, null, 3, 60_000, false, true, 'status 429'],
    [429, '2', 3, 2000, false, true, 'status 429'],
    [0, null, 0, 500, true, false, 'network error'],
    [0, '7', 0, 500, true, false, 'network error'],
  ] as const)(
    'status %i, Retry-After %s, %i failures before → retry in %i ms',
    (status, header, before, delayMs, counts, fromReceiver, reason) => {
      const next = afterAttempt(entry(before), outcome(status, header), NOW, timing, () => 0.5);
      expect(next).toMatchObject({ kind: 'retry', delayMs, countsAsFailure: counts, reason });
      if (next.kind != 'retry') return;
      expect(next.entry).toMatchObject({
        failures: before + (counts ? 1 : 0),
        dueAt: NOW + delayMs,
        dueFromReceiver: fromReceiver,
      });
    },
  );

  it('names a timeout as its reason and leaves the input entry unchanged', () => {
    const input = entry();
    const next = afterAttempt(input, outcome(0, null, 'timeout after 12000 ms'), NOW, timing, () => 0);
    expect(next).toMatchObject({ kind: 'retry', reason: 'timeout after 12000 ms', delayMs: 0 });
    expect(input.failures).toBe(0);
  });
});
