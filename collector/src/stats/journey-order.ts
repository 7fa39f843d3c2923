/** The journey stages in the order the overview shows them when CX_JOURNEY does not say otherwise. */
export const DEFAULT_JOURNEY = ['discover', 'consider', 'purchase', 'receive', 'use', 'support', 'loyalty'] as const;

/** CX_JOURNEY="discover,purchase,receive,support" → that order; empty or unset → the default order. */
export function parseJourney(value: string | undefined): string[] {
  const stages = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return stages.length ? [...new Set(stages)] : [...DEFAULT_JOURNEY];
}

/**
 * Sort key of a stage: listed stages in their order, then stages the list does not name (alphabetically), then
 * touchpoints without a stage last.
 */
export function stageComparator(journey: readonly string[]): (a: string | null, b: string | null) => number {
  const rank = (s: string | null) =>
    s === null ? journey.length + 1 : journey.includes(s) ? journey.indexOf(s) : journey.length;
  return (a, b) => rank(a) - rank(b) || (a ?? '').localeCompare(b ?? '');
}
