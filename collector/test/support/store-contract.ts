import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Store } from '../../src/store/types.ts';
import { answer, payload, record } from './payload.ts';

/**
 * The behaviour every Store must show, registered inside the caller's describe block: sqlite-store.test.ts and
 * postgres.test.ts run the same list, so the two back ends cannot drift apart.
 */
export function storeContract(open: () => Promise<Store>): void {
  let store: Store;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(() => store.close());

  const at = (day: string, time = '12:00:00.000') => `${day}T${time}Z`;

  it('inserts by id: the second insert of an id is a duplicate and changes nothing', async () => {
    const p = payload();
    expect(await store.insertResponse(record(p))).toBe('stored');
    expect(await store.insertResponse(record({ ...p, answers: [answer('nps', 0)] }))).toBe('duplicate');
    const [stored] = await store.listResponses({ limit: 10 });
    expect(stored.answers).toEqual(p.answers);
    expect((await store.ratingCounts({})).map((r) => [r.value, r.n])).toEqual([[9, 1]]);
  });

  it('lists newest first with limit and filters, returning the payload and server times', async () => {
    const a = payload({ createdAt: at('2026-03-01') });
    const b = payload({ createdAt: at('2026-03-02'), touchpoint: 'account' });
    const c = payload({ createdAt: at('2026-03-03') });
    for (const p of [a, b, c]) await store.insertResponse(record(p));
    expect((await store.listResponses({ limit: 10 })).map((r) => r.id)).toEqual([c.id, b.id, a.id]);
    expect((await store.listResponses({ limit: 1 })).map((r) => r.id)).toEqual([c.id]);
    expect((await store.listResponses({ limit: 10, touchpoint: 'account' })).map((r) => r.id)).toEqual([b.id]);
    const [latest] = await store.listResponses({ limit: 1 });
    expect(latest).toEqual({ ...c, receivedAt: c.createdAt, correctedAt: c.createdAt });
  });

  it('counts ratings per group, question, value and day, honouring every filter', async () => {
    await store.insertResponse(record(payload({ createdAt: at('2026-03-01'), answers: [answer('nps', 10), answer('csat', 4)] })));
    await store.insertResponse(record(payload({ createdAt: at('2026-03-01'), answers: [answer('nps', 10)] })));
    await store.insertResponse(record(payload({ createdAt: at('2026-03-02'), answers: [answer('nps', 3)], context: { url: 'u', locale: 'de' } })));
    await store.insertResponse(record(payload({ createdAt: at('2026-03-03'), touchpoint: 'account', answers: [answer('thumbs', 1), answer('text', 'nice')] })));
    const key = (rows: Awaited<ReturnType<Store['ratingCounts']>>) =>
      rows.map((r) => `${r.touchpoint}/${r.questionId}/${r.type}=${r.value}@${r.day}×${r.n}`).sort();
    expect(key(await store.ratingCounts({}))).toEqual([
      'account/thumbs/thumbs=1@2026-03-03×1',
      'checkout/csat/csat=4@2026-03-01×1',
      'checkout/nps/nps=10@2026-03-01×2',
      'checkout/nps/nps=3@2026-03-02×1',
    ]);
    expect(key(await store.ratingCounts({ locale: 'de' }))).toEqual(['checkout/nps/nps=3@2026-03-02×1']);
    expect(key(await store.ratingCounts({ from: '2026-03-02', to: '2026-03-02' }))).toEqual(['checkout/nps/nps=3@2026-03-02×1']);
    expect(key(await store.ratingCounts({ touchpoint: 'account', surveyId: 'post-purchase' }))).toEqual(['account/thumbs/thumbs=1@2026-03-03×1']);
    expect(key(await store.ratingCounts({ surveyId: 'other' }))).toEqual([]);
  });

  it('joins a follow-up comment to its first response and counts a repeated rating once', async () => {
    const first = payload({ createdAt: at('2026-03-01'), answers: [answer('nps', 4)] });
    const followUp = payload({ createdAt: at('2026-03-01', '12:00:30.000'), followUpOf: first.id, answers: [answer('nps', 4), answer('text', 'Delivery was late', 'why')] });
    const choice = payload({ createdAt: at('2026-03-02'), answers: [{ questionId: 'pick', type: 'choice', value: ['other'], other: 'my own words' }, answer('csat', 5)] });
    await store.insertResponse(record(followUp)); // arrives first: order must not matter
    await store.insertResponse(record(first));
    await store.insertResponse(record(choice));
    await store.insertResponse(record(payload({ answers: [answer('text', '   ')] })));
    expect((await store.ratingCounts({})).filter((r) => r.type === 'nps').map((r) => r.n)).toEqual([1]);
    expect((await store.responseCounts({})).map((r) => [r.day, r.n]).sort()).toEqual([
      ['2026-03-01', 1],
      ['2026-03-02', 1],
      ['2026-03-10', 1],
    ]);
    const { comments, ratings } = await store.latestComments({}, 10);
    expect(comments.map((c) => [c.text, c.responseId, c.rootId])).toEqual([
      ['my own words', choice.id, choice.id],
      ['Delivery was late', followUp.id, first.id],
    ]);
    expect(ratings.map((r) => `${r.rootId === first.id ? 'first' : 'choice'}:${r.type}=${r.value}`).sort()).toEqual(['choice:csat=5', 'first:nps=4']);
    expect((await store.latestComments({}, 1)).comments).toHaveLength(1);
  });

  it('pages exports in arrival order with a keyset cursor', async () => {
    const ps = Array.from({ length: 5 }, (_, i) => payload({ createdAt: at('2026-03-01', `12:00:0${i}.000`) }));
    for (const p of ps) await store.insertResponse(record(p));
    const seen: string[] = [];
    let after;
    for (let pages = 0; pages < 10; pages++) {
      const page = await store.exportPage({}, after, 2);
      seen.push(...page.map((r) => r.id));
      if (page.length < 2) break;
      after = { receivedAt: page[1].receivedAt, id: page[1].id };
    }
    expect(seen).toEqual(ps.map((p) => p.id));
    expect(await store.exportPage({ touchpoint: 'nowhere' }, undefined, 2)).toEqual([]);
  });

  it('lists the distinct touchpoints, surveys and locales', async () => {
    await store.insertResponse(record(payload({ touchpoint: 'b', surveyId: 's2', context: { url: 'u', locale: 'fr' } })));
    await store.insertResponse(record(payload({ touchpoint: 'a', surveyId: 's1' })));
    await store.insertResponse(record(payload({ touchpoint: 'a', surveyId: 's1' })));
    expect(await store.facets()).toEqual({ touchpoints: ['a', 'b'], surveys: ['s1', 's2'], locales: ['en', 'fr'] });
  });

  it('keeps a webhook outbox: claim leases, failure reschedules, delivery removes', async () => {
    const p = payload({ createdAt: '2026-03-10T12:00:00.000Z' });
    const t0 = Date.parse(p.createdAt);
    await store.insertResponse(record(payload()));
    await store.insertResponse(record(p), { enqueueWebhook: true });
    expect(await store.webhookOutbox.nextDueAt()).toBe(t0);
    const [entry, ...rest] = await store.webhookOutbox.claim(t0, 10, 60_000);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ responseId: p.id, attempts: 0, response: { id: p.id, receivedAt: p.createdAt } });
    expect(await store.webhookOutbox.claim(t0 + 1000, 10, 60_000)).toEqual([]); // leased
    await store.webhookOutbox.failed(p.id, { attempts: 1, nextAttemptAt: t0 + 5000, error: 'HTTP 500', dead: false });
    expect(await store.webhookOutbox.nextDueAt()).toBe(t0 + 5000);
    expect((await store.webhookOutbox.claim(t0 + 5000, 10, 60_000)).map((e) => e.attempts)).toEqual([1]);
    await store.webhookOutbox.delivered(p.id);
    expect(await store.webhookOutbox.nextDueAt()).toBeNull();
  });

  it('never claims a dead entry again', async () => {
    const p = payload();
    await store.insertResponse(record(p), { enqueueWebhook: true });
    await store.webhookOutbox.failed(p.id, { attempts: 15, nextAttemptAt: 0, error: 'HTTP 500', dead: true });
    expect(await store.webhookOutbox.claim(Date.now(), 10, 1000)).toEqual([]);
    expect(await store.webhookOutbox.nextDueAt()).toBeNull();
  });
}
