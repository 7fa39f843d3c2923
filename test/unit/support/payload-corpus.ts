import { payload } from '../../../collector/test/support/payload.ts';
import { SCALES } from '../../../src/schema/scales.ts';

/**
 * One corpus of payloads that every check of payload v1 must judge alike: the zod schemas, the browser's hand-written
 * check and the published JSON Schema. `valid` ones the widget may queue and every receiver must accept; `invalid`
 * ones all refuse; `queued only` ones the widget may queue (it makes ids and times itself and does not check their
 * formats) but PayloadV1, the JSON Schema and so every receiver refuse.
 */
const base = payload({ id: '4b0a7e0c-3c5e-4c2b-9a57-0f1e2d3c4b5a' });
const context = base.context;
const answer = base.answers[0]!;
const rating = (type: string, value: unknown) => ({ ...base, answers: [{ questionId: 'q', type, value }] });

export const VALID_PAYLOADS: [string, unknown][] = [
  ['the minimal payload', base],
  [
    'every optional field',
    {
      ...base,
      followUpOf: '0f0e0d0c-0b0a-4908-8706-050403020100',
      sentAt: '2026-03-10T12:00:01.000Z',
      attempt: 3,
      metadata: { order: 'A-17', total: 42.5, member: true },
      context: {
        ...context,
        placement: 'popover',
        trigger: 'event:order-complete',
        userAgent: 'UA',
        viewport: '390x844',
        redacted: ['email'],
        stage: 'purchase',
      },
    },
  ],
  ['a text answer with an emoji', { ...base, answers: [{ questionId: 'more', type: 'text', value: 'Great 😀' }] }],
  [
    'a multiple choice',
    { ...base, answers: [{ questionId: 'why', type: 'choice', value: ['price', 'other'], other: 'colour' }] },
  ],
  [
    'a reaction with its valence and level',
    {
      ...base,
      answers: [{ questionId: 'feel', type: 'reaction', value: 'confused', valence: 'negative', level: 'pleasure' }],
    },
  ],
  ['twenty answers', { ...base, answers: Array.from({ length: 20 }, (_, i) => ({ ...answer, questionId: `q${i}` })) }],
  ['an unknown extra field (ignored, receivers must accept it)', { ...base, extra: 1 }],
  ['an unknown field in an answer (ignored)', { ...base, answers: [{ ...answer, shownAt: 3 }] }],
  ['a locale with region', { ...base, context: { ...context, locale: 'pt-BR' } }],
  // The versioning policy: what a later v1 widget may add.
  [
    'a new context field (stored)',
    { ...base, context: { ...context, region: 'eu', depth: 3, returning: true, tags: ['a'] } },
  ],
  ['a new question kind with a number', rating('stars', 4)],
  ['a new question kind with text', rating('sentence-completion', 'fast and easy')],
  ['a new question kind with a list', rating('ranking', ['b', 'a'])],
  // Each scale's ends.
  ...Object.entries(SCALES).flatMap(([kind, { min, max }]): [string, unknown][] => [
    [`${kind} ${min}`, rating(kind, min)],
    [`${kind} ${max}`, rating(kind, max)],
  ]),
  ['a reaction as a list (multiple)', rating('reaction', ['happy', 'confused'])],
  ['a single choice', rating('choice', 'price')],
  ['an empty choice list', rating('choice', [])],
  // As earlier releases sent them: no level, valence, stage, placement or trigger; attempt and sentAt set.
  [
    'an earlier release: csat with attempt',
    { ...base, answers: [{ questionId: 'csat', type: 'csat', value: 4 }], attempt: 2, sentAt: base.createdAt },
  ],
  [
    'an earlier release: nps and a follow-up text',
    { ...base, answers: [answer, { questionId: 'why', type: 'text', value: '' }], metadata: { plan: 'pro' } },
  ],
  [
    'an earlier release: a follow-up',
    {
      ...base,
      followUpOf: '0f0e0d0c-0b0a-4908-8706-050403020100',
      answers: [{ questionId: 'more', type: 'text', value: 'ok' }],
    },
  ],
  ['an earlier release: thumbs down', rating('thumbs', 0)],
];

export const QUEUED_ONLY_PAYLOADS: [string, unknown][] = [
  ['an id that is not a UUID', { ...base, id: 'not-a-uuid' }],
  ['a createdAt that is not an ISO time', { ...base, createdAt: 'yesterday' }],
  ['a followUpOf that is not a UUID', { ...base, followUpOf: 'first' }],
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
  ['a question type with a capital letter', { ...base, answers: [{ ...answer, type: 'Stars' }] }],
  ['a question type with markup', { ...base, answers: [{ ...answer, type: '<b>' }] }],
  ['nps 11', rating('nps', 11)],
  ['nps -1', rating('nps', -1)],
  ['nps 4.5', rating('nps', 4.5)],
  ['nps as text', rating('nps', '9')],
  ['csat 0', rating('csat', 0)],
  ['csat 6', rating('csat', 6)],
  ['ces 8', rating('ces', 8)],
  ['emoji 0', rating('emoji', 0)],
  ['thumbs 2', rating('thumbs', 2)],
  ['expectation 4', rating('expectation', 4)],
  ['task 3', rating('task', 3)],
  ['a reaction as a number', rating('reaction', 2)],
  ['a choice as a number', rating('choice', 1)],
  ['a text as a list', rating('text', ['a'])],
  ['a text as a number', rating('text', 1)],
  ['a new kind with an object as its value', rating('stars', { n: 4 })],
  ['a new context field that is an object', { ...base, context: { ...context, region: { name: 'eu' } } }],
  ['a new context field with a NUL', { ...base, context: { ...context, region: 'e\u0000u' } }],
  ['a new context field named with a space', { ...base, context: { ...context, 'the region': 'eu' } }],
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
