import type { NewResponse } from './types.ts';
import { isRatingKind } from '../../../src/schema/scales.ts';

/** One flattened answer, the shape both stores write into their `answers` table. */
export type AnswerRow = {
  responseId: string;
  rootId: string;
  questionId: string;
  type: string;
  valueNum: number | null;
  valueText: string | null;
  otherText: string | null;
  touchpoint: string;
  surveyId: string;
  locale: string;
  day: string;
  correctedAt: string;
};

export const rootIdOf = (r: NewResponse): string => r.payload.followUpOf ?? r.payload.id;

export function answerRows(r: NewResponse): AnswerRow[] {
  const p = r.payload;
  return p.answers.map((a) => ({
    responseId: p.id,
    rootId: rootIdOf(r),
    questionId: a.questionId,
    type: a.type,
    // Only rating answers get a value_num, so "value_num IS NOT NULL" means "a rating" in every query (and lets
    // them use the covering index answers_ratings). The handler has checked the value is on its scale.
    valueNum: isRatingKind(a.type) && typeof a.value === 'number' ? a.value : null,
    // Blank text is stored as NULL so "has a comment" is one IS NOT NULL test (and matches the partial index).
    valueText:
      typeof a.value === 'string'
        ? a.value.trim()
          ? a.value
          : null
        : Array.isArray(a.value)
          ? JSON.stringify(a.value)
          : null,
    otherText: a.other?.trim() ? a.other : null,
    touchpoint: p.touchpoint,
    surveyId: p.surveyId,
    locale: p.context.locale,
    day: r.day,
    correctedAt: r.correctedAt,
  }));
}

/** An answer row under the `answers` table's column names, for inserts that name columns from an object. */
export const answerColumns = (a: AnswerRow) => ({
  response_id: a.responseId,
  root_id: a.rootId,
  question_id: a.questionId,
  type: a.type,
  value_num: a.valueNum,
  value_text: a.valueText,
  other_text: a.otherText,
  touchpoint: a.touchpoint,
  survey_id: a.surveyId,
  locale: a.locale,
  day: a.day,
  corrected_at: a.correctedAt,
});
