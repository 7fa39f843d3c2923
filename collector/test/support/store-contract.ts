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
    expect((await store.rollups.answerCounts({})).map((r) => [r.value, r.n])).toEqual([['9', 1]]);
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

  it("exports by journey stage, as context.stage names it ('' for none)", async () => {
    const staged = payload({ context: { url: 'u', locale: 'en', stage: 'purchase' } });
    const plain = payload();
    for (const p of [staged, plain]) await store.insertResponse(record(p));
    const ids = async (stage: string) => (await store.exportPage({ stage }, undefined, 10)).map((r) => r.id);
    expect(await ids('purchase')).toEqual([staged.id]);
    expect(await ids('')).toEqual([plain.id]);
    expect(await ids('support')).toEqual([]);
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
