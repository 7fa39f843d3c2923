import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandler } from '../src/handler.ts';
import type { Store } from '../src/store/types.ts';
import { memoryStore } from './support/memory-sqlite.ts';
import { LOCAL, get, payload, post } from './support/payload.ts';

/**
 * The versioning policy of payload v1 (docs/collector.md), as this collector keeps it: what a later v1 widget may add
 * is accepted, stored as far as the policy says, and does not break the results.
 */
let store: Store;
beforeEach(() => {
  store = memoryStore();
});
afterEach(() => store.close());

const later = () =>
  ({
    ...payload(),
    answers: [
      { questionId: 'nps', type: 'nps', value: 3 },
      { questionId: 'stars', type: 'stars', value: 4, shownFor: 1200 },
    ],
    context: { url: 'https://shop.example/thanks', locale: 'en', region: 'eu', tags: ['returning'] },
    device: { kind: 'phone' },
  }) as const;

describe('a payload from a later v1 widget', () => {
  it('is stored: new kinds and context fields kept, unknown top-level and answer fields dropped', async () => {
    const p = later();
    const res = await createHandler({ store })(post(p), LOCAL);
    expect(res.status).toBe(201);
    const [stored] = await store.listResponses({ limit: 1 });
    expect(stored?.answers[1]).toEqual({ questionId: 'stars', type: 'stars', value: 4 });
    expect(stored?.context).toMatchObject({ region: 'eu', tags: ['returning'] });
    expect(stored).not.toHaveProperty('device');
  });

  it('leaves the results page and the summary working', async () => {
    const handle = createHandler({ store });
    await handle(post(later()), LOCAL);
    expect((await handle(get('/results'), LOCAL)).status).toBe(200);
    expect((await handle(get('/api/summary'), LOCAL)).status).toBe(200);
  });

  it('is refused when a known kind is off its scale, naming the field', async () => {
    const p = { ...payload(), answers: [{ questionId: 'task', type: 'task', value: 3 }] };
    const res = await createHandler({ store })(post(p), LOCAL);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { issues: string[] }).issues).toEqual([
      'answers[0].value: got 3, expected a whole number 0–2 for task',
    ]);
  });
});
