import * as z from 'zod/mini';
import {
  CONTEXT_KEY_PATTERN,
  CONTEXT_KEY_RULE,
  KIND_PATTERN,
  KIND_RULE,
  LOCALE_PATTERN,
  NAME_PATTERN,
  NAME_RULE,
  NOT_WELL_FORMED,
  PLACEMENTS,
  REDACTION_KINDS,
  WELL_FORMED_TEXT,
} from './fields.ts';
import { LIMITS } from './limits.ts';
import { PYRAMID_LEVELS, QUESTION_TYPES, SCALES, VALENCES, isRatingKind } from './scales.ts';
import type { QuestionType } from './scales.ts';

/**
 * Payload v1: one response, POSTed as one JSON body. This schema is the single source of truth: the collector validates
 * with it on receipt, the widget with QueuedPayloadV1 (the same fields; formats of ids, times and counts left out)
 * before queuing, and dist/payload.v1.schema.json is generated from it (test/unit/json-schema.test.ts fails if the
 * published file drifts).
 */

const text = (max: number) => z.string().check(z.maxLength(max), z.regex(WELL_FORMED_TEXT, NOT_WELL_FORMED));
const name = () => z.string().check(z.regex(NAME_PATTERN, `expected ${NAME_RULE}`));

const nonEmptyText = (max: number) =>
  z.string().check(z.minLength(1), z.maxLength(max), z.regex(WELL_FORMED_TEXT, NOT_WELL_FORMED));
const id = nonEmptyText(LIMITS.idLength);

export const MetadataValue = z.union([text(LIMITS.metadataValueLength), z.number(), z.boolean()]);
export const Metadata = z
  .record(nonEmptyText(LIMITS.metadataKeyLength), MetadataValue)
  .check(z.refine((m) => Object.keys(m).length <= LIMITS.metadataKeys, `at most ${LIMITS.metadataKeys} keys`));
// The key count is a refinement, which JSON Schema cannot read from zod: say it in the schema's own words.
z.globalRegistry.add(Metadata, { maxProperties: LIMITS.metadataKeys });

/** A choice or reaction: one option value, or a list of them (`multiple`; a choice may add "other"). */
const optionValues = z.union([
  text(LIMITS.textLength),
  z.array(text(LIMITS.labelLength)).check(z.maxLength(LIMITS.options + 1)),
]);
/** Every form an answer's value may take; which of them a kind allows is VALUE_RULES' job. */
export const AnswerValue = z.union([z.number(), optionValues]);
type AnswerValue = z.infer<typeof AnswerValue>;

/**
 * What the value of each known kind may be: a rating a whole number on its scale, text a string, a choice or a
 * reaction not a number. A kind a later v1 widget adds takes any AnswerValue (receivers store it and count it as an
 * unknown kind: the versioning policy in docs/collector.md). Each rule is said twice from the same table, as a check
 * for zod and in JSON Schema's words for the published schema; test/unit/json-schema.test.ts holds the two together.
 */
const valueRule = (type: QuestionType): { problem: (value: AnswerValue) => string | undefined; json: object } => {
  if (isRatingKind(type)) {
    const { min, max } = SCALES[type];
    return {
      problem: (v) =>
        Number.isInteger(v) && +v >= min && +v <= max ? undefined : `a whole number ${min}–${max} for ${type}`,
      json: { type: 'integer', minimum: min, maximum: max },
    };
  }
  if (type == 'text') return { problem: (v) => (typeof v == 'string' ? undefined : 'text'), json: { type: 'string' } };
  return {
    problem: (v) => (typeof v == 'number' ? `an option value or a list of them for ${type}` : undefined),
    json: { not: { type: 'number' } },
  };
};
const VALUE_RULES = new Map(QUESTION_TYPES.map((type) => [type as string, valueRule(type)]));

export const Answer = z
  .object({
    questionId: id,
    /** One of QUESTION_TYPES, or a kind a later v1 widget adds. */
    type: z.string().check(z.regex(KIND_PATTERN, `expected one of ${QUESTION_TYPES.join(', ')} or ${KIND_RULE}`)),
    value: AnswerValue,
    /** Free text typed into a choice question's "Other" field. */
    other: z.optional(text(LIMITS.textLength)),
    /** The question's CX-pyramid level when the survey overrides its kind's default. */
    level: z.optional(z.enum(PYRAMID_LEVELS)),
    /** For a reaction from a custom set: the valence the survey gave that option. */
    valence: z.optional(z.enum(VALENCES)),
  })
  .check(
    z.superRefine((answer, ctx) => {
      const problem = VALUE_RULES.get(answer.type)?.problem(answer.value);
      // The value passed AnswerValue (a number, short text or a short list), so it stringifies safely.
      const got = JSON.stringify(answer.value).slice(0, 60);
      const message = `got ${got}, expected ${problem}`;
      if (problem) ctx.issues.push({ code: 'custom', path: ['value'], input: answer.value, message });
    }),
  );
z.globalRegistry.add(Answer, {
  allOf: [...VALUE_RULES].map(([type, rule]) => ({
    if: { properties: { type: { const: type } }, required: ['type'] },
    then: { properties: { value: rule.json } },
  })),
});

const contextShape = {
  /** Page URL without query string or fragment (unless the site opted in to keep named query parameters). */
  url: text(LIMITS.urlLength),
  locale: z.string().check(z.regex(LOCALE_PATTERN, 'expected a BCP 47 language tag: 1–35 letters, digits or -')),
  /** How the widget was shown: inline, popover or floating. */
  placement: z.optional(z.enum(PLACEMENTS)),
  /** The trigger that opened the widget, e.g. "load" or "event:order-complete". */
  trigger: z.optional(text(LIMITS.triggerLength)),
  /** Only sent when the visitor has not asked for privacy (Global Privacy Control / Do Not Track). */
  userAgent: z.optional(text(400)),
  viewport: z.optional(text(20)),
  /** Which kinds of personal data were scrubbed out of free text before queuing. */
  redacted: z.optional(z.array(z.enum(REDACTION_KINDS))),
  /**
   * The stage of the customer journey the touchpoint belongs to (e.g. "purchase", "onboarding"), so results can be
   * grouped by stage across touchpoints. Same characters and length as a touchpoint.
   */
  stage: z.optional(name()),
};

/**
 * Context fields added by a later v1 widget are kept and stored, so each must take a simple form: text, a number, a
 * boolean or a short list of text (like `redacted`). Their names are checked because stores keep them as JSON keys
 * (PostgreSQL refuses a NUL in one).
 */
const FutureContextValue = z.union([
  MetadataValue,
  z.array(text(LIMITS.labelLength)).check(z.maxLength(LIMITS.options + 1)),
]);
export const Context = z
  .catchall(z.object(contextShape), FutureContextValue)
  .check(
    z.refine(
      (context) => Object.keys(context).every((key) => CONTEXT_KEY_PATTERN.test(key)),
      `expected context field names of ${CONTEXT_KEY_RULE}`,
    ),
  );
z.globalRegistry.add(Context, { propertyNames: { pattern: CONTEXT_KEY_PATTERN.source } });

/** The payload's shape, with the schemas of its ids and times given: the two schemas below check those differently. */
const payload = <I extends z.ZodMiniType<string>, T extends z.ZodMiniType<string>, N extends z.ZodMiniType<number>>(
  uuid: () => I,
  time: () => T,
  count: () => N,
) =>
  z.object({
    v: z.literal(1),
    id: uuid(),
    surveyId: name(),
    touchpoint: name(),
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
  () => nonEmptyText(40),
  () => nonEmptyText(40),
  () => z.number().check(z.refine((n) => Number.isInteger(n) && n >= 1, 'expected a whole number ≥ 1')),
);

export type PayloadV1 = z.infer<typeof PayloadV1>;
export type Answer = z.infer<typeof Answer>;
export type Metadata = z.infer<typeof Metadata>;
export type Context = z.infer<typeof Context>;
export { LOCALE_PATTERN, NAME_PATTERN, REDACTION_KINDS, WELL_FORMED_TEXT };
export type RedactionKind = (typeof REDACTION_KINDS)[number];
