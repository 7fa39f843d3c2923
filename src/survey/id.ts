/** The survey id of a widget set up by attributes, when `survey-id` is not given: `<touchpoint>-<question>`. */
export const defaultSurveyId = (touchpoint: string, kind: string): string =>
  `${touchpoint}-${kind}`.replace(/[^\w.:-]/g, '-').slice(0, 64);
