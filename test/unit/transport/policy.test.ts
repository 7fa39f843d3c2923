import { describe, expect, it } from 'vitest';
import { backoff, classify, retryAfter } from '../../../src/transport/policy.ts';

describe('classify (receiver contract)', () => {
  it.each([
    [200, 'ok'],
    [201, 'ok'],
    [202, 'ok'],
    [204, 'ok'],
    [299, 'ok'],
    [400, 'dead'],
    [413, 'dead'],
    [422, 'dead'],
    [401, 'pause'],
    [403, 'pause'],
    [404, 'pause'],
    [405, 'pause'],
    [410, 'pause'],
    [0, 'retry'],
    [408, 'retry'],
    [409, 'retry'],
    [425, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
    [504, 'retry'],
    [599, 'retry'],
    [304, 'retry'],
  ] as const)('%i → %s', (status, verdict) => {
    expect(classify(status)).toBe(verdict);
  });
});

describe('backoff (full jitter)', () => {
  const base = 1000;
  const cap = 300_000;
  it.each([
    // failures, random, expected ms: uniform in [0, min(cap, base·2^(failures−1)))
    [1, 0, 0],
    [1, 0.5, 500],
    [1, 0.999, 999],
    [2, 0.5, 1000],
    [3, 0.5, 2000],
    [4, 0.25, 2000],
    [9, 0.999, 255_744],
    [10, 0.5, 150_000], // 512 s window capped at 300 s
    [50, 0.999, 299_700], // no overflow for huge counts
    [0, 0.5, 500], // defensive: treated like the first failure
  ])('failures %i, random %f → %i ms', (failures, r, ms) => {
    expect(backoff(failures, () => r, base, cap)).toBe(ms);
  });

  it('windows grow and are capped', () => {
    const windows = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((f) => backoff(f, () => 1, base, cap));
    expect(windows).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 300000, 300000]);
  });
});

describe('retryAfter', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');
  const cap = 300_000;
  it.each([
    ['7', 7000],
    [' 7 ', 7000],
    ['0', 0],
    ['120', 120_000],
    ['301', cap],
    ['99999999999', cap],
    ['Mon, 23 Nov 2026 10:00:07 GMT', 7000],
    ['Mon, 23 Nov 2026 10:02:00 GMT', 120_000],
    ['Mon, 23 Nov 2026 11:00:00 GMT', cap],
    ['Mon, 23 Nov 2026 09:59:00 GMT', 0], // past date: retry now
    ['Sun, 06 Nov 1994 08:49:37 GMT', 0],
    ['soon', undefined],
    ['1.5', undefined],
    ['-5', undefined],
    ['7s', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ])('%j → %s', (value, ms) => {
    expect(retryAfter(value, now, cap)).toBe(ms);
  });
});
