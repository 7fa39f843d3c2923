import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandler } from '../src/handler.ts';
import { FACET_LIMIT } from '../src/store/types.ts';
import type { Store } from '../src/store/types.ts';
import { memoryStore } from './support/memory-sqlite.ts';
import { get, payload, record } from './support/payload.ts';

let store: Store;
beforeEach(() => {
  store = memoryStore();
});
afterEach(() => store.close());

describe('filter lists under cardinality abuse', () => {
  it('offers the most answered values up to the limit, sorted by name', async () => {
    for (let i = 0; i < 5; i++) await store.insertResponse(record(payload({ touchpoint: 'checkout' })));
    for (let i = 0; i < 3; i++) await store.insertResponse(record(payload({ touchpoint: 'help' })));
    for (const touchpoint of ['spam-1', 'spam-2', 'spam-3'])
      await store.insertResponse(record(payload({ touchpoint })));
    expect((await store.rollups.choices(3)).touchpoints).toEqual(['checkout', 'help', 'spam-1']);
    expect((await store.rollups.choices()).touchpoints).toHaveLength(5);
  });

  it(`a results page over ${FACET_LIMIT * 3} made-up touchpoints lists at most ${FACET_LIMIT} of them`, async () => {
    for (let i = 0; i < FACET_LIMIT * 3; i++) {
      await store.insertResponse(record(payload({ touchpoint: `made-up-${i}`, surveyId: `survey-${i}` })));
    }
    expect((await store.rollups.choices()).touchpoints).toHaveLength(FACET_LIMIT);
    const page = await (await createHandler({ store })(get('/results?from='), { clientAddress: '127.0.0.1' })).text();
    expect(page.match(/<option/g)?.length ?? 0).toBeLessThanOrEqual(FACET_LIMIT * 2 + 20);
  });
});
