import {
  CONTEXT_KEY_PATTERN,
  KIND_PATTERN,
  LOCALE_PATTERN,
  NAME_PATTERN,
  PLACEMENTS,
  REDACTION_KINDS,
  WELL_FORMED_TEXT,
} from '../schema/fields.ts';
import { LIMITS } from '../schema/limits.ts';
import { PYRAMID_LEVELS, SCALES, VALENCES, isRatingKind } from '../schema/scales.ts';

/**
 * The browser's check of a payload before it is queued and when a queued one is read back: the fields and limits of
 * `QueuedPayloadV1` (src/schema/payload.ts), written by hand so that zod stays out of pages whose widgets are set by
 * attributes. test/unit/checks.test.ts holds the two together over one corpus of valid and invalid payloads; the
 * collector validates every payload again with the zod schema on receipt.
 */

/** A problem: the path of the field and what was expected. */
type Problem = { path: (string | number)[]; expected: string };
type Check = (value: unknown) => Problem | undefined;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value == 'object' && value !== null && !Array.isArray(value);
const problem = (expected: string): Problem => ({ path: [], expected });
const at = (key: string | number, found: Problem | undefined) => found && { ...found, path: [key, ...found.path] };

const text =
  (max: number, min = 0, pattern = WELL_FORMED_TEXT): Check =>
  (value) =>
    typeof value != 'string' || value.length < min || value.length > max || !pattern.test(value)
      ? problem(
          `well-formed text of ${min}–${max} characters${pattern == WELL_FORMED_TEXT ? '' : ' in its character set'}`,
        )
      : undefined;
const nonEmpty = (max: number) => text(max, 1);
const name = text(LIMITS.idLength, 1, NAME_PATTERN);
const number: Check = (value) => (typeof value == 'number' && Number.isFinite(value) ? undefined : problem('a number'));
const oneOf =
  (values: readonly unknown[]): Check =>
  (value) =>
    values.includes(value) ? undefined : problem(`one of ${values.join(', ')}`);
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined ? undefined : check(value);
const anyOf =
  (expected: string, ...checks: Check[]): Check =>
  (value) =>
    checks.every((check) => check(value)) ? problem(expected) : undefined;
const list =
  (item: Check, min: number, max: number): Check =>
  (value) => {
    if (!Array.isArray(value) || value.length < min || value.length > max) return problem(`a list of ${min}–${max}`);
    for (let i = 0; i < value.length; i++) {
      const found = at(i, item(value[i]));
      if (found) return found;
    }
  };
/** Fields not in `shape` are ignored, or, with `rest`, each must pass it (a later widget's context fields). */
const object =
  (shape: Record<string, Check>, rest?: Check): Check =>
  (value) => {
    if (!isObject(value)) return problem('an object');
    for (const key in shape) {
      const found = at(key, shape[key]!(value[key]));
      if (found) return found;
    }
    if (rest) {
      for (const key in value) {
        if (Object.hasOwn(shape, key)) continue;
        const found = rest(value[key]) ?? text(64, 1, CONTEXT_KEY_PATTERN)(key);
        if (found) return at(key, found);
      }
    }
  };

const metadataValue = anyOf(
  `a string of up to ${LIMITS.metadataValueLength} characters, a number or a boolean`,
  text(LIMITS.metadataValueLength),
  number,
  oneOf([true, false]),
);

const metadata: Check = (value) => {
  if (!isObject(value)) return problem('an object');
  const entries = Object.entries(value);
  if (entries.length > LIMITS.metadataKeys) return problem(`at most ${LIMITS.metadataKeys} keys`);
  for (const [key, item] of entries) {
    const found = nonEmpty(LIMITS.metadataKeyLength)(key) ?? metadataValue(item);
    if (found) return at(key, found);
  }
};

const options = list(text(LIMITS.labelLength), 0, LIMITS.options + 1);
const optionValues = anyOf('an option value or a list of them', text(LIMITS.textLength), options);
const anyValue = anyOf(
  `a number, well-formed text of up to ${LIMITS.textLength} characters or a list of option values`,
  number,
  optionValues,
);

/** The value an answer of this kind may take: a rating is a whole number on its scale (one lookup in SCALES). */
const valueOf = (type: string): Check => {
  if (isRatingKind(type)) {
    const { min, max } = SCALES[type];
    return (value) =>
      Number.isInteger(value) && (value as number) >= min && (value as number) <= max
        ? undefined
        : problem(`a whole number ${min}–${max} for ${type}`);
  }
  return type == 'text' ? text(LIMITS.textLength) : type == 'choice' || type == 'reaction' ? optionValues : anyValue;
};

const answerFields = object({
  questionId: nonEmpty(LIMITS.idLength),
  // A kind this release knows or one a later v1 widget adds: receivers accept both (see valueOf).
  type: text(32, 1, KIND_PATTERN),
  other: optional(text(LIMITS.textLength)),
  level: optional(oneOf(PYRAMID_LEVELS)),
  valence: optional(oneOf(VALENCES)),
});
const answer: Check = (value) => {
  const found = answerFields(value);
  if (found) return found;
  const { type, value: given } = value as { type: string; value: unknown };
  return at('value', valueOf(type)(given));
};

const context = object(
  {
    url: text(LIMITS.urlLength),
    locale: text(35, 1, LOCALE_PATTERN),
    placement: optional(oneOf(PLACEMENTS)),
    trigger: optional(text(LIMITS.triggerLength)),
    userAgent: optional(text(400)),
    viewport: optional(text(20)),
    redacted: optional(list(oneOf(REDACTION_KINDS), 0, Infinity)),
    stage: optional(name),
  },
  anyOf('text, a number, a boolean or a list of text', metadataValue, options),
);

const queuedPayload = object({
  v: oneOf([1]),
  id: nonEmpty(40),
  surveyId: name,
  touchpoint: name,
  answers: list(answer, 1, LIMITS.answers),
  followUpOf: optional(nonEmpty(40)),
  context,
  metadata,
  createdAt: nonEmpty(40),
  sentAt: optional(nonEmpty(40)),
  attempt: optional((value) =>
    Number.isInteger(value) && (value as number) >= 1 ? undefined : problem('a whole number ≥ 1'),
  ),
});

/** The first problem of a payload as `path: expected …`, or undefined when it may be queued. */
export function checkQueuedPayload(payload: unknown): string | undefined {
  const found = queuedPayload(payload);
  return found && `${found.path.join('.') || 'payload'}: expected ${found.expected}`;
}
