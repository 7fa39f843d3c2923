import type { PayloadV1 } from '../../../src/schema/payload.ts';
import { SCALES, isRatingKind } from '../../../src/schema/scales.ts';

/**
 * What the shared schema cannot say without growing the widget: a rating answer must be a whole number on its
 * kind's scale, text a string, choice a string or list of strings. Worded like describeIssues() output.
 */
export function answerIssues(payload: PayloadV1): string[] {
  return payload.answers.flatMap((a, i) => {
    const where = `answers[${i}].value`;
    const got = JSON.stringify(a.value).slice(0, 60);
    if (isRatingKind(a.type)) {
      const { min, max } = SCALES[a.type];
      const ok = typeof a.value === 'number' && Number.isInteger(a.value) && a.value >= min && a.value <= max;
      return ok ? [] : [`${where}: got ${got}, expected a whole number ${min}–${max} for ${a.type}`];
    }
    if (a.type === 'text' && typeof a.value !== 'string') return [`${where}: got ${got}, expected text for a text question`];
    if (a.type === 'choice' && typeof a.value === 'number') return [`${where}: got ${got}, expected an option or a list of options`];
    return [];
  });
}
