import * as z from 'zod/mini';
import { isSafeHref } from './links.ts';
import { LIMITS } from './limits.ts';
import { PYRAMID_LEVELS, QUESTION_TYPES, VALENCES } from './scales.ts';

/**
 * A survey definition: from a child <script type="application/json">, the `survey` property, or built from the
 * element's attributes (see attributes.ts). Question-level conditions let a follow-up appear only after a low or
 * negative answer, e.g. `"showIf": { "question": "nps", "max": 6 }`.
 */

const id = z.string().check(z.minLength(1), z.maxLength(LIMITS.idLength), z.regex(/^[\w.:-]+$/));
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

export const ShowIf = z.object({
  /** Id of an earlier question. */
  question: id,
  /** Shown when that answer is ≤ max (ratings). */
  max: z.optional(z.number()),
  /** Shown when that answer is ≥ min (ratings). */
  min: z.optional(z.number()),
  /** Shown when that answer is one of these (ratings or choice values). */
  in: z.optional(z.array(z.union([z.number(), z.string()]))),
  /** Shorthand: shown after a negative / positive answer on that question's own scale. */
  sentiment: z.optional(z.enum(['negative', 'neutral', 'positive'])),
});

export const ChoiceOption = z.object({
  value: text(LIMITS.labelLength),
  label: z.optional(text(LIMITS.labelLength)),
  /** reaction: the emoji shown above the label. */
  emoji: z.optional(text(16)),
  /** reaction: whether choosing it is a positive, neutral or negative answer (follow-ups, recovery, results). */
  valence: z.optional(z.enum(VALENCES)),
});

/** A help offer shown after a negative answer: a real link ("Sorry about that. Chat with us"). */
export const Recovery = z.object({
  text: text(LIMITS.promptLength),
  /** http(s), or relative to the page; never javascript: or data:. */
  href: z
    .string()
    .check(
      z.minLength(1),
      z.maxLength(LIMITS.urlLength),
      z.refine(isSafeHref, 'expected an http(s) URL or a path relative to the page'),
    ),
});

export const Question = z.object({
  id,
  type: z.enum(QUESTION_TYPES),
  prompt: z.optional(text(LIMITS.promptLength)),
  /** End labels of a rating scale, e.g. { "min": "Not at all likely", "max": "Extremely likely" }. */
  labels: z.optional(
    z.object({ min: z.optional(text(LIMITS.labelLength)), max: z.optional(text(LIMITS.labelLength)) }),
  ),
  /** choice: the options; reaction: its own set of emotions (2–8, each with emoji and valence). */
  options: z.optional(
    z.array(z.union([text(LIMITS.labelLength), ChoiceOption])).check(z.minLength(2), z.maxLength(LIMITS.options)),
  ),
  /** choice, reaction: several answers allowed. */
  multiple: z.optional(z.boolean()),
  /** emoji, reaction: show the faces without their visible names (the names stay for screen readers). */
  hideLabels: z.optional(z.boolean()),
  /** The CX-pyramid level this question measures, when not its kind's default. */
  level: z.optional(z.enum(PYRAMID_LEVELS)),
  /** choice: add an "Other" option with a free-text field. */
  other: z.optional(z.boolean()),
  /** text: placeholder of the field. */
  placeholder: z.optional(text(LIMITS.labelLength)),
  /** text: longest accepted answer (≤ the global cap). */
  maxLength: z.optional(
    z
      .number()
      .check(
        z.refine(
          (n) => Number.isInteger(n) && n >= 1 && n <= LIMITS.textLength,
          `expected a whole number from 1 to ${LIMITS.textLength}`,
        ),
      ),
  ),
  showIf: z.optional(ShowIf),
});

export const Survey = z
  .object({
    id,
    /** The journey stage of the touchpoint (discover, consider, purchase, receive, use, support, loyalty …). */
    stage: z.optional(z.string().check(z.regex(/^[\w.:/-]{1,64}$/, 'expected 1–64 letters, digits or _ . : / -'))),
    questions: z.array(Question).check(z.minLength(1), z.maxLength(LIMITS.questions)),
    recovery: z.optional(Recovery),
  })
  .check(
    z.superRefine((survey, ctx) => {
      const seen = new Set<string>();
      survey.questions.forEach((q, i) => {
        if (seen.has(q.id))
          ctx.addIssue({
            code: 'custom',
            path: ['questions', i, 'id'],
            message: `duplicate question id "${q.id}"`,
            input: q.id,
          });
        if (q.showIf && !seen.has(q.showIf.question)) {
          ctx.addIssue({
            code: 'custom',
            path: ['questions', i, 'showIf', 'question'],
            message: `must name an earlier question id, got "${q.showIf.question}"`,
            input: q.showIf.question,
          });
        }
        if (q.type === 'choice' && !q.options) {
          ctx.addIssue({
            code: 'custom',
            path: ['questions', i, 'options'],
            message: 'a choice question needs at least 2 options',
            input: q.options,
          });
        }
        if (q.type === 'reaction' && q.options) {
          const bad = q.options.findIndex((o) => typeof o === 'string' || !o.emoji || !o.valence);
          if (q.options.length > 8) {
            ctx.addIssue({
              code: 'custom',
              path: ['questions', i, 'options'],
              message: 'a reaction set has 2–8 options',
              input: q.options.length,
            });
          } else if (bad >= 0) {
            const message = 'a reaction option needs { "value", "emoji", "label", "valence" }';
            ctx.addIssue({ code: 'custom', path: ['questions', i, 'options', bad], message, input: q.options[bad] });
          }
        }
        seen.add(q.id);
      });
      if (survey.questions[0].showIf)
        ctx.addIssue({
          code: 'custom',
          path: ['questions', 0, 'showIf'],
          message: 'the first question cannot be conditional',
          input: survey.questions[0].showIf,
        });
    }),
  );

export type Survey = z.infer<typeof Survey>;
export type Question = z.infer<typeof Question>;
export type ShowIf = z.infer<typeof ShowIf>;
export type ChoiceOption = z.infer<typeof ChoiceOption>;
export type Recovery = z.infer<typeof Recovery>;
