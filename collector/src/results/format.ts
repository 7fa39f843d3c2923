import type { RatingKind } from '../../../src/schema/scales.ts';

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
export const fmt = (n: number | null, suffix = ''): string => (n === null ? '–' : `${number.format(n)}${suffix}`);
export const signed = (n: number | null): string => (n === null ? '–' : `${n > 0 ? '+' : ''}${number.format(n)}`);

/** How a rating value reads on the page (emoji and thumbs as their faces, others as numbers). */
const FACES = ['😞', '🙁', '😐', '🙂', '😄'];
export function valueLabel(kind: RatingKind, value: number): string {
  if (kind === 'emoji') return FACES[value - 1] ?? String(value);
  if (kind === 'thumbs') return value === 1 ? '👍' : '👎';
  return String(value);
}

export const KIND_NAMES: Record<RatingKind, string> = {
  nps: 'Net Promoter Score',
  csat: 'Customer satisfaction (CSAT)',
  ces: 'Customer effort (CES)',
  emoji: 'Emoji rating',
  thumbs: 'Thumbs',
  expectation: 'Compared with expectations',
  task: 'Task completion',
};
