import { describe, expect, it } from 'vitest';
import { addRow, readRows, type Bounds } from '../../../src/transport/outbox.ts';
import { isRow } from '../../../src/transport/row.ts';
import { memoryStore } from '../../../src/transport/store.ts';
import { payload, row, uuid } from './fixtures.ts';

const DAY = 864e5;
const bounds: Bounds = { maxRows: 3, maxBytes: 1000, maxAgeMs: 7 * DAY, minTries: 3 };

const storeWith = (...rows: unknown[]) => {
  const m = new Map<unknown, never>(rows.map((r) => [(r as { id?: unknown } | null)?.id ?? Math.random(), r as never]));
  return { store: memoryStore(m), m };
};

describe('isRow (validation on read, matrix S04)', () => {
  const good = row();
  it.each([
    ['a valid v1 row', good, true],
    ['an old-version row (sent as it is)', { ...good, p: { v: 0, id: good.id, answer: 'x' } }, true],
    ['null', null, false],
    ['a string', 'garbage', false],
    ['a numeric id', { ...good, id: 5 }, false],
    ['no endpoint', { ...good, e: undefined }, false],
    ['a javascript: endpoint', { ...good, e: 'javascript:alert(1)' }, false],
    ['payload id ≠ row id', { ...good, p: payload(uuid()) }, false],
    ['payload without version', { ...good, p: { id: good.id } }, false],
    ['payload a string', { ...good, p: 'x' }, false],
    ['an invalid v1 payload', { ...good, p: { ...good.p, answers: [] } }, false],
    ['NaN attempts', { ...good, a: NaN }, false],
    ['missing due', { ...good, d: undefined }, false],
  ])('%s → %s', (_, value, ok) => {
    expect(isRow(value)).toBe(ok);
  });
});

describe('readRows', () => {
  it('deletes garbage, keeps valid rows oldest first', async () => {
    const a = row({ t: 3000 });
    const b = row({ t: 2000 });
    const { store, m } = storeWith(a, { id: 'junk' }, b, { id: 'x', p: 'y' });
    const out = await readRows(store, 5000, bounds);
    expect(out.rows.map((r) => r.id)).toEqual([b.id, a.id]);
    expect(out.bad).toBe(2);
    expect([...m.keys()].sort()).toEqual([a.id, b.id].sort());
  });

  it.each([
    // age (ms), attempts, attempts when first seen too old (m), held for consent, aged out?
    [7 * DAY + 1, 3, 0, false, true],
    [7 * DAY + 1, 10, 7, false, true],
    [7 * DAY + 1, 5, 3, false, false], // only 2 attempts since it was first seen too old
    [7 * DAY, 9, 0, false, false], // not past the age yet
    [365 * DAY, 0, 0, false, false], // never tried since
    [7 * DAY + 1, 0, undefined, true, true], // held for consent: the clock alone decides
    [7 * DAY, 0, undefined, true, false],
  ])('age %i ms, %i attempts, m=%s, held=%s → aged out: %s', async (age, a, m, held, aged) => {
    const now = 400 * DAY;
    const r = row({ t: now - age, a, m, ...(held ? { h: 1 as const } : {}) });
    const { store, m: map } = storeWith(r);
    const out = await readRows(store, now, bounds);
    expect(out.aged.map((x) => x.id)).toEqual(aged ? [r.id] : []);
    expect(map.has(r.id)).toBe(!aged);
  });

  it('a row first seen past the age gets minTries more attempts, however far the clock jumped', async () => {
    const now = 400 * DAY;
    const r = row({ t: now - 365 * DAY, a: 7 }); // a clock that ran a year late was corrected
    const { store } = storeWith(r);
    expect((await readRows(store, now, bounds)).aged).toEqual([]);
    expect(r.m).toBe(7);
    for (const a of [8, 9]) {
      r.a = a;
      expect((await readRows(store, now, bounds)).aged).toEqual([]);
    }
    r.a = 10;
    expect((await readRows(store, now, bounds)).aged).toEqual([r]);
  });

  it('re-anchors rows stamped in the future (clock set back) instead of keeping them forever', async () => {
    const now = 400 * DAY;
    const r = row({ t: now + 365 * DAY, a: 5 });
    const { store, m } = storeWith(r);
    const out = await readRows(store, now, bounds);
    expect(out.rows[0]!.t).toBe(now);
    expect((m.get(r.id) as unknown as { t: number }).t).toBe(now);
    // … so it counts as too old a week later, not a year and a week later.
    await readRows(store, now + 7 * DAY + 1, bounds);
    expect(r.m).toBe(5);
  });

  it('leaves rows less than a day in the future alone (small skew between tabs)', async () => {
    const r = row({ t: 5000 + DAY - 1 });
    const { store } = storeWith(r);
    expect((await readRows(store, 5000, bounds)).rows[0]!.t).toBe(5000 + DAY - 1);
  });
});

describe('addRow (bounds)', () => {
  it('adds within bounds and reports memory-only storage', async () => {
    const { store, m } = storeWith();
    const r = row();
    expect(await addRow(store, r, bounds)).toEqual({ durable: false, dropped: [] });
    expect(m.get(r.id)).toBe(r);
  });

  it('drops the oldest rows beyond maxRows', async () => {
    const old = [row({ t: 1 }), row({ t: 2 }), row({ t: 3 })];
    const { store, m } = storeWith(...old);
    const r = row({ t: 4 });
    const { dropped } = await addRow(store, r, bounds);
    expect(dropped.map((x) => x.id)).toEqual([old[0]!.id]);
    expect(m.size).toBe(3);
    expect(m.has(r.id)).toBe(true);
  });

  it('drops the oldest rows beyond maxBytes, and everything older than the first that does not fit', async () => {
    const old = [row({ t: 1, b: 100 }), row({ t: 2, b: 500 }), row({ t: 3, b: 300 })];
    const { store, m } = storeWith(...old);
    const { dropped } = await addRow(store, row({ t: 4, b: 400 }), { ...bounds, maxRows: 10 });
    // 400 + 300 fit; + 500 would be 1200 > 1000: that one and the older 100-byte row go.
    expect(dropped.map((x) => x.t)).toEqual([2, 1]);
    expect(m.size).toBe(2);
  });

  it('replaces a row with the same id instead of adding a second one', async () => {
    const first = row({ t: 1 });
    const { store, m } = storeWith(first, row({ t: 2 }), row({ t: 3 }));
    const again = { ...first, t: 5 };
    const { dropped } = await addRow(store, again, bounds);
    expect(dropped).toEqual([]);
    expect(m.size).toBe(3);
    expect(m.get(first.id)).toBe(again);
  });
});
