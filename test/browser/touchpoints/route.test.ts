import { expect } from '@open-wc/testing';
import { matchesUrl, watchRoute } from '../../../src/placement/route.ts';
import { tick, trackResources, until } from './helpers.ts';

const home = location.href;
let stops: (() => void)[] = [];
afterEach(async () => {
  stops.forEach((s) => s());
  stops = [];
  history.replaceState(null, '', home);
});

const navigation = (globalThis as { navigation?: EventTarget }).navigation ?? null;

for (const [name, nav] of [
  ['Navigation API', navigation],
  ['history fallback', null],
] as const) {
  describe(`watchRoute (${name})`, () => {
    before(function () {
      if (name == 'Navigation API' && !nav) this.skip();
    });

    function watch() {
      const seen: string[] = [];
      stops.push(
        watchRoute((href) => seen.push(new URL(href).pathname + new URL(href).search + new URL(href).hash), nav),
      );
      return seen;
    }

    it('reports pushState and replaceState, once per new URL', async () => {
      const seen = watch();
      history.pushState(null, '', '/orders/1');
      await until(() => seen.length == 1);
      history.replaceState(null, '', '/orders/1');
      await tick(30);
      expect(seen).to.deep.equal(['/orders/1']);
      history.replaceState(null, '', '/orders/1?tab=2');
      await until(() => seen.length == 2);
      expect(seen).to.deep.equal(['/orders/1', '/orders/1?tab=2']);
    });

    it('reports where the page ended up when routes change in a burst', async () => {
      const seen = watch();
      history.pushState(null, '', '/a');
      history.pushState(null, '', '/b');
      await until(() => seen.at(-1) == '/b');
      expect(seen.length).to.be.at.most(2);
    });

    it('reports hash changes and back/forward (popstate)', async () => {
      history.replaceState(null, '', '/shop');
      const seen = watch();
      location.hash = 'reviews';
      await until(() => seen.length == 1);
      history.back();
      await until(() => seen.length == 2);
      expect(seen).to.deep.equal(['/shop#reviews', '/shop']);
    });

    it('stop removes every listener', async () => {
      const track = trackResources();
      try {
        const before = track.count();
        const seen: string[] = [];
        const stop = watchRoute((h) => seen.push(h), nav);
        expect(track.count().listeners).to.be.greaterThan(before.listeners);
        stop();
        expect(track.count()).to.deep.equal(before);
        history.pushState(null, '', '/after-stop');
        await tick(30);
        expect(seen).to.deep.equal([]);
      } finally {
        track.restore();
      }
    });
  });
}

describe('history wrapper', () => {
  it('is installed once per page, however many watchers start', async () => {
    stops.push(watchRoute(() => {}, null));
    const push = history.pushState;
    const seen: string[] = [];
    stops.push(watchRoute((h) => seen.push(h), null));
    stops.push(watchRoute(() => {}, null));
    expect(history.pushState).to.equal(push);
    history.pushState(null, '', '/once');
    await until(() => seen.length == 1);
    await tick(30);
    expect(seen.length).to.equal(1);
  });

  it('keeps pushState working (state and URL)', () => {
    stops.push(watchRoute(() => {}, null));
    history.pushState({ step: 2 }, '', '/wizard/2');
    expect(history.state).to.deep.equal({ step: 2 });
    expect(location.pathname).to.equal('/wizard/2');
  });
});

describe('matchesUrl on the live location', () => {
  it('re-evaluates after a route change', () => {
    const target = { match: 'regex', value: '^/orders/\\d+$' } as const;
    history.replaceState(null, '', '/orders/7');
    expect(matchesUrl(target)).to.equal(true);
    history.replaceState(null, '', '/cart');
    expect(matchesUrl(target)).to.equal(false);
  });
});
