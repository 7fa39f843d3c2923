import { expect } from '@open-wc/testing';
import { createCoordinator } from '../../../src/coordinator/index.ts';
import { createStore, STORAGE_KEY } from '../../../src/frequency/store.ts';

afterEach(() => localStorage.removeItem(STORAGE_KEY));

describe('coordinator in the browser', () => {
  it('one interrupting widget at a time; the next opens when it closes', () => {
    const c = createCoordinator(createStore());
    const open: string[] = [];
    c.requestOpen({ id: 'a', priority: 1, open: () => open.push('a') });
    c.requestOpen({ id: 'b', priority: 1, open: () => open.push('b') });
    c.requestOpen({ id: 'c', priority: 9, open: () => open.push('c') });
    expect(open).to.deep.equal(['a']);
    c.release('a');
    expect(open).to.deep.equal(['a', 'c']);
    c.release('c');
    expect(open).to.deep.equal(['a', 'c', 'b']);
  });

  it('claims live in localStorage, so a second tab (another coordinator) is refused until release', () => {
    const tab1 = createCoordinator(createStore());
    const tab2 = createCoordinator(createStore());
    const denied: string[] = [];
    tab1.requestOpen({ id: 'nps', open: () => {} });
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).o).to.have.property('nps');
    tab2.requestOpen({ id: 'nps', open: () => {}, denied: (why) => denied.push(why) });
    expect(denied).to.deep.equal(['already open in another tab']);
    tab1.release('nps');
    let opened = false;
    tab2.requestOpen({ id: 'nps', open: () => (opened = true) });
    expect(opened).to.equal(true);
    tab2.release('nps');
  });

  it('leaving the page (pagehide) gives the claims back', () => {
    const tab1 = createCoordinator(createStore());
    tab1.requestOpen({ id: 'nps', open: () => {} });
    dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).o).to.deep.equal({});
  });
});
