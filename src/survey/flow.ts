import { isRatingKind, reactionValence, sentiment, type Sentiment, type Valence } from '../schema/scales.ts';
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
  if (cond.sentiment && (!source || answerSentiment(source, value) !== cond.sentiment)) return false;
  return true;
}

/** The valence a reaction option carries: the survey's own set says it, else the default set's. */
export function optionValence(question: Question, value: string): Valence | undefined {
  const own = question.options?.find((o): o is Exclude<typeof o, string> => typeof o !== 'string' && o.value === value);
  return reactionValence(value, own?.valence);
}

/**
 * Whether an answer is negative, neutral or positive on its question's own terms: a rating on its scale, a reaction
 * by its emotion's valence (several reactions: the least positive one). Undefined where the kind has no such sense.
 */
export function answerSentiment(question: Question, value: Answer['value']): Sentiment | undefined {
  if (typeof value === 'number') return isRatingKind(question.type) ? sentiment(question.type, value) : undefined;
  if (question.type !== 'reaction') return undefined;
  const valences = (Array.isArray(value) ? value : [value]).map((v) => optionValence(question, v));
  return (['negative', 'neutral', 'positive'] as const).find((v) => valences.includes(v));
}

/** The questions after the first that apply now; the first is always asked on its own (one tap). */
export const followUps = (survey: Survey, answers: AnswerMap): Question[] =>
  survey.questions.slice(1).filter((q) => isShown(q, survey, answers));

/** A first question answered by a single tap (no submit button): a rating, or a single choice without "Other". */
export const isOneTap = (q: Question): boolean =>
  isRatingKind(q.type) || (q.type === 'reaction' && !q.multiple) || (q.type === 'choice' && !q.multiple && !q.other);
