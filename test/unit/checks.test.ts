import { describe, expect, it } from 'vitest';
import { State as byHand } from '../../src/frequency/state.ts';
import { QueuedPayloadV1 } from '../../src/schema/payload.ts';
import { State as schema } from '../../src/schema/state.ts';
import { checkQueuedPayload } from '../../src/transport/payload-check.ts';
import { INVALID_PAYLOADS, QUEUED_ONLY_PAYLOADS, VALID_PAYLOADS } from './support/payload-corpus.ts';

/**
 * The browser checks the stored touchpoint state and queued payloads by hand, so that zod stays out of pages whose
 * widgets are set by attributes. Each check must judge every input as the zod schema it stands in for does.
 */
describe('the hand-written checks agree with the zod schemas', () => {
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

  it.each([...VALID_PAYLOADS, ...QUEUED_ONLY_PAYLOADS])('valid payload: %s', (_, payload) => {
    expect(QueuedPayloadV1.safeParse(payload).success).toBe(true);
    expect(checkQueuedPayload(payload)).toBeUndefined();
  });

  it.each(INVALID_PAYLOADS)('invalid payload: %s', (_, payload) => {
    expect(QueuedPayloadV1.safeParse(payload).success).toBe(false);
    expect(checkQueuedPayload(payload)).toMatch(/^[^:]+: expected /);
  });

  it('names the field of the first problem', () => {
    const [, bad] = INVALID_PAYLOADS.find(([name]) => name == 'a NUL character in a text')!;
    expect(checkQueuedPayload(bad)).toBe('answers.0.value: expected well-formed text of 0–5000 characters');
  });

  it.each([
    ['nps 11', 'answers.0.value: expected a whole number 0–10 for nps'],
    ['task 3', 'answers.0.value: expected a whole number 0–2 for task'],
    ['a reaction as a number', 'answers.0.value: expected an option value or a list of them'],
    ['a new context field with a NUL', 'context.region: expected text, a number, a boolean or a list of text'],
  ])('says what a rating may be: %s', (name, message) => {
    const [, bad] = INVALID_PAYLOADS.find(([candidate]) => candidate == name)!;
    expect(checkQueuedPayload(bad)).toBe(message);
  });
});
