import { describe, expect, it } from 'vitest';
import { QueuedPayloadV1 as shallow } from '../../../src/core/payload-check.ts';
import { State as byHand } from '../../../src/core/state-check.ts';
import { State as schema } from '../../../src/frequency/state.ts';
import { QueuedPayloadV1 } from '../../../src/schema/payload.ts';
import { payload } from '../../../collector/test/support/payload.ts';

/**
 * The core script swaps two zod schemas for checks written by hand (scripts/build.mjs). The state check must agree
 * with the schema on every input; the payload check, which only reads back what the full script queued, must at least
 * accept every payload the schema accepts.
 */
describe('the core script\'s checks agree with the schemas they stand in for', () => {
  const states: unknown[] = [
    {},
    { c: 1 },
    { c: 1, s: { a: { n: 1, a: 2, d: 3, z: 4, r: 50.5 } }, o: { a: 123 } },
    { s: { a: {} } },
    { s: { a: { n: undefined } } },
    null,
    [],
    'x',
    3,
    { c: '1' },
    { s: [] },
    { s: { a: null } },
    { s: { a: { n: '1' } } },
    { s: { a: [] } },
    { o: { a: '1' } },
    { o: [] },
    { c: null },
  ];
  it.each(states.map((s) => [JSON.stringify(s), s]))('state %s', (_, s) => {
    expect(byHand.safeParse(s).success).toBe(schema.safeParse(s).success);
  });

  const valid = payload();
  it('payload: what the schema accepts passes; what is not a v1 payload does not', () => {
    expect(QueuedPayloadV1.safeParse(valid).success).toBe(true);
    expect(shallow.safeParse(valid).success).toBe(true);
    // The attempt count: a whole number from 1, as the collector's z.int check wants.
    for (const attempt of [1, 7]) expect(QueuedPayloadV1.safeParse({ ...valid, attempt }).success).toBe(true);
    for (const attempt of [0, 1.5, -1, '2']) expect(QueuedPayloadV1.safeParse({ ...valid, attempt }).success).toBe(false);
    for (const bad of [null, 'x', { ...valid, v: 2 }, { ...valid, id: 5 }, { ...valid, answers: 'x' }]) expect(shallow.safeParse(bad).success).toBe(false);
  });
});
