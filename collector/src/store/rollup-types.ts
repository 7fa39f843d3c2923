import type { Filters } from './types.ts';

/** Results filters over the rollups: the raw filters but the survey (the page groups by touchpoint). */
export type ResultsFilters = Omit<Filters, 'surveyId'>;

/** Summed rollup counts per touchpoint, question, value and day (locales, surveys and shards added up). */
export type AnswerCountRow = {
  touchpoint: string;
  stage: string;
  questionId: string;
  type: string;
  level: string;
  value: string;
  valence: string;
  day: string;
  n: number;
};

export type ResponseDayRow = { touchpoint: string; stage: string; day: string; n: number };

/** A free-text answer with the ratings and reactions given under the same root response. */
export type TextRow = {
  responseId: string;
  rootId: string;
  questionId: string;
  text: string;
  locale: string;
  correctedAt: string;
};

export type RootScoreRow = {
  rootId: string;
  questionId: string;
  type: string;
  valueNum: number | null;
  valueText: string | null;
};

/**
 * Coarser `day` keys for the overview, so it reads a few thousand rows at a million responses: days before
 * `current` all become `previous` (the previous period's first day), and with `weekly` each later day becomes the
 * Monday of its week, but never earlier than `current`.
 */
export type Grain = { current: string; previous: string; weekly: boolean };

export type Rollups = {
  answerCounts(filters: ResultsFilters, grain?: Grain): Promise<AnswerCountRow[]>;
  responseCounts(filters: ResultsFilters): Promise<ResponseDayRow[]>;
  /** Newest free text of one touchpoint in the period (up to `limit`), with the scores of their responses. */
  texts(
    filters: ResultsFilters & { touchpoint: string },
    limit: number,
  ): Promise<{ texts: TextRow[]; scores: RootScoreRow[] }>;
  /** Filter choices, from the small rollup table rather than a scan of every response. */
  choices(limit?: number): Promise<{ touchpoints: string[]; locales: string[]; stages: string[] }>;
  /** Recreates both rollup tables from the raw rows; returns how many responses were read. */
  rebuild(): Promise<number>;
};
