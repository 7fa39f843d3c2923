import type { SurveyCheck } from './check-survey.ts';

/**
 * The survey check with zod (about 7 KiB gzip) is only needed for a survey written as JSON, so it is a module of its
 * own: ES builds let the bundler split it; the script-tag build swaps this file for load-check.script.ts, which
 * fetches the same module from next to the script.
 */
export const loadSurveyCheck = (): Promise<SurveyCheck> => import('./check-survey.ts').then((module) => module.checkSurvey);
