import { REACTIONS, SCALES, isRatingKind, type RatingKind } from '../schema/scales.ts';
import type { Question } from '../schema/survey.ts';
import type { Strings } from '../i18n/index.ts';

export type Option = {
  value: number | string;
  /** Accessible name: "0 – Not at all likely", "Very unhappy", "Yes". */
  name: string;
  /** Visible text; empty where it would only repeat a drawn face or a number's own name. */
  text: string;
  /** reaction: the emoji shown above the text. */
  emoji?: string;
};

const REACTION_NAMES = {
  delighted: 'reactionDelighted',
  happy: 'reactionHappy',
  neutral: 'reactionNeutral',
  confused: 'reactionConfused',
  frustrated: 'reactionFrustrated',
  angry: 'reactionAngry',
} as const;

/** A reaction question's options: its own set, or the six default emotions named in the visitor's language. */
function reactionOptions(q: Question, s: Strings): Option[] {
  const named = (name: string) => (q.hideLabels ? '' : name);
  if (q.options) {
    return q.options.map((o) => {
      const option = typeof o === 'string' ? { value: o } : o;
      const name = option.label ?? option.value;
      return { value: option.value, name, text: named(name), emoji: option.emoji };
    });
  }
  return REACTIONS.map(({ value, emoji }) => {
    const name = s[REACTION_NAMES[value]];
    return { value, name, text: named(name), emoji };
  });
}

const endLabels = (kind: RatingKind, s: Strings, q: Question): [string, string] | undefined => {
  const l = q.labels ?? {};
  switch (kind) {
    case 'nps':
      return [l.min ?? s.npsMin, l.max ?? s.npsMax];
    case 'ces':
      return [l.min ?? s.cesMin, l.max ?? s.cesMax];
    case 'csat':
      return [l.min ?? s.csatMin, l.max ?? s.csatMax];
    default:
      return l.min || l.max ? [l.min ?? '', l.max ?? ''] : undefined;
  }
};

/** The end labels shown under a numeric scale, if the kind has them. */
export const labelsFor = (q: Question, s: Strings): [string, string] | undefined =>
  isRatingKind(q.type) ? endLabels(q.type, s, q) : undefined;

/** The answer options of a question in display order (thumbs: yes first). */
export function optionsFor(q: Question, s: Strings): Option[] {
  if (q.type === 'choice') {
    const opts = (q.options ?? []).map((o) =>
      typeof o === 'string'
        ? { value: o, name: o, text: o }
        : { value: o.value, name: o.label ?? o.value, text: o.label ?? o.value },
    );
    return q.other ? [...opts, { value: 'other', name: s.other, text: s.other }] : opts;
  }
  if (q.type === 'reaction') return reactionOptions(q, s);
  if (!isRatingKind(q.type)) return [];
  const worded = (value: number, name: string) => ({ value, name, text: name });
  if (q.type === 'thumbs') return [worded(1, s.yes), worded(0, s.no)];
  // Yes first, as for thumbs: the answer a visitor hopes to give comes first.
  if (q.type === 'task') return [worded(2, s.yes), worded(1, s.partly), worded(0, s.no)];
  if (q.type === 'expectation')
    return [worded(1, s.expectationWorse), worded(2, s.expectationAbout), worded(3, s.expectationBetter)];
  const { min, max } = SCALES[q.type];
  const ends = endLabels(q.type, s, q);
  const faces = [s.emoji1, s.emoji2, s.emoji3, s.emoji4, s.emoji5];
  return Array.from({ length: max - min + 1 }, (_, i) => {
    const value = min + i;
    if (q.type === 'emoji') return { value, name: faces[i], text: q.hideLabels ? '' : faces[i] };
    const end = value === min ? ends?.[0] : value === max ? ends?.[1] : undefined;
    return { value, name: end ? `${value} – ${end}` : String(value), text: String(value) };
  });
}

/** The question's prompt, or the built-in one for its kind in the current language. */
export function promptFor(q: Question, s: Strings): string {
  if (q.prompt) return q.prompt;
  const defaults: Partial<Record<Question['type'], string>> = {
    emoji: s.promptEmoji,
    thumbs: s.promptThumbs,
    csat: s.promptCsat,
    nps: s.promptNps,
    ces: s.promptCes,
    reaction: s.promptReaction,
    expectation: s.promptExpectation,
    task: s.promptTask,
    text: s.followUpPrompt,
  };
  return defaults[q.type] ?? '';
}
