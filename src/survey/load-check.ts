import { retriedImport } from '../util/retry-import.ts';
import type { SurveyCheck } from './check-survey.ts';

const load = retriedImport(() => import('./check-survey.ts'));

/**
 * The survey check with zod (about 7 KiB gzip) is only needed for a survey written as JSON, so it is a chunk of its
 * own; the classic script build swaps this file for load-check.script.ts, which fetches the same module from next to
 * the script.
 */
export const loadSurveyCheck = (): Promise<SurveyCheck> => load().then((module) => module.checkSurvey);
