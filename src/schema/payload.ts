import * as z from 'zod/mini';
import { LIMITS } from './limits.ts';
import { QUESTION_TYPES } from './scales.ts';

/**
 * Payload v1: one response, POSTed as one JSON body. This schema is the single source of truth: the collector validates
 * with it on receipt, the widget with QueuedPayloadV1 (the same fields; formats of ids, times and counts left out)
 * before queuing, and dist/payload.v1.schema.json is generated from it (test/unit/json-schema.test.ts fails if the
 * published file drifts).
 */

const id = z.string().check(z.minLength(1), z.maxLength(LIMITS.idLength));

export const MetadataValue = z.union([z.string().check(z.maxLength(LIMITS.metadataValueLength)), z.number(), z.boolean()]);
export const Metadata = z
  .record(z.string().check(z.minLength(1), z.maxLength(LIMITS.metadataKeyLength)), MetadataValue)
  .check(z.refine((m) => Object.keys(m).length <= LIMITS.metadataKeys, `at most ${LIMITS.metadataKeys} keys`));

export const AnswerValue = z.union([
  z.number(),
  z.string().check(z.maxLength(LIMITS.textLength)),
  z.array(z.string().check(z.maxLength(LIMITS.labelLength))).check(z.maxLength(LIMITS.options + 1)),
]);

export const Answer = z.object({
  questionId: id,
  type: z.enum(QUESTION_TYPES),
  value: AnswerValue,
  /** Free text typed into a choice question's "Other" field. */
  other: z.optional(z.string().check(z.maxLength(LIMITS.textLength))),
});

export const REDACTION_KINDS = ['email', 'phone', 'card', 'iban', 'id-number', 'url-credentials'] as const;

export const Context = z.object({
  /** Page URL without query string or fragment (unless the site opted in to keep named query parameters). */
  url: z.string().check(z.maxLength(LIMITS.urlLength)),
  locale: z.string().check(z.maxLength(35)),
  /** How the widget was shown: inline, popover or floating. */
  placement: z.optional(z.enum(['inline', 'popover', 'floating'])),
  /** The trigger that opened the widget, e.g. "load" or "event:order-complete". */
  trigger: z.optional(z.string().check(z.maxLength(LIMITS.triggerLength))),
  /** Only sent when the visitor has not asked for privacy (Global Privacy Control / Do Not Track). */
  userAgent: z.optional(z.string().check(z.maxLength(400))),
  viewport: z.optional(z.string().check(z.maxLength(20))),
  /** Which kinds of personal data were scrubbed out of free text before queuing. */
  redacted: z.optional(z.array(z.enum(REDACTION_KINDS))),
});

/** The payload's shape, with the schemas of its ids and times given: the two schemas below check those differently. */
const payload = <I extends z.ZodMiniType<string>, T extends z.ZodMiniType<string>, N extends z.ZodMiniType<number>>(uuid: () => I, time: () => T, count: () => N) =>
  z.object({
    v: z.literal(1),
    id: uuid(),
    surveyId: id,
    touchpoint: id,
    answers: z.array(Answer).check(z.minLength(1), z.maxLength(LIMITS.answers)),
    /** Set on a follow-up: the id of the response it belongs to (the first tap is sent without waiting for it). */
    followUpOf: z.optional(uuid()),
    context: Context,
    metadata: Metadata,
    /** When the visitor submitted (client clock). */
    createdAt: time(),
    /** When this attempt left the browser (client clock); lets a receiver correct clock skew. */
    sentAt: z.optional(time()),
    /** 1 for the first delivery attempt, then 2, 3 … (same id every time). */
    attempt: z.optional(count()),
  });

// Pure: the script-tag bundle drops it (only the collector and the JSON Schema use it).
export const PayloadV1 = /* @__PURE__ */ payload(
  () => z.uuid(),
  () => z.iso.datetime(),
  () => z.int().check(z.gte(1)),
);

/**
 * What the widget checks before queuing a payload and when reading its queue back. It makes ids, times and attempt
 * counts itself (crypto.randomUUID, toISOString, +1) and the collector checks their formats with PayloadV1 on receipt;
 * z.uuid, z.iso.datetime and z.int cost 1.2 KiB gzip in the script-tag bundle, so this keeps every other field and
 * limit, only bounds those strings and checks the count with a refinement.
 */
export const QueuedPayloadV1 = /* @__PURE__ */ payload(
  () => z.string().check(z.minLength(1), z.maxLength(40)),
  () => z.string().check(z.minLength(1), z.maxLength(40)),
  () => z.number().check(z.refine((n) => Number.isInteger(n) && n >= 1, 'expected a whole number ≥ 1')),
);

export type PayloadV1 = z.infer<typeof PayloadV1>;
export type Answer = z.infer<typeof Answer>;
export type Metadata = z.infer<typeof Metadata>;
export type Context = z.infer<typeof Context>;
export type RedactionKind = (typeof REDACTION_KINDS)[number];
