/**
 * The answer scales of the built-in rating kinds. One table, read by the schema (value ranges), the renderer
 * (how many options) and scoring (what counts as negative), so the three can never disagree.
 */
export const RATING_KINDS = ['emoji', 'thumbs', 'csat', 'nps', 'ces', 'expectation', 'task'] as const;
export type RatingKind = (typeof RATING_KINDS)[number];

/** Named emotions: the answer is a string (or a list with `multiple`), not a number on a scale. */
export const REACTION_KIND = 'reaction';

export const QUESTION_TYPES = [...RATING_KINDS, REACTION_KIND, 'choice', 'text'] as const;
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
  // 1 = worse than expected, 2 = about what I expected, 3 = better than expected.
  expectation: { min: 1, max: 3, negativeMax: 1, positiveMin: 3 },
  // 2 = yes, 1 = partly, 0 = no: "did you find what you came for?"
  task: { min: 0, max: 2, negativeMax: 0, positiveMin: 2 },
};

// Own keys only: a kind a later widget adds may be any lower-case name, "constructor" too.
export const isRatingKind = (type: string): type is RatingKind => Object.hasOwn(SCALES, type);

export type Sentiment = 'negative' | 'neutral' | 'positive';

/** Classifies a rating as negative, neutral or positive on its own scale. */
export function sentiment(kind: RatingKind, value: number): Sentiment {
  const scale = SCALES[kind];
  if (value <= scale.negativeMax) return 'negative';
  if (value >= scale.positiveMin) return 'positive';
  return 'neutral';
}

export const VALENCES = ['positive', 'neutral', 'negative'] as const;
export type Valence = (typeof VALENCES)[number];

/** The default reaction set, in display order, each with the valence that drives follow-ups and scoring. */
export const REACTIONS = [
  { value: 'delighted', emoji: '😍', valence: 'positive' },
  { value: 'happy', emoji: '🙂', valence: 'positive' },
  { value: 'neutral', emoji: '😐', valence: 'neutral' },
  { value: 'confused', emoji: '😕', valence: 'negative' },
  { value: 'frustrated', emoji: '😤', valence: 'negative' },
  { value: 'angry', emoji: '😠', valence: 'negative' },
] as const satisfies readonly { value: string; emoji: string; valence: Valence }[];

/**
 * Valence of a reaction value: the payload's own (a survey's custom set says it), else the default set's, else
 * undefined: an unknown emotion is counted as itself and never guessed positive or negative.
 */
export function reactionValence(value: string, stated?: Valence): Valence | undefined {
  return stated ?? REACTIONS.find((r) => r.value === value)?.valence;
}

/**
 * The CX pyramid: it worked (utility), it was easy (usability), it felt good (pleasure); loyalty (NPS) sits outside
 * it. Each scored kind has a default level; a question may override it (`level` in the survey and the payload).
 */
export const PYRAMID_LEVELS = ['utility', 'usability', 'pleasure', 'loyalty'] as const;
export type PyramidLevel = (typeof PYRAMID_LEVELS)[number];

export const DEFAULT_LEVEL: Readonly<Record<RatingKind | typeof REACTION_KIND, PyramidLevel>> = {
  thumbs: 'utility',
  task: 'utility',
  ces: 'usability',
  emoji: 'pleasure',
  reaction: 'pleasure',
  csat: 'pleasure',
  expectation: 'pleasure',
  nps: 'loyalty',
};
