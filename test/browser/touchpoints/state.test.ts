import { expect } from '@open-wc/testing';
import { decide, record } from '../../../src/frequency/rules.ts';
import { drawFor } from '../../../src/frequency/sample.ts';
import { createStore, STORAGE_KEY } from '../../../src/frequency/store.ts';

const DAY = 864e5;
afterEach(() => localStorage.removeItem(STORAGE_KEY));

/** A fresh store over the real localStorage stands in for the next page load. */
const reload = () => createStore();

describe('touchpoint state in real localStorage', () => {
  it('keeps one key, no cookies', () => {
    const cookies = document.cookie;
    const store = reload();
    store.save(record(store.load(), { id: 'nps', type: 'shown', at: 1, interrupting: true }));
    expect(Object.keys(localStorage).filter((k) => k.startsWith('cx-feedback'))).to.deep.equal([STORAGE_KEY]);
    expect(document.cookie).to.equal(cookies);
  });

  it('cooldown and recontact hold across reloads', () => {
    const now = Date.now();
    let store = reload();
    store.save(
      record(record(store.load(), { id: 'nps', type: 'shown', at: now, interrupting: true }), {
        id: 'nps',
        type: 'dismissed',
        at: now,
      }),
    );
    store = reload();
    const state = store.load();
    expect(
      decide({ id: 'nps', state, now: now + DAY, draw: 0, interrupting: true, cooldownDays: 0 }).reason,
    ).to.contain('dismissed recently');
    expect(decide({ id: 'ces', state, now: now + DAY, draw: 0, interrupting: true }).reason).to.contain(
      'site-wide cooldown',
    );
    expect(decide({ id: 'ces', state, now: now + 8 * DAY, draw: 0, interrupting: true }).show).to.equal(true);
  });

  it('the sampling draw is stable across reloads', () => {
    let store = reload();
    const state = store.load();
    const first = drawFor(state, 'nps');
    store.save(state);
    for (let i = 0; i < 3; i++) {
      store = reload();
      expect(drawFor(store.load(), 'nps', () => 0.5)).to.equal(first);
    }
  });
});

describe('when localStorage throws', () => {
  const proto = Storage.prototype;
  const original = { getItem: proto.getItem, setItem: proto.setItem, removeItem: proto.removeItem };
  afterEach(() => Object.assign(proto, original));

  it('falls back to memory for the rest of the page', () => {
    const deny = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Object.assign(proto, { getItem: deny, setItem: deny, removeItem: deny });
    const store = createStore();
    expect(store.load()).to.deep.equal({});
    store.save({ c: 5 });
    expect(store.load()).to.deep.equal({ c: 5 });
    store.clear();
    expect(store.load()).to.deep.equal({});
  });

  it('falls back to memory when the quota is full', () => {
    proto.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const store = createStore();
    store.save({ c: 7 });
    expect(store.load()).to.deep.equal({ c: 7 });
  });

  it('falls back when even touching window.localStorage throws (sandboxed iframe)', async () => {
    const frame = document.createElement('iframe');
    frame.sandbox.add('allow-scripts');
    document.body.append(frame);
    try {
      // An opaque-origin frame throws on `localStorage` access itself.
      const store = createStore(() => frame.contentWindow!.localStorage);
      store.save({ c: 9 });
      expect(store.load()).to.deep.equal({ c: 9 });
    } finally {
      frame.remove();
    }
  });
});
