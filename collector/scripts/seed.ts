import { randomUUID } from 'node:crypto';
import type { Answer, PayloadV1 } from '../../src/schema/payload.ts';
import { correctedTime } from '../src/ingest/clock.ts';
import { utcDay } from '../src/stats/timeline.ts';
import type { NewResponse } from '../src/store/types.ts';

/**
 * Deterministic synthetic responses for benchmarks: spread over `days` days before `endMs`, three touchpoints,
 * two surveys, four locales, every rating kind, and one in five followed by a free-text follow-up.
 */
export function* syntheticResponses(count: number, endMs: number, days = 90): Generator<NewResponse> {
  // mulberry32: a tiny seeded PRNG, so every run benchmarks the same data.
  let seed = 42;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const kinds = ['nps', 'nps', 'nps', 'nps', 'csat', 'csat', 'ces', 'emoji', 'thumbs'] as const;
  const ranges = { nps: [0, 10], csat: [1, 5], ces: [1, 7], emoji: [1, 5], thumbs: [0, 1] } as const;
  let made = 0;
  while (made < count) {
    const createdMs = endMs - Math.floor(rand() * days * 86_400_000);
    const kind = pick(kinds);
    const [min, max] = ranges[kind];
    const base = {
      v: 1 as const,
      surveyId: pick(['post-purchase', 'support']),
      touchpoint: pick(['checkout', 'help-article', 'account']),
      context: { url: 'https://shop.example/page', locale: pick(['en', 'de', 'fr', 'pt-BR']) },
      metadata: { plan: pick(['free', 'pro']) },
    };
    const answers: Answer[] = [{ questionId: kind, type: kind, value: min + Math.floor(rand() * (max - min + 1)) }];
    const first: PayloadV1 = { ...base, id: randomUUID(), answers, createdAt: new Date(createdMs).toISOString() };
    yield toRecord(first, createdMs);
    made++;
    if (made < count && rand() < 0.2) {
      const text = pick(['Delivery was slow', 'Great, thanks!', 'Could not find the invoice', 'Checkout asked twice for my address']);
      yield toRecord({ ...base, id: randomUUID(), followUpOf: first.id, answers: [{ questionId: 'why', type: 'text', value: text }], createdAt: new Date(createdMs + 20_000).toISOString() }, createdMs + 20_000);
      made++;
    }
  }
}

function toRecord(payload: PayloadV1, receivedMs: number): NewResponse {
  const corrected = correctedTime(payload.createdAt, payload.sentAt, receivedMs);
  return { payload, receivedAt: new Date(receivedMs).toISOString(), correctedAt: new Date(corrected).toISOString(), day: utcDay(corrected) };
}
