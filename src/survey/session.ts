import type { Answer } from '../schema/payload.ts';
import type { Question } from '../schema/survey.ts';
import { optionValence } from './flow.ts';

/** The answers given so far in one showing of a card, by question id; `others` holds "Other" texts. */
export type Answers = ReadonlyMap<string, Answer['value']>;
export type Others = ReadonlyMap<string, string>;

/**
 * The answers after picking `value` for `question`: a multiple choice (or multiple reaction) toggles it in the list,
 * anything else replaces the answer. Pure: returns a new map.
 */
export function pick(answers: Answers, question: Question, value: number | string): Map<string, Answer['value']> {
  const next = new Map(answers);
  if ((question.type === 'choice' || question.type === 'reaction') && question.multiple) {
    const previous = next.get(question.id);
    const list = new Set(Array.isArray(previous) ? (previous as string[]) : []);
    if (list.has(String(value))) list.delete(String(value));
    else list.add(String(value));
    next.set(question.id, [...list]);
  } else next.set(question.id, value);
  return next;
}

/**
 * The payload's answers for `questions`: unanswered and empty ones left out, free text trimmed, the question's level,
 * a survey-defined reaction's valence and an "Other" text added where they apply.
 */
export function answerList(questions: readonly Question[], answers: Answers, others: Others): Answer[] {
  return questions.flatMap((question) => {
    const value = answers.get(question.id);
    if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) return [];
    const answer: Answer = {
      questionId: question.id,
      type: question.type,
      value: typeof value === 'string' && question.type === 'text' ? value.trim() : value,
    };
    if (question.level) answer.level = question.level;
    // A survey's own reaction set says what each emotion means; the collector knows the default set's.
    if (question.type === 'reaction' && question.options && typeof value === 'string')
      answer.valence = optionValence(question, value);
    const other = others.get(question.id)?.trim();
    if (other && (value === 'other' || (Array.isArray(value) && value.includes('other')))) answer.other = other;
    return answer.value === '' ? [] : [answer];
  });
}
