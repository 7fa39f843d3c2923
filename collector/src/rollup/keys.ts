import type { PayloadV1 } from '../../../src/schema/payload.ts';
import { DEFAULT_LEVEL, REACTION_KIND, isRatingKind, reactionValence } from '../../../src/schema/scales.ts';

/** One count in rollup_answers: an answer value of one question on one day, with what the page groups by. */
export type AnswerKey = {
  day: string;
  touchpoint: string;
  survey_id: string;
  locale: string;
  stage: string;
  question_id: string;
  type: string;
  level: string;
  value: string;
  valence: string;
};

export type ResponseKey = Pick<AnswerKey, 'day' | 'touchpoint' | 'survey_id' | 'locale' | 'stage'>;

/** rollup_totals: the same count without locale and survey (what an unfiltered page reads). */
export type TotalKey = Omit<AnswerKey, 'locale' | 'survey_id'>;
export const totalKey = ({ locale: _locale, survey_id: _survey, ...rest }: AnswerKey): TotalKey => rest;

/**
 * `context.stage` read defensively: payloads from before stages existed, or a hand-inserted row, may lack it or
 * hold something else. Stages are names (the schema bounds them); anything that is not a string is "no stage".
 */
export function stageOf(payload: PayloadV1): string {
  const context: Record<string, unknown> = payload.context;
  return typeof context.stage === 'string' ? context.stage : '';
}

/**
 * The rollup counts one stored response adds. `kept` names the questions whose answers were actually stored: a
 * follow-up repeating a rating for the same question is dropped by the answers table and must not count twice.
 * Ingest and the rebuild command both come through here, so the two cannot disagree.
 */
export function rollupKeys(
  payload: PayloadV1,
  day: string,
  kept: ReadonlySet<string>,
): { response: ResponseKey | null; answers: AnswerKey[] } {
  const base = {
    day,
    touchpoint: payload.touchpoint,
    survey_id: payload.surveyId,
    locale: payload.context.locale,
    stage: stageOf(payload),
  };
  const answers: AnswerKey[] = [];
  for (const a of payload.answers) {
    if (!kept.has(a.questionId)) continue;
    const common = { ...base, question_id: a.questionId, type: a.type };
    if (isRatingKind(a.type) && typeof a.value === 'number') {
      answers.push({ ...common, level: a.level ?? DEFAULT_LEVEL[a.type], value: String(a.value), valence: '' });
    } else if (a.type === REACTION_KIND) {
      const values = typeof a.value === 'string' ? [a.value] : Array.isArray(a.value) ? a.value : [];
      for (const value of new Set(values)) {
        if (!value) continue;
        answers.push({
          ...common,
          level: a.level ?? DEFAULT_LEVEL.reaction,
          value,
          valence: reactionValence(value, a.valence) ?? '',
        });
      }
    }
  }
  // Sorted so concurrent writers lock the same rows in the same order (no deadlock between them).
  answers.sort((x, y) => (keyOf(x) < keyOf(y) ? -1 : 1));
  return { response: payload.followUpOf ? null : base, answers };
}

export const keyOf = (k: AnswerKey | TotalKey | ResponseKey): string => Object.values(k).join('\u0000');
