import { SCALES, isRatingKind, type RatingKind } from '../schema/scales.ts';
import type { Question } from '../schema/survey.ts';
import type { Strings } from '../i18n/index.ts';

export type Option = {
  value: number | string;
  /** Accessible name: "0 – Not at all likely", "Very unhappy", "Yes". */
  name: string;
  /** Visible text (empty for faces, which are drawn). */
  text: string;
};

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
export const labelsFor = (q: Question, s: Strings): [string, string] | undefined => (isRatingKind(q.type) ? endLabels(q.type, s, q) : undefined);

/** The answer options of a question in display order (thumbs: yes first). */
export function optionsFor(q: Question, s: Strings): Option[] {
  if (q.type === 'choice') {
    const opts = (q.options ?? []).map((o) => (typeof o === 'string' ? { value: o, name: o, text: o } : { value: o.value, name: o.label ?? o.value, text: o.label ?? o.value }));
    return q.other ? [...opts, { value: 'other', name: s.other, text: s.other }] : opts;
  }
  if (!isRatingKind(q.type)) return [];
  if (q.type === 'thumbs') return [{ value: 1, name: s.yes, text: s.yes }, { value: 0, name: s.no, text: s.no }];
  const { min, max } = SCALES[q.type];
  const ends = endLabels(q.type, s, q);
  const faces = [s.emoji1, s.emoji2, s.emoji3, s.emoji4, s.emoji5];
  return Array.from({ length: max - min + 1 }, (_, i) => {
    const value = min + i;
    if (q.type === 'emoji') return { value, name: faces[i], text: '' };
    const end = value === min ? ends?.[0] : value === max ? ends?.[1] : undefined;
    return { value, name: end ? `${value} – ${end}` : String(value), text: String(value) };
  });
}

/** The question's prompt, or the built-in one for its kind in the current language. */
export function promptFor(q: Question, s: Strings): string {
  if (q.prompt) return q.prompt;
  const defaults: Partial<Record<Question['type'], string>> = { emoji: s.promptEmoji, thumbs: s.promptThumbs, csat: s.promptCsat, nps: s.promptNps, ces: s.promptCes, text: s.followUpPrompt };
  return defaults[q.type] ?? '';
}
