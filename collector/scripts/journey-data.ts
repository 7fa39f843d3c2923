import { randomUUID } from 'node:crypto';
import type { Answer, PayloadV1 } from '../../src/schema/payload.ts';
import { REACTIONS, SCALES, isRatingKind } from '../../src/schema/scales.ts';
import { correctedTime } from '../src/ingest/clock.ts';
import { utcDay } from '../src/stats/timeline.ts';
import type { NewResponse } from '../src/store/types.ts';

/**
 * Deterministic synthetic responses across a customer journey, for benchmarks, screenshots and browser tests:
 * 30 touchpoints over 7 stages, each asking one or two kinds, spread over `days` days before `endMs`; about one
 * in five followed by a comment from a pool of phrases (several languages) that fits the rating's tone. One
 * touchpoint ("returns-portal") gets clearly worse in the last 30 days, so "needs attention" has something to show.
 */
type Touchpoint = { name: string; stage: string; kinds: readonly string[] };

const STAGES: Record<string, readonly [string, readonly string[]][]> = {
  discover: [
    ['landing-page', ['reaction']],
    ['search', ['task']],
    ['blog', ['thumbs']],
    ['newsletter', ['emoji']],
  ],
  consider: [
    ['product-page', ['task', 'csat']],
    ['size-guide', ['thumbs']],
    ['compare', ['ces']],
    ['reviews', ['reaction']],
  ],
  purchase: [
    ['cart', ['ces']],
    ['checkout', ['ces', 'csat']],
    ['payment', ['thumbs']],
    ['order-confirmation', ['nps']],
    ['account-signup', ['ces']],
  ],
  receive: [
    ['shipping-email', ['expectation']],
    ['order-tracking', ['expectation', 'task']],
    ['delivery', ['csat']],
    ['unboxing', ['reaction']],
  ],
  use: [
    ['setup-guide', ['task', 'ces']],
    ['app-onboarding', ['reaction']],
    ['product-use', ['csat']],
    ['manual', ['thumbs']],
  ],
  support: [
    ['help-article', ['thumbs', 'reaction']],
    ['chat', ['csat', 'ces']],
    ['returns-portal', ['task', 'ces']],
    ['contact-form', ['ces']],
    ['phone-support', ['csat']],
  ],
  loyalty: [
    ['renewal', ['nps']],
    ['referral', ['nps']],
    ['loyalty-club', ['emoji']],
    ['cancellation', ['reaction', 'nps']],
  ],
};

export const TOUCHPOINTS: readonly Touchpoint[] = Object.entries(STAGES).flatMap(([stage, list]) =>
  list.map(([name, kinds]) => ({ name, stage, kinds })),
);

const COMMENTS: Record<'negative' | 'positive', readonly (readonly [string, string])[]> = {
  negative: [
    ['en', 'Delivery was slow and the tracking page never updated'],
    ['en', 'Wrong size again, the size guide is misleading'],
    ['en', 'Could not find the invoice anywhere'],
    ['en', 'The checkout asked twice for my address'],
    ['de', 'Die Lieferung war zu spät'],
    ['fr', 'La livraison était très lente'],
    ['ja', '配達が遅かったです'],
    ['es', 'El reembolso tardó demasiado'],
  ],
  positive: [
    ['en', 'Fast delivery and friendly support'],
    ['en', 'The size guide was spot on'],
    ['en', 'Easy checkout, great prices'],
    ['de', 'Schnelle Lieferung, alles bestens'],
    ['fr', 'Livraison rapide, merci'],
    ['zh', '送货很快，包装很好'],
  ],
};

export type JourneyOptions = { days?: number; seed?: number };

export function* journeyResponses(count: number, endMs: number, options: JourneyOptions = {}): Generator<NewResponse> {
  const days = options.days ?? 90;
  // mulberry32: a tiny seeded PRNG, so every run produces the same data.
  let seed = options.seed ?? 42;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const recentFrom = endMs - 30 * 86_400_000;
  let made = 0;
  while (made < count) {
    const t = pick(TOUCHPOINTS);
    const createdMs = endMs - Math.floor(rand() * days * 86_400_000);
    // Most touchpoints lean positive (things mostly work: utility leans further); returns-portal turns sour in the
    // last 30 days.
    const sour = t.name === 'returns-portal' && createdMs >= recentFrom;
    const lean = (kind: string) => (sour ? 0.35 : kind === 'task' || kind === 'thumbs' ? 0.85 : 0.7);
    const answers: Answer[] = t.kinds.map((kind) => {
      if (kind === 'reaction') {
        const r = rand() < lean(kind) ? pick(REACTIONS.slice(0, 2)) : pick(REACTIONS.slice(2));
        return { questionId: kind, type: 'reaction', value: r.value };
      }
      if (!isRatingKind(kind)) throw new Error(`unknown kind ${kind}`);
      const { min, max, positiveMin } = SCALES[kind];
      const value =
        rand() < lean(kind)
          ? positiveMin + Math.floor(rand() * (max - positiveMin + 1))
          : min + Math.floor(rand() * (positiveMin - min));
      return { questionId: kind, type: kind, value };
    });
    // The comment fits the response's tone as the results page reads it: any negative answer makes it negative.
    const negative = answers.some((a) =>
      a.type === 'reaction'
        ? REACTIONS.some((r) => r.value === a.value && r.valence === 'negative')
        : isRatingKind(a.type) && typeof a.value === 'number' && a.value <= SCALES[a.type].negativeMax,
    );
    const base = { v: 1 as const, surveyId: `${t.name}-survey`, touchpoint: t.name, metadata: {} };
    const locale = pick(['en', 'en', 'en', 'de', 'fr', 'pt-BR']);
    const first: PayloadV1 = {
      ...base,
      id: randomUUID(),
      answers,
      context: { url: `https://shop.example/${t.name}`, locale, stage: t.stage },
      createdAt: new Date(createdMs).toISOString(),
    };
    yield toRecord(first, createdMs);
    made++;
    if (made < count && rand() < 0.2) {
      const [lang, text] = pick(negative ? COMMENTS.negative : COMMENTS.positive);
      const followUp: PayloadV1 = {
        ...base,
        id: randomUUID(),
        followUpOf: first.id,
        answers: [{ questionId: 'why', type: 'text', value: text }],
        context: { url: first.context.url, locale: lang, stage: t.stage },
        createdAt: new Date(createdMs + 20_000).toISOString(),
      };
      yield toRecord(followUp, createdMs + 20_000);
      made++;
    }
  }
}

function toRecord(payload: PayloadV1, receivedMs: number): NewResponse {
  const corrected = correctedTime(payload.createdAt, payload.sentAt, receivedMs);
  return {
    payload,
    receivedAt: new Date(receivedMs).toISOString(),
    correctedAt: new Date(corrected).toISOString(),
    day: utcDay(corrected),
  };
}
