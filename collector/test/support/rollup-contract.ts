import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PayloadV1 } from '../../../src/schema/payload.ts';
import type { Store } from '../../src/store/types.ts';
import { answer, payload, record } from './payload.ts';

/** What every store's rollups must do; registered inside the caller's describe block like storeContract. */
export function rollupContract(open: () => Promise<Store>): void {
  let store: Store;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(() => store.close());

  const withStage = (p: PayloadV1, stage: string): PayloadV1 => ({ ...p, context: { ...p.context, stage } });
  const counts = async () =>
    (await store.rollups.answerCounts({}))
      .map((r) => `${r.touchpoint}/${r.stage}/${r.type}/${r.level}=${r.value}:${r.valence}×${r.n}`)
      .sort();

  async function seed() {
    const first = withStage(payload({ answers: [answer('nps', 9), answer('task', 0)] }), 'purchase');
    await store.insertResponse(record(first));
    // A follow-up repeating the NPS question is stored but not counted twice; its comment is a text.
    await store.insertResponse(
      record(
        withStage(payload({ followUpOf: first.id, answers: [answer('nps', 3), answer('text', 'slow')] }), 'purchase'),
      ),
    );
    await store.insertResponse(
      record(payload({ touchpoint: 'help', answers: [{ questionId: 'r', type: 'reaction', value: 'angry' }] })),
    );
    await store.insertResponse(
      record(
        payload({
          touchpoint: 'help',
          answers: [{ questionId: 'r', type: 'reaction', value: 'meh', valence: 'neutral', level: 'usability' }],
        }),
      ),
    );
    await store.insertResponse(
      record(payload({ touchpoint: 'help', answers: [{ questionId: 'r', type: 'reaction', value: 'bored' }] })),
    );
  }

  const expected = [
    'checkout/purchase/nps/loyalty=9:×1',
    'checkout/purchase/task/utility=0:×1',
    'help//reaction/pleasure=angry:negative×1',
    'help//reaction/pleasure=bored:×1',
    'help//reaction/usability=meh:neutral×1',
  ];

  it('counts each kept answer once at ingest, by stage, level and valence', async () => {
    await seed();
    expect(await counts()).toEqual(expected);
    const responses = (await store.rollups.responseCounts({})).map((r) => `${r.touchpoint}/${r.stage}×${r.n}`).sort();
    expect(responses).toEqual(['checkout/purchase×1', 'help/×3']);
    expect(await store.rollups.choices()).toEqual({
      touchpoints: ['checkout', 'help'],
      locales: ['en'],
      stages: ['purchase'],
    });
    expect((await store.rollups.answerCounts({ stage: 'purchase' })).length).toBe(2);
  });

  it('reads the same counts per locale as in total', async () => {
    await seed();
    expect((await store.rollups.answerCounts({ locale: 'en' })).map((r) => r.n)).toEqual(
      (await store.rollups.answerCounts({})).map((r) => r.n),
    );
    expect(await store.rollups.answerCounts({ locale: 'fr' })).toEqual([]);
  });

  it('sums days into the overview’s coarser buckets: the previous period and Monday-started weeks', async () => {
    for (const day of ['2026-03-01', '2026-03-10', '2026-03-11', '2026-03-16']) {
      await store.insertResponse(record(payload({ createdAt: `${day}T12:00:00.000Z`, answers: [answer('csat', 5)] })));
    }
    const buckets = async (current: string) =>
      (await store.rollups.answerCounts({}, { current, previous: '2026-02-20', weekly: true }))
        .map((r) => `${r.day}×${r.n}`)
        .sort();
    expect(await buckets('2026-03-05')).toEqual(['2026-02-20×1', '2026-03-09×2', '2026-03-16×1']);
    expect(await buckets('2026-03-10')).toEqual(['2026-02-20×1', '2026-03-10×2', '2026-03-16×1']);
  });

  it('honours every filter: locale, period, touchpoint and stage', async () => {
    const at = (day: string) => `${day}T12:00:00.000Z`;
    await store.insertResponse(
      record(payload({ createdAt: at('2026-03-01'), answers: [answer('nps', 10), answer('csat', 4)] })),
    );
    await store.insertResponse(record(payload({ createdAt: at('2026-03-01'), answers: [answer('nps', 10)] })));
    await store.insertResponse(
      record(
        payload({ createdAt: at('2026-03-02'), answers: [answer('nps', 3)], context: { url: 'u', locale: 'de' } }),
      ),
    );
    await store.insertResponse(
      record(
        withStage(
          payload({
            createdAt: at('2026-03-03'),
            touchpoint: 'account',
            answers: [answer('thumbs', 1), answer('text', 'nice')],
          }),
          'support',
        ),
      ),
    );
    const key = async (filters: Parameters<Store['rollups']['answerCounts']>[0]) =>
      (await store.rollups.answerCounts(filters))
        .map((r) => `${r.touchpoint}/${r.type}=${r.value}@${r.day}×${r.n}`)
        .sort();
    expect(await key({})).toEqual([
      'account/thumbs=1@2026-03-03×1',
      'checkout/csat=4@2026-03-01×1',
      'checkout/nps=10@2026-03-01×2',
      'checkout/nps=3@2026-03-02×1',
    ]);
    expect(await key({ locale: 'de' })).toEqual(['checkout/nps=3@2026-03-02×1']);
    expect(await key({ from: '2026-03-02', to: '2026-03-02' })).toEqual(['checkout/nps=3@2026-03-02×1']);
    expect(await key({ touchpoint: 'account' })).toEqual(['account/thumbs=1@2026-03-03×1']);
    expect(await key({ stage: 'support' })).toEqual(['account/thumbs=1@2026-03-03×1']);
    expect(await key({ stage: '' })).toHaveLength(3);
    expect(await key({ touchpoint: 'nowhere' })).toEqual([]);
  });

  it('rebuilds the same counts from the raw rows', async () => {
    await seed();
    expect(await store.rollups.rebuild()).toBe(5);
    expect(await counts()).toEqual(expected);
  });

  it('returns texts newest first, a follow-up’s with the scores of the response it follows', async () => {
    await seed();
    const { texts, scores } = await store.rollups.texts({ touchpoint: 'checkout' }, 10);
    expect(texts.map((t) => t.text)).toEqual(['slow']);
    expect(scores.map((s) => `${s.type}:${s.valueNum}`).sort()).toEqual(['nps:9', 'task:0']);
    // A choice's own words count as a text; blank text does not.
    const choice = payload({
      createdAt: '2026-03-11T12:00:00.000Z',
      answers: [{ questionId: 'pick', type: 'choice', value: ['other'], other: 'my own words' }, answer('csat', 5)],
    });
    await store.insertResponse(record(choice));
    await store.insertResponse(
      record(payload({ createdAt: '2026-03-12T12:00:00.000Z', answers: [answer('text', '   ')] })),
    );
    const newest = await store.rollups.texts({ touchpoint: 'checkout' }, 10);
    expect(newest.texts.map((t) => t.text)).toEqual(['my own words', 'slow']);
    expect((await store.rollups.texts({ touchpoint: 'checkout' }, 1)).texts).toHaveLength(1);
    // Texts carry the stage of their response: the choice names none.
    expect(
      (await store.rollups.texts({ touchpoint: 'checkout', stage: 'purchase' }, 10)).texts.map((t) => t.text),
    ).toEqual(['slow']);
    expect((await store.rollups.texts({ touchpoint: 'checkout', stage: '' }, 10)).texts.map((t) => t.text)).toEqual([
      'my own words',
    ]);
  });
}
