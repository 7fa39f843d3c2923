import { expect, fixture, html } from '@open-wc/testing';
import { startTrigger, type TriggerOptions } from '../../../src/triggers/index.ts';
import { isProblem, parseTrigger, type Trigger } from '../../../src/triggers/parse.ts';
import { FAST, frames, recorder, tick, trackResources, until } from './helpers.ts';

const spec = (text: string): Trigger => {
  const t = parseTrigger(text);
  if (isProblem(t)) throw new Error(t.problem);
  return t;
};

let stops: (() => void)[] = [];
afterEach(() => {
  stops.forEach((s) => s());
  stops = [];
  scrollTo(0, 0);
});

async function arm(text: string, extra: Partial<TriggerOptions> = {}) {
  const element = extra.element ?? (await fixture<HTMLElement>(html`<div style="height:20px">widget</div>`));
  const r = recorder();
  const stop = startTrigger(spec(text), { element, fire: r.fire, quiet: FAST, ...extra });
  stops.push(stop);
  return { ...r, stop, element };
}

/** Long enough for listeners, observers and a few quiet-zone re-checks to have run. */
const settle = async () => {
  await frames(2);
  await tick(60);
};

describe('triggers fire, and only then', () => {
  it('load fires after start (page already loaded), never synchronously', async () => {
    const t = await arm('load');
    expect(t.fired()).to.equal(false);
    await until(t.fired);
    expect(t.calls).to.deep.equal(['load']);
  });

  it('delay:<s> waits that long', async () => {
    const started = performance.now();
    const t = await arm('delay:0.2');
    await tick(20);
    expect(t.fired()).to.equal(false);
    await until(t.fired);
    expect(performance.now() - started).to.be.at.least(195);
    expect(t.calls).to.deep.equal(['delay:0.2']);
  });

  it('scroll:<p> fires once the page is scrolled that far', async () => {
    await fixture(html`<div style="height:4000px"></div>`);
    const t = await arm('scroll:50');
    await settle();
    expect(t.fired()).to.equal(false);
    const range = document.documentElement.scrollHeight - innerHeight;
    scrollTo(0, range * 0.3);
    await settle();
    expect(t.fired()).to.equal(false);
    scrollTo(0, range * 0.6);
    await until(t.fired);
    expect(t.calls).to.deep.equal(['scroll:50']);
  });

  it('scroll:<p> fires at once on a page too short to scroll', async () => {
    const t = await arm('scroll:90');
    await until(t.fired);
  });

  it('visible fires when the anchor enters the viewport', async () => {
    const page = await fixture<HTMLElement>(
      html`<div><div style="height:3000px"></div><button id="anchor">Buy</button></div>`,
    );
    const anchor = page.querySelector('#anchor')!;
    const t = await arm('visible', { anchor });
    await settle();
    expect(t.fired()).to.equal(false);
    anchor.scrollIntoView();
    await until(t.fired);
  });

  it('visible watches the element itself without an anchor', async () => {
    const page = await fixture<HTMLElement>(
      html`<div><div style="height:3000px"></div><div id="me" style="height:20px"></div></div>`,
    );
    const element = page.querySelector<HTMLElement>('#me')!;
    const t = await arm('visible', { element });
    await settle();
    expect(t.fired()).to.equal(false);
    element.scrollIntoView();
    await until(t.fired);
  });

  it('exit fires when the pointer leaves through the top edge', async function () {
    // Exit intent is off by design without a fine pointer, which is what headless Firefox reports.
    if (!matchMedia('(pointer:fine)').matches) this.skip();
    const t = await arm('exit');
    const out = (init: MouseEventInit) =>
      document.body.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, ...init }));
    out({ clientY: 300 }); // leaving through the bottom / sides
    out({ clientY: 2, relatedTarget: document.documentElement }); // moving onto another element near the top
    await settle();
    expect(t.fired()).to.equal(false);
    out({ clientY: 0 });
    await until(t.fired);
    expect(t.calls).to.deep.equal(['exit']);
  });

  it('event:<name> hears document, window and element dispatches, bubbling or not', async () => {
    for (const dispatch of [
      () => document.dispatchEvent(new CustomEvent('order-complete')),
      () => window.dispatchEvent(new Event('order-complete')),
      () => document.body.dispatchEvent(new Event('order-complete', { bubbles: false })),
      () => document.body.dispatchEvent(new Event('order-complete', { bubbles: true })),
    ]) {
      const t = await arm('event:order-complete');
      document.dispatchEvent(new CustomEvent('order-completed'));
      window.dispatchEvent(new Event('order'));
      await settle();
      expect(t.fired()).to.equal(false);
      dispatch();
      dispatch();
      await until(t.fired);
      await settle();
      expect(t.calls).to.deep.equal(['event:order-complete']);
      t.stop();
    }
  });

  it('click:<selector> is delegated and sees into open shadow roots', async () => {
    const page = await fixture<HTMLElement>(
      html`<div><button class="other">Other</button><span class="help"><b>Help</b></span><div id="host"></div></div>`,
    );
    const root = page.querySelector('#host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<button class="buy">Buy</button>';
    const t = await arm('click:.help');
    page.querySelector<HTMLElement>('.other')!.click();
    await settle();
    expect(t.fired()).to.equal(false);
    page.querySelector('b')!.click();
    await until(t.fired);
    expect(t.calls).to.deep.equal(['click:.help']);

    const inShadow = await arm('click:.buy');
    root.querySelector('button')!.click();
    await until(inShadow.fired);
  });

  it('click:<selector> counts elements added after start', async () => {
    const page = await fixture<HTMLElement>(html`<div></div>`);
    const t = await arm('click:#late');
    page.innerHTML = '<button id="late">Late</button>';
    page.querySelector('button')!.click();
    await until(t.fired);
  });

  it('idle:<s> fires only after that long without input', async () => {
    const t = await arm('idle:0.25');
    // Keep "typing" on the keyboard for twice the idle time.
    for (let i = 0; i < 20; i++) {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true }));
      await tick(25);
    }
    expect(t.fired()).to.equal(false);
    const quietSince = performance.now();
    await until(t.fired);
    expect(performance.now() - quietSince).to.be.at.least(200);
  });

  it('manual never fires by itself', async () => {
    const t = await arm('manual');
    await settle();
    document.dispatchEvent(new Event('manual'));
    await settle();
    expect(t.fired()).to.equal(false);
  });
});

describe('a trigger fires once and stops', () => {
  it('stop before firing: nothing happens afterwards', async () => {
    const t = await arm('event:go');
    t.stop();
    document.dispatchEvent(new Event('go'));
    await settle();
    expect(t.fired()).to.equal(false);
  });

  it('an aborted signal stops it like stop()', async () => {
    const ac = new AbortController();
    const t = await arm('event:go', { signal: ac.signal });
    ac.abort();
    document.dispatchEvent(new Event('go'));
    await settle();
    expect(t.fired()).to.equal(false);
    const late = await arm('event:go', { signal: ac.signal });
    document.dispatchEvent(new Event('go'));
    await settle();
    expect(late.fired()).to.equal(false);
  });

  it('stop while a fired trigger waits for quiet cancels it', async () => {
    const input = await fixture<HTMLInputElement>(html`<input />`);
    input.focus();
    const t = await arm('event:go');
    document.dispatchEvent(new Event('go'));
    await settle();
    t.stop();
    input.blur();
    await settle();
    expect(t.fired()).to.equal(false);
  });
});

describe('every stop leaves nothing behind', () => {
  const all = ['load', 'delay:10', 'scroll:99', 'visible', 'exit', 'event:x', 'click:#x', 'idle:10', 'manual'];

  for (const text of all) {
    it(`${text}: listeners, observers and timers are gone after stop`, async () => {
      await fixture(html`<div style="height:4000px"></div>`);
      const element = await fixture<HTMLElement>(html`<div></div>`);
      const track = trackResources();
      try {
        const before = track.count();
        const stop = startTrigger(spec(text), { element, fire: () => {}, quiet: FAST });
        stop();
        expect(track.count()).to.deep.equal(before);
      } finally {
        track.restore();
      }
    });
  }

  it('after firing, only the pending delivery remains until it is done', async () => {
    const element = await fixture<HTMLElement>(html`<div></div>`);
    const track = trackResources();
    try {
      const r = recorder();
      startTrigger(spec('event:x'), { element, fire: r.fire, quiet: FAST });
      document.dispatchEvent(new Event('x'));
      await until(r.fired);
      expect(track.count().listeners).to.equal(0);
    } finally {
      track.restore();
    }
  });
});

describe('parseTrigger in the browser', () => {
  it('rejects a click selector the browser cannot parse', () => {
    const bad = parseTrigger('click:#buy[');
    expect(isProblem(bad) && bad.problem).to.contain('trigger="click:#buy["');
    expect(parseTrigger('click:#buy, .cta > a')).to.deep.equal({ kind: 'click', value: '#buy, .cta > a' });
  });
});
