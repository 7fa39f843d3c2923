import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/transport/outbox.ts';
import { fallbackStore, memoryStore, openIdb } from '../../../src/transport/store.ts';
import { row } from './fixtures.ts';

const broken = (): Store => {
  const fail = () => Promise.reject(new DOMException('quota', 'QuotaExceededError'));
  return { all: fail, get: fail, put: fail, del: fail };
};
const durable = (m = new Map()): Store => {
  const s = memoryStore(m);
  return { ...s, put: async (r) => (await s.put(r), true) };
};

describe('fallbackStore', () => {
  it('reports durable writes when the disk store works', async () => {
    const disk = new Map();
    const s = fallbackStore(Promise.resolve(durable(disk)));
    const r = row();
    expect(await s.put(r)).toBe(true);
    expect(disk.get(r.id)).toBe(r);
    expect(await s.all()).toEqual([r]);
    await s.del(r.id);
    expect(await s.all()).toEqual([]);
  });

  it.each([
    ['no IndexedDB', () => Promise.resolve(undefined)],
    ['every call rejects (quota, closed database)', () => Promise.resolve(broken())],
    ['opening rejected', () => Promise.reject(new Error('boom'))],
  ])('keeps rows in memory and never rejects: %s', async (_, db) => {
    const s = fallbackStore(db() as Promise<Store | undefined>);
    const r = row();
    expect(await s.put(r)).toBe(false);
    expect(await s.get(r.id)).toBe(r);
    expect(await s.all()).toEqual([r]);
    await s.del(r.id);
    expect(await s.all()).toEqual([]);
  });

  it('memory copy wins over a stale disk copy and is removed once the disk takes the row', async () => {
    const disk = new Map();
    let failing = true;
    const inner = durable(disk);
    const flaky: Store = { ...inner, put: (r) => (failing ? Promise.reject(new Error('quota')) : inner.put(r)) };
    const s = fallbackStore(Promise.resolve(flaky));
    const r = row();
    disk.set(r.id, { ...r, a: 9 });
    expect(await s.put(r)).toBe(false);
    expect(await s.all()).toEqual([r]);
    failing = false;
    expect(await s.put({ ...r, a: 1 })).toBe(true);
    expect(await s.all()).toEqual([{ ...r, a: 1 }]);
  });
});

describe('openIdb', () => {
  it.each([
    [
      'open throws (SecurityError in a sandboxed iframe)',
      {
        open: () => {
          throw new DOMException('no', 'SecurityError');
        },
      },
    ],
    [
      'open errors',
      {
        open: () => {
          const rq = {} as IDBOpenDBRequest;
          setTimeout(() => rq.onerror?.(new Event('error')));
          return rq;
        },
      },
    ],
    [
      'open is blocked',
      {
        open: () => {
          const rq = {} as IDBOpenDBRequest;
          setTimeout(() => rq.onblocked?.(new Event('blocked') as IDBVersionChangeEvent));
          return rq;
        },
      },
    ],
    ['open never answers', { open: () => ({}) as IDBOpenDBRequest }],
  ])('resolves undefined when %s', async (_, factory) => {
    expect(await openIdb(20, factory as unknown as IDBFactory)).toBeUndefined();
  });
});
