import type { PayloadV1 } from '../../../src/schema/payload.ts';
import type { Store } from '../../src/store/types.ts';
import { answer, payload, record } from './payload.ts';

/**
 * A small journey with known figures, for the results page's browser test: the current period is 1–30 June 2026,
 * the previous one 2–31 May.
 *  - checkout (purchase), CSAT: 60 of 100 satisfied before, 30 of 100 now: a significant drop (z ≈ −4.3). Twelve
 *    of the unhappy June answers are followed by a comment about a wrong size or a slow delivery.
 *  - delivery (receive), CSAT: 80 of 100 before, 75 of 100 now: a drop that is not significant (z ≈ −0.85).
 *  - search (discover), task: 90 of 100 found what they came for, before and now.
 */
export const NOW = Date.parse('2026-06-30T12:00:00.000Z');
export const PERIOD = 'from=2026-06-01&to=2026-06-30';
export const COMMENTS = [
  'Wrong size again',
  'wrong size, sent it back',
  'Delivery was slow',
  'Slow delivery and the wrong size',
];

const at = (day: string, i: number) =>
  `${day}T${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00.000Z`;
const staged = (stage: string, p: PayloadV1): PayloadV1 => ({ ...p, context: { ...p.context, stage } });

export async function seedJourney(store: Store): Promise<void> {
  const rated = async (
    touchpoint: string,
    stage: string,
    kind: 'csat' | 'task',
    day: string,
    good: number,
    total: number,
    comment?: (i: number) => string | undefined,
  ) => {
    for (let i = 0; i < total; i++) {
      const value = kind === 'csat' ? (i < good ? 5 : 1) : i < good ? 2 : 0;
      const first = staged(
        stage,
        payload({ touchpoint, surveyId: touchpoint, createdAt: at(day, i), answers: [answer(kind, value)] }),
      );
      await store.insertResponse(record(first));
      const text = comment?.(i);
      if (text) {
        const followUp = staged(
          stage,
          payload({
            touchpoint,
            surveyId: touchpoint,
            followUpOf: first.id,
            createdAt: at(day, i).replace(':00.000Z', ':30.000Z'),
            answers: [answer('text', text, 'why')],
          }),
        );
        await store.insertResponse(record(followUp));
      }
    }
  };
  await rated('checkout', 'purchase', 'csat', '2026-05-15', 60, 100);
  await rated('checkout', 'purchase', 'csat', '2026-06-15', 30, 100, (i) =>
    i >= 30 && i < 42 ? COMMENTS[i % COMMENTS.length] : undefined,
  );
  await rated('delivery', 'receive', 'csat', '2026-05-15', 80, 100);
  await rated('delivery', 'receive', 'csat', '2026-06-15', 75, 100);
  await rated('search', 'discover', 'task', '2026-05-16', 90, 100);
  await rated('search', 'discover', 'task', '2026-06-16', 90, 100);
}
