import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/schema/limits.ts';
import { PayloadV1, QueuedPayloadV1 } from '../../src/schema/payload.ts';
import { buildPayload, type PayloadInput } from '../../src/survey/payload.ts';

const input = (over: Partial<PayloadInput>): PayloadInput => ({
  id: '6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f',
  surveyId: 'checkout-csat',
  touchpoint: 'checkout',
  answers: [{ questionId: 'csat', type: 'csat', value: 4 }],
  metadata: {},
  locale: 'en',
  location: { href: 'https://shop.example/checkout?step=3' },
  navigator: { userAgent: 'test', globalPrivacyControl: true } as unknown as Navigator,
  now: new Date('2026-11-29T10:00:00Z'),
  ...over,
});
const valid = (p: unknown) => [QueuedPayloadV1.safeParse(p).success, PayloadV1.safeParse(p).success];

describe('buildPayload keeps what the site and the visitor supply within the payload limits', () => {
  it('a click trigger with a long selector: context.trigger is cut to 120 characters, not a rejected answer', () => {
    const trigger = `click:${'#checkout-form .step-3 '.repeat(12)}button[type=submit]`;
    expect(trigger.length).toBeGreaterThan(LIMITS.triggerLength);
    const p = buildPayload(input({ trigger }));
    expect(p.context.trigger).toBe(trigger.slice(0, LIMITS.triggerLength));
    expect(valid(p)).toEqual([true, true]);
  });

  it('free text at the length limit that scrubbing makes longer is cut back to the limit', () => {
    // "a@b.io" (6 characters) becomes "[email]" (7): 5000 characters of addresses grow past 5000 when scrubbed.
    const text = 'a@b.io '.repeat(Math.ceil(LIMITS.textLength / 7)).slice(0, LIMITS.textLength);
    const p = buildPayload(input({ answers: [{ questionId: 'more', type: 'text', value: text, other: text }], scrubText: true }));
    expect(p.answers[0].value).toMatch(/^\[email\] /);
    expect((p.answers[0].value as string).length).toBe(LIMITS.textLength);
    expect(p.answers[0].other?.length).toBe(LIMITS.textLength);
    expect(p.context.redacted).toEqual(['email']);
    expect(valid(p)).toEqual([true, true]);
  });
});
