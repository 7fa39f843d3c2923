import { importNext } from '../util/import-next.ts';
import type * as CheckSurvey from './check-survey.ts';
import type { SurveyCheck } from './check-survey.ts';

/** A hash of cx-feedback.survey.js, put in by scripts/build.mjs: a new release never runs with an old cached copy. */
declare const __CX_SURVEY_HASH__: string;

const load = importNext<typeof CheckSurvey>(`cx-feedback.survey.js?v=${__CX_SURVEY_HASH__}`);

/** The classic script's loadSurveyCheck (see load-check.ts): check-survey.ts and zod, next to the script; tried twice. */
export const loadSurveyCheck = (): Promise<SurveyCheck> =>
  load()
    .catch(() => load())
    .then((module) => module.checkSurvey);
