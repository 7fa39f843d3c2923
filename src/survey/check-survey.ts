import { describeIssues } from '../schema/issues.ts';
import { Survey } from '../schema/survey.ts';

/** A survey definition checked: the survey, or one problem per bad field, each naming its source. */
export type SurveyCheck = (
  raw: unknown,
  source: string,
) => { ok: true; survey: Survey } | { ok: false; problems: string[] };

/**
 * The check of a survey written as JSON (a child `<script type="application/json">` or the `survey` property), with
 * the zod schema. The only part of the widget that needs zod: pages load it when a widget's survey is JSON
 * (load-check.ts), so widgets set up by attributes never download it.
 */
export const checkSurvey: SurveyCheck = (raw, source) => {
  const result = Survey.safeParse(raw);
  if (result.success) return { ok: true, survey: result.data };
  return { ok: false, problems: describeIssues(result.error, raw).map((issue) => `${source}: ${issue}`) };
};
