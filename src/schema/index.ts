export { PayloadV1, Answer, Context, Metadata, REDACTION_KINDS } from './payload.ts';
export type { RedactionKind } from './payload.ts';
export { Survey, Question, ShowIf, ChoiceOption } from './survey.ts';
export { LIMITS } from './limits.ts';
export { SCALES, RATING_KINDS, QUESTION_TYPES, sentiment, isRatingKind } from './scales.ts';
export type { RatingKind, QuestionType, Scale } from './scales.ts';
export { describeIssues, formatPath } from './issues.ts';
