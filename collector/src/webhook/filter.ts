import type { Answer, PayloadV1 } from '../../../src/schema/payload.ts';
import { REACTION_KIND, isRatingKind, reactionValence, sentiment } from '../../../src/schema/scales.ts';
import { createTouchpointGate, parseTouchpointList } from '../ingest/touchpoints.ts';

/**
 * CX_WEBHOOK_FILTER: which new responses are forwarded, so the webhook can serve as a real-time alert. `negative`
 * forwards a response whose first answer is negative on its own scale (a detractor, a thumbs down, "worse than
 * expected", "no, I did not find it", a reaction of negative valence); a list of touchpoints (`checkout,help-*`, the
 * style of CX_TOUCHPOINTS) forwards those touchpoints only. Unset, every new response is forwarded.
 */
export type WebhookFilter = { kind: 'negative' } | { kind: 'touchpoints'; touchpoints: string[] };

export const NEGATIVE = 'negative';
const ALLOWED = `expected "${NEGATIVE}" or a list of touchpoints, e.g. checkout,help-*`;

/** Reads the setting, or throws naming the entry that is wrong and what is allowed. */
export function parseWebhookFilter(value: string): WebhookFilter {
  const entries = parseTouchpointList(value);
  if (entries.length === 1 && entries[0] === NEGATIVE) return { kind: 'negative' };
  if (entries.includes(NEGATIVE)) throw new Error(`"${NEGATIVE}" cannot be combined with touchpoints; ${ALLOWED}`);
  if (!entries.length) throw new Error(ALLOWED);
  try {
    createTouchpointGate(entries);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`${why}; ${ALLOWED}`, { cause: err });
  }
  return { kind: 'touchpoints', touchpoints: entries };
}

/** A negative answer: low on its scale, or a reaction (any of several, with `multiple`) of negative valence. */
export function isNegativeAnswer(answer: Answer): boolean {
  if (isRatingKind(answer.type)) {
    return typeof answer.value === 'number' && sentiment(answer.type, answer.value) === 'negative';
  }
  if (answer.type !== REACTION_KIND) return false;
  const values = Array.isArray(answer.value) ? answer.value : [answer.value];
  return values.some((value) => typeof value === 'string' && reactionValence(value, answer.valence) === 'negative');
}

/** Whether a stored response is forwarded under the filter (no filter: every response). */
export function forwardsResponse(filter: WebhookFilter | undefined): (response: PayloadV1) => boolean {
  if (!filter) return () => true;
  if (filter.kind === 'negative') {
    return (response) => response.answers[0] !== undefined && isNegativeAnswer(response.answers[0]);
  }
  // The gate's count of refusals is for ingest's messages; here only its matching (exact or trailing *) is used.
  const gate = createTouchpointGate(filter.touchpoints);
  return (response) => gate.admit(response.touchpoint);
}
