import { describe, expect, it } from 'vitest';
import { CLAIM_MS } from '../../../src/coordinator/claim.ts';
import { createCoordinator, type OpenRequest } from '../../../src/coordinator/index.ts';
import { createStore } from '../../../src/frequency/store.ts';

/** One storage shared like localStorage between the "tabs" of a test. */
function sharedStorage(): () => Storage {
  const map = new Map<string, string>();
  const storage = {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  } as Storage;
  return () => storage;
}

function tab(storage = sharedStorage(), now = () => 1000) {
  const opened: string[] = [];
  const denied: string[] = [];
  const c = createCoordinator(createStore(storage), now);
  const request = (id: string, priority?: number, extra: Partial<OpenRequest> = {}) =>
    c.requestOpen({
      id,
      priority,
      open: () => opened.push(id),
      denied: (why) => denied.push(`${id}: ${why}`),
      ...extra,
    });
  return { c, opened, denied, request };
}

describe('coordinator queue', () => {
  it.each<[string, [string, number?][], string[]]>([
    ['one request opens at once', [['a']], ['a']],
    [
      'higher priority first',
      [
        ['a', 1],
        ['b', 5],
        ['c', 3],
      ],
      ['a', 'b', 'c'],
    ],
    [
      'equal priority: first come, first served',
      [
        ['x', 0],
        ['a', 0],
        ['b', 0],
      ],
      ['x', 'a', 'b'],
    ],
    ['negative priorities go last', [['x', 0], ['low', -1], ['none']], ['x', 'none', 'low']],
  ])('%s', (_, requests, order) => {
    const { c, opened, request } = tab();
    for (const [id, priority] of requests) request(id, priority);
    // The first request opened immediately; each release lets the next one in.
    for (let i = 0; i < order.length; i++) {
      expect(opened).toEqual(order.slice(0, i + 1));
      c.release(opened[i]);
    }
    expect(opened).toEqual(order);
  });

  it('queues by priority among waiting requests only (an open one is never pre-empted)', () => {
    const { c, opened, request } = tab();
    request('low', 0);
    request('high', 9);
    expect(opened).toEqual(['low']);
    c.release('low');
    expect(opened).toEqual(['low', 'high']);
  });

  it('cancel takes a waiting request out of the queue', () => {
    const { c, opened, request } = tab();
    request('a');
    const cancel = request('b');
    request('c');
    cancel();
    c.release('a');
    expect(opened).toEqual(['a', 'c']);
  });

  it('cancel of the open one releases it', () => {
    const { opened, request } = tab();
    const cancel = request('a');
    request('b');
    cancel();
    expect(opened).toEqual(['a', 'b']);
  });

  it('releasing an id that is not open changes nothing', () => {
    const { c, opened, request } = tab();
    request('a');
    request('b');
    c.release('zzz');
    expect(opened).toEqual(['a']);
  });

  it('an open() that declines (releases at once) hands over to the next', () => {
    const { c, opened, request } = tab();
    request('busy');
    request('declines', 0, { open: () => c.release('declines') });
    request('next');
    c.release('busy');
    expect(opened).toEqual(['busy', 'next']);
  });

  it('an open() that throws does not block the queue', () => {
    const { c, opened, request } = tab();
    request('busy');
    request('broken', 5, {
      open: () => {
        throw new Error('boom');
      },
    });
    request('next');
    c.release('busy');
    expect(opened).toEqual(['busy', 'next']);
  });
});

describe('coordinator across tabs', () => {
  it('the same survey does not open in two tabs at once', () => {
    const storage = sharedStorage();
    const one = tab(storage);
    const two = tab(storage);
    one.request('nps');
    two.request('nps');
    expect(one.opened).toEqual(['nps']);
    expect(two.opened).toEqual([]);
    expect(two.denied).toEqual(['nps: already open in another tab']);
    two.request('other');
    expect(two.opened).toEqual(['other']);
  });

  it('a released claim frees the survey for other tabs', () => {
    const storage = sharedStorage();
    const one = tab(storage);
    const two = tab(storage);
    one.request('nps');
    one.c.release('nps');
    two.request('nps');
    expect(two.opened).toEqual(['nps']);
  });

  it('a claim left behind (crashed tab) expires', () => {
    const storage = sharedStorage();
    let now = 1000;
    tab(storage, () => now).request('nps');
    const two = tab(storage, () => now);
    two.request('nps');
    expect(two.opened).toEqual([]);
    now += CLAIM_MS;
    two.request('nps');
    expect(two.opened).toEqual(['nps']);
  });

  it('without working storage each tab decides alone', () => {
    const broken = () => {
      throw new Error('no storage');
    };
    const one = tab(broken);
    const two = tab(broken);
    one.request('nps');
    two.request('nps');
    expect([one.opened, two.opened]).toEqual([['nps'], ['nps']]);
  });
});
