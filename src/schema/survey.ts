import * as z from 'zod/mini';
import { LIMITS } from './limits.ts';
import { QUESTION_TYPES } from './scales.ts';

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
});

export const Question = z.object({
  id,
  type: z.enum(QUESTION_TYPES),
  prompt: z.optional(text(LIMITS.promptLength)),
  /** End labels of a rating scale, e.g. { "min": "Not at all likely", "max": "Extremely likely" }. */
  labels: z.optional(z.object({ min: z.optional(text(LIMITS.labelLength)), max: z.optional(text(LIMITS.labelLength)) })),
  /** choice: the options. */
  options: z.optional(z.array(z.union([text(LIMITS.labelLength), ChoiceOption])).check(z.minLength(2), z.maxLength(LIMITS.options))),
  /** choice: several answers allowed. */
  multiple: z.optional(z.boolean()),
  /** choice: add an "Other" option with a free-text field. */
  other: z.optional(z.boolean()),
  /** text: placeholder of the field. */
  placeholder: z.optional(text(LIMITS.labelLength)),
  /** text: longest accepted answer (≤ the global cap). */
  maxLength: z.optional(z.number().check(z.refine((n) => Number.isInteger(n) && n >= 1 && n <= LIMITS.textLength, `expected a whole number from 1 to ${LIMITS.textLength}`))),
  showIf: z.optional(ShowIf),
});

export const Survey = z
  .object({
    id,
    questions: z.array(Question).check(z.minLength(1), z.maxLength(LIMITS.questions)),
  })
  .check(
    z.superRefine((survey, ctx) => {
      const seen = new Set<string>();
      survey.questions.forEach((q, i) => {
        if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id "${q.id}"`, input: q.id });
        if (q.showIf && !seen.has(q.showIf.question)) {
          ctx.addIssue({ code: 'custom', path: ['questions', i, 'showIf', 'question'], message: `must name an earlier question id, got "${q.showIf.question}"`, input: q.showIf.question });
        }
        if (q.type === 'choice' && !q.options) {
          ctx.addIssue({ code: 'custom', path: ['questions', i, 'options'], message: 'a choice question needs at least 2 options', input: q.options });
        }
        seen.add(q.id);
      });
      if (survey.questions[0].showIf) ctx.addIssue({ code: 'custom', path: ['questions', 0, 'showIf'], message: 'the first question cannot be conditional', input: survey.questions[0].showIf });
    }),
  );

export type Survey = z.infer<typeof Survey>;
export type Question = z.infer<typeof Question>;
export type ShowIf = z.infer<typeof ShowIf>;
