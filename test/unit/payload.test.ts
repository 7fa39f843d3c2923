import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/schema/limits.ts';
import { PayloadV1, QueuedPayloadV1, WELL_FORMED_TEXT } from '../../src/schema/payload.ts';
import { describeIssues } from '../../src/schema/issues.ts';
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
    const p = buildPayload(
      input({ answers: [{ questionId: 'more', type: 'text', value: text, other: text }], scrubText: true }),
    );
    expect(p.answers[0].value).toMatch(/^\[email\] /);
    expect((p.answers[0].value as string).length).toBe(LIMITS.textLength);
    expect(p.answers[0].other?.length).toBe(LIMITS.textLength);
    expect(p.context.redacted).toEqual(['email']);
    expect(valid(p)).toEqual([true, true]);
  });
});

describe('buildPayload never produces text the collector must refuse', () => {
  it('scrubbing lengthens text ending in an emoji: the cut keeps the emoji whole or drops it, never half', () => {
    const text = `${'x'.repeat(4983)} a@b.co a@b.co😀`;
    const p = buildPayload(input({ answers: [{ questionId: 'more', type: 'text', value: text }], scrubText: true }));
    const value = p.answers[0].value as string;
    expect(value.length).toBeLessThanOrEqual(LIMITS.textLength);
    expect(value).toMatch(WELL_FORMED_TEXT);
    expect(value.endsWith('😀') || !value.endsWith('\uD83D')).toBe(true);
    expect(valid(p)).toEqual([true, true]);
  });

  it('keeps a family emoji (one grapheme of 11 code units) whole or leaves it out', () => {
    const family = '👨‍👩‍👧‍👦';
    const text = `${'y'.repeat(LIMITS.textLength - 5)}${family}`;
    const value = buildPayload(input({ answers: [{ questionId: 'more', type: 'text', value: text }] })).answers[0]
      .value;
    expect(value).toBe('y'.repeat(LIMITS.textLength - 5));
  });

  it.each([
    ['a NUL character', 'ok\u0000then', 'okthen'],
    ['a lone high surrogate', 'half \uD83D', 'half \uFFFD'],
    ['a lone low surrogate', '\uDE00 half', '\uFFFD half'],
    ['a whole pair', 'fine 😀', 'fine 😀'],
  ])('free text with %s is cleaned', (_, typed, sent) => {
    for (const scrubText of [true, false]) {
      const p = buildPayload(
        input({ answers: [{ questionId: 'more', type: 'text', value: typed, other: typed }], scrubText }),
      );
      expect([p.answers[0].value, p.answers[0].other]).toEqual([sent, sent]);
      expect(valid(p)).toEqual([true, true]);
    }
  });

  it('sends the journey stage in context.stage', () => {
    const p = buildPayload(input({ stage: 'purchase' }));
    expect(p.context.stage).toBe('purchase');
    expect(valid(p)).toEqual([true, true]);
  });
});

describe('PayloadV1 refuses what a store cannot keep or a results page should not list, naming the field', () => {
  const good = buildPayload(input({}));
  const issuesOf = (p: unknown): string[] => {
    const result = PayloadV1.safeParse(p);
    return result.success ? [] : describeIssues(result.error, p);
  };
  const text = (value: string) => ({ ...good, answers: [{ questionId: 'more', type: 'text', value }] });
  const rated = (type: string, value: unknown) => ({ ...good, answers: [{ questionId: 'q', type, value }] });

  it.each([
    ['NUL in a text answer', text('a\u0000b'), 'answers[0].value: got "a\\u0000b", expected well-formed Unicode text'],
    ['lone surrogate in a text answer', text('a\uD800'), 'answers[0].value: got "a\\ud800", expected well-formed'],
    ['lone surrogate in metadata', { ...good, metadata: { k: '\uDC00' } }, 'metadata.k: got "\\udc00", expected well'],
    ['NUL in a metadata key', { ...good, metadata: { 'k\u0000': 'v' } }, 'expected well-formed'],
    ['NUL in the url', { ...good, context: { ...good.context, url: 'https://x/\u0000' } }, 'context.url: got'],
    [
      'a space in touchpoint',
      { ...good, touchpoint: 'check out' },
      'touchpoint: got "check out", expected 1–64 letters',
    ],
    ['markup in surveyId', { ...good, surveyId: '<b>x</b>' }, 'surveyId: got "<b>x</b>", expected 1–64 letters'],
    ['an empty touchpoint', { ...good, touchpoint: '' }, 'touchpoint: got "", expected 1–64 letters'],
    ['a locale that is no language tag', { ...good, context: { ...good.context, locale: 'en US' } }, 'context.locale'],
    ['a stage with spaces', { ...good, context: { ...good.context, stage: 'after sale' } }, 'context.stage: got'],
    ['nps 11', rated('nps', 11), 'answers[0].value: got 11, expected a whole number 0–10 for nps'],
    ['csat 4.5', rated('csat', 4.5), 'answers[0].value: got 4.5, expected a whole number 1–5 for csat'],
    ['a reaction as a number', rated('reaction', 2), 'answers[0].value: got 2, expected an option value or a list'],
    ['a text as a list', rated('text', ['a']), 'answers[0].value: got ["a"], expected text'],
    ['a kind named with markup', rated('<b>', 1), 'answers[0].type: got "<b>", expected one of emoji, thumbs'],
    ['an object in a new context field', { ...good, context: { ...good.context, region: {} } }, 'context.region: got'],
    [
      'a new context field named with a space',
      { ...good, context: { ...good.context, 'the region': 'eu' } },
      'context: expected context field names of 1–64 letters',
    ],
  ])('%s', (_, payload, expected) => {
    expect(issuesOf(payload).join('\n')).toContain(expected);
  });

  it.each([['help-article-42'], ['shop/checkout:step.2'], ['A_b-C']])('accepts the touchpoint %s', (touchpoint) => {
    expect(
      issuesOf({ ...good, touchpoint, surveyId: touchpoint, context: { ...good.context, stage: touchpoint } }),
    ).toEqual([]);
  });

  it.each([['en'], ['pt-BR'], ['zh-Hant-TW']])('accepts the locale %s', (locale) => {
    expect(issuesOf({ ...good, context: { ...good.context, locale } })).toEqual([]);
  });

  it('describes 5,000 levels of nesting without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 5000; level++) deep = [deep];
    expect(issuesOf({ ...good, metadata: { deep }, answers: deep })).toEqual([
      'answers[0]: got an array, expected object',
      'metadata.deep: got an array, does not match any allowed form',
    ]);
  });
});
