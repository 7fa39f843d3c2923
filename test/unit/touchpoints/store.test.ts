import { describe, expect, it } from 'vitest';
import { createStore, STORAGE_KEY } from '../../../src/frequency/store.ts';

/** A Storage-shaped Map; `fail` makes chosen methods throw like a sandboxed iframe or a full quota. */
function fakeStorage(fail: { get?: boolean; set?: boolean } = {}) {
  const map = new Map<string, string>();
  const storage = {
    getItem: (k: string) => {
      if (fail.get) throw new DOMException('denied', 'SecurityError');
      return map.get(k) ?? null;
    },
    setItem: (k: string, v: string) => {
      if (fail.set) throw new DOMException('full', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k: string) => void map.delete(k),
  } as Storage;
  return { storage, map };
}

describe('createStore', () => {
  it('round-trips the state under one key', () => {
    const { storage, map } = fakeStorage();
    const store = createStore(() => storage);
    expect(store.load()).toEqual({});
    store.save({ c: 1, s: { a: { n: 2, r: 50 } } });
    expect([...map.keys()]).toEqual([STORAGE_KEY]);
    expect(createStore(() => storage).load()).toEqual({ c: 1, s: { a: { n: 2, r: 50 } } });
    store.clear();
    expect(map.size).toBe(0);
  });

  it.each([
    ['not JSON', '{oops'],
    ['wrong shape', '{"s":{"a":{"n":"many"}}}'],
    ['not an object', '42'],
    ['null', 'null'],
  ])('starts over on %s', (_, raw) => {
    const { storage, map } = fakeStorage();
    map.set(STORAGE_KEY, raw);
    expect(createStore(() => storage).load()).toEqual({});
  });

  it.each([
    [
      'storage access throws',
      () => {
        throw new DOMException('denied', 'SecurityError');
      },
    ],
    ['reads throw', () => fakeStorage({ get: true }).storage],
    ['writes throw (quota)', () => fakeStorage({ set: true }).storage],
  ])('keeps state in memory when %s', (_, storage) => {
    const store = createStore(storage as () => Storage);
    store.save({ s: { a: { n: 1 } } });
    expect(store.load()).toEqual({ s: { a: { n: 1 } } });
    store.clear();
    expect(store.load()).toEqual({});
  });

  it('after a failed write, reads come from memory, not the stale stored value', () => {
    const { storage, map } = fakeStorage();
    map.set(STORAGE_KEY, '{"c":1}');
    let full = false;
    const setItem = storage.setItem;
    storage.setItem = (k, v) => {
      if (full) throw new DOMException('full', 'QuotaExceededError');
      setItem(k, v);
    };
    const store = createStore(() => storage);
    full = true;
    store.save({ c: 2 });
    expect(store.load()).toEqual({ c: 2 });
  });
});
