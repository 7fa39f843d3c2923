import { isRatingKind, sentiment } from '../schema/scales.ts';
import type { Answer } from '../schema/payload.ts';
import type { Question, Survey } from '../schema/survey.ts';

export type AnswerMap = ReadonlyMap<string, Answer['value']>;

/** Whether a conditional question applies, given the answers so far. Unanswered conditions hide the question. */
export function isShown(question: Question, survey: Survey, answers: AnswerMap): boolean {
  const cond = question.showIf;
  if (!cond) return true;
  const value = answers.get(cond.question);
  if (value === undefined) return false;
  const source = survey.questions.find((q) => q.id === cond.question);
  const values = Array.isArray(value) ? value : [value];
  const num = typeof value === 'number' ? value : undefined;
  if (cond.max !== undefined && !(num !== undefined && num <= cond.max)) return false;
  if (cond.min !== undefined && !(num !== undefined && num >= cond.min)) return false;
  if (cond.in && !values.some((v) => cond.in?.includes(v))) return false;
  if (cond.sentiment) {
    if (num === undefined || !source || !isRatingKind(source.type) || sentiment(source.type, num) !== cond.sentiment) return false;
  }
  return true;
}

/** The questions after the first that apply now; the first is always asked on its own (one tap). */
export const followUps = (survey: Survey, answers: AnswerMap): Question[] =>
  survey.questions.slice(1).filter((q) => isShown(q, survey, answers));

/** A first question answered by a single tap (no submit button): a rating, or a single choice without "Other". */
export const isOneTap = (q: Question): boolean => isRatingKind(q.type) || (q.type === 'choice' && !q.multiple && !q.other);
