/**
 * The answer scales of the built-in rating kinds. One table, read by the schema (value ranges), the renderer
 * (how many options) and scoring (what counts as negative), so the three can never disagree.
 */
export const RATING_KINDS = ['emoji', 'thumbs', 'csat', 'nps', 'ces'] as const;
export type RatingKind = (typeof RATING_KINDS)[number];

export const QUESTION_TYPES = [...RATING_KINDS, 'choice', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export type Scale = {
  readonly min: number;
  readonly max: number;
  /** Highest value that counts as a negative answer (detractor, dissatisfied, hard, thumbs down). */
  readonly negativeMax: number;
  /** Lowest value that counts as a positive answer (promoter, satisfied, easy, thumbs up). */
  readonly positiveMin: number;
};

export const SCALES: Readonly<Record<RatingKind, Scale>> = {
  emoji: { min: 1, max: 5, negativeMax: 2, positiveMin: 4 },
  // thumbs: 1 = yes, 0 = no. Listed min→max but rendered yes-first (see survey/options.ts).
  thumbs: { min: 0, max: 1, negativeMax: 0, positiveMin: 1 },
  csat: { min: 1, max: 5, negativeMax: 2, positiveMin: 4 },
  nps: { min: 0, max: 10, negativeMax: 6, positiveMin: 9 },
  ces: { min: 1, max: 7, negativeMax: 3, positiveMin: 5 },
};

export const isRatingKind = (type: string): type is RatingKind => type in SCALES;

/** Classifies a rating as negative, neutral or positive on its own scale. */
export function sentiment(kind: RatingKind, value: number): 'negative' | 'neutral' | 'positive' {
  const scale = SCALES[kind];
  if (value <= scale.negativeMax) return 'negative';
  if (value >= scale.positiveMin) return 'positive';
  return 'neutral';
}
