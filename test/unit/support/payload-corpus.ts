import { payload } from '../../../collector/test/support/payload.ts';

/**
 * One corpus of payloads that every check of payload v1 must judge alike: the zod schemas, the browser's hand-written
 * check and the published JSON Schema. `valid` ones the widget may queue; `invalid` ones it must refuse.
 */
const base = payload({ id: '4b0a7e0c-3c5e-4c2b-9a57-0f1e2d3c4b5a' });
const context = base.context;
const answer = base.answers[0]!;

export const VALID_PAYLOADS: [string, unknown][] = [
  ['the minimal payload', base],
  ['every optional field', {
    ...base,
    followUpOf: '0f0e0d0c-0b0a-4908-8706-050403020100',
    sentAt: '2026-03-10T12:00:01.000Z',
    attempt: 3,
    metadata: { order: 'A-17', total: 42.5, member: true },
    context: { ...context, placement: 'popover', trigger: 'event:order-complete', userAgent: 'UA', viewport: '390x844', redacted: ['email'], stage: 'purchase' },
  }],
  ['a text answer with an emoji', { ...base, answers: [{ questionId: 'more', type: 'text', value: 'Great 😀' }] }],
  ['a multiple choice', { ...base, answers: [{ questionId: 'why', type: 'choice', value: ['price', 'other'], other: 'colour' }] }],
  ['a reaction with its valence and level', { ...base, answers: [{ questionId: 'feel', type: 'reaction', value: 'confused', valence: 'negative', level: 'pleasure' }] }],
  ['twenty answers', { ...base, answers: Array.from({ length: 20 }, (_, i) => ({ ...answer, questionId: `q${i}` })) }],
  ['an unknown extra field (ignored, receivers must accept it)', { ...base, extra: 1 }],
  ['a locale with region', { ...base, context: { ...context, locale: 'pt-BR' } }],
];

export const INVALID_PAYLOADS: [string, unknown][] = [
  ['not an object', 'x'],
  ['null', null],
  ['version 2', { ...base, v: 2 }],
  ['no id', { ...base, id: undefined }],
  ['an empty id', { ...base, id: '' }],
  ['an id longer than 40', { ...base, id: 'x'.repeat(41) }],
  ['a touchpoint with a space', { ...base, touchpoint: 'check out' }],
  ['a touchpoint of 65 characters', { ...base, touchpoint: 't'.repeat(65) }],
  ['a surveyId with markup', { ...base, surveyId: '<b>' }],
  ['no answers', { ...base, answers: [] }],
  ['21 answers', { ...base, answers: Array.from({ length: 21 }, (_, i) => ({ ...answer, questionId: `q${i}` })) }],
  ['an unknown question type', { ...base, answers: [{ ...answer, type: 'stars' }] }],
  ['an answer value of null', { ...base, answers: [{ ...answer, value: null }] }],
  ['an answer value of NaN', { ...base, answers: [{ ...answer, value: Number.NaN }] }],
  ['a text of 5001 characters', { ...base, answers: [{ questionId: 'more', type: 'text', value: 'x'.repeat(5001) }] }],
  ['a NUL character in a text', { ...base, answers: [{ questionId: 'more', type: 'text', value: 'a\u0000b' }] }],
  ['a lone surrogate in a text', { ...base, answers: [{ questionId: 'more', type: 'text', value: 'x\uD83D' }] }],
  ['an unknown level', { ...base, answers: [{ ...answer, level: 'delight' }] }],
  ['an unknown valence', { ...base, answers: [{ ...answer, valence: 'mixed' }] }],
  ['no context', { ...base, context: undefined }],
  ['a locale with an underscore', { ...base, context: { ...context, locale: 'en_US' } }],
  ['an unknown placement', { ...base, context: { ...context, placement: 'modal' } }],
  ['a stage with a space', { ...base, context: { ...context, stage: 'after sales' } }],
  ['an unknown redaction kind', { ...base, context: { ...context, redacted: ['ssn'] } }],
  ['metadata as a list', { ...base, metadata: [] }],
  ['21 metadata keys', { ...base, metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i])) }],
  ['a metadata value that is an object', { ...base, metadata: { order: { id: 1 } } }],
  ['a metadata value of 501 characters', { ...base, metadata: { note: 'x'.repeat(501) } }],
  ['no createdAt', { ...base, createdAt: undefined }],
  ['attempt 0', { ...base, attempt: 0 }],
  ['attempt 1.5', { ...base, attempt: 1.5 }],
  ['attempt as text', { ...base, attempt: '2' }],
];
