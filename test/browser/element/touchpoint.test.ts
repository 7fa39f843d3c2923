import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { installGlobalApi } from '../../../src/api/global.ts';
import { STORAGE_KEY } from '../../../src/frequency/store.ts';
import { resetWarnings } from '../../../src/util/warn.ts';
import { ENDPOINT, mount, option, shadow, spyWarnings, storedCount, uniqueTouchpoint } from './helpers.ts';

/**
 * The element wired to its touchpoint controller, in real Chromium: popover and floating placements, opening by a
 * trigger, the launcher and the JS API, closing (button, Escape, "Ask me later"), focus, frequency state, URL
 * targeting and one interrupting widget at a time. The modules themselves are tested in test/browser/touchpoints.
 */
const card = (el: HTMLElement) => shadow(el).querySelector<HTMLElement>('.card');
const placed = (el: HTMLElement) =>
  waitUntil(() => card(el)?.dataset.placement, 'card was not positioned', { timeout: 3000 });
const fire = (name: string) => document.dispatchEvent(new CustomEvent(name));
const state = () => JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');

describe('<cx-feedback> touchpoints', () => {
  beforeEach(() => {
    localStorage.removeItem(STORAGE_KEY);
    resetWarnings();
    (document.activeElement as HTMLElement | null)?.blur?.();
  });

  it('popover: opens on its event next to the anchor, takes no space, steals no focus', async () => {
    const tp = uniqueTouchpoint('pop');
    const wrap = await mount(
      html`<div style="padding-top:200px">
      <button id="place-order">Place order</button>
      <cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="ces" mode="popover" anchor="#place-order" trigger="event:${tp}-done"></cx-feedback>
      <p>after</p>
    </div>` as never,
    );
    const el = wrap.querySelector('cx-feedback')!;
    const before = (wrap.querySelector('p') as HTMLElement).getBoundingClientRect().top;
    expect(card(el)).to.equal(null);
    const shown = oneEvent(el, 'cx-show');
    fire(`${tp}-done`);
    expect((await shown).detail.trigger).to.equal(`event:${tp}-done`);
    await placed(el);
    const anchor = wrap.querySelector('#place-order')!.getBoundingClientRect();
    const box = card(el)!.getBoundingClientRect();
    // Placed below the anchor (default side), without overlapping it.
    expect(box.top).to.be.at.least(anchor.bottom);
    expect(box.top - anchor.bottom).to.be.below(20);
    expect(getComputedStyle(card(el)!).position).to.equal('fixed');
    expect((wrap.querySelector('p') as HTMLElement).getBoundingClientRect().top).to.equal(before);
    expect(document.activeElement).to.equal(document.body);
    expect(card(el)!.getAttribute('role')).to.equal('dialog');
    expect(shadow(el).querySelector('[part="close"]')).to.not.equal(null);
  });

  it('popover: a tap sends a payload saying popover and the trigger, and the answer is remembered', async () => {
    const tp = uniqueTouchpoint('pop-answer');
    const el = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="csat" mode="popover" trigger="event:${tp}"></cx-feedback>`,
    );
    fire(tp);
    await waitUntil(() => card(el), 'no card');
    option(el, 4).click();
    const [row] = await storedCount(tp, 1);
    expect(row.payload.context).to.include({ placement: 'popover', trigger: `event:${tp}` });
    expect(state().s[`${tp}-csat`].a).to.be.a('number');
    // Answered: the same trigger does not ask again (frequency until-answered).
    const close = oneEvent(el, 'cx-close');
    (shadow(el).querySelector('[part="close"]') as HTMLElement).click();
    expect((await close).detail.reason).to.equal('done');
    // A control armed after it on the same event: once the control has opened, this one has decided too.
    const control = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${uniqueTouchpoint('pop-control')} question="csat" mode="popover" trigger="event:${tp}" cooldown-days="0"></cx-feedback>`,
    );
    fire(tp);
    await waitUntil(() => card(control), 'the control did not open');
    expect(card(el)).to.equal(null);
  });

  it('Escape closes a popover, counts as a dismissal and the page keeps its focus', async () => {
    const tp = uniqueTouchpoint('esc');
    const wrap = await mount(
      html`<div><button id="${tp}-b">Pay</button>
      <cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="nps" mode="popover" anchor="#${tp}-b" trigger="event:${tp}"></cx-feedback></div>` as never,
    );
    const el = wrap.querySelector('cx-feedback')!;
    const button = wrap.querySelector('button')!;
    button.focus();
    fire(tp);
    await placed(el);
    expect(document.activeElement).to.equal(button);
    const closed = oneEvent(el, 'cx-close');
    await sendKeys({ press: 'Escape' });
    expect((await closed).detail.reason).to.equal('escape');
    await el.updateComplete;
    expect(card(el)).to.equal(null);
    expect(document.activeElement).to.equal(button);
    expect(state().s[`${tp}-nps`].d).to.be.a('number');
  });

  it('"Ask me later" snoozes instead of answering', async () => {
    const tp = uniqueTouchpoint('later');
    const el = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="emoji" mode="popover" trigger="event:${tp}" frequency="once"></cx-feedback>`,
    );
    fire(tp);
    await waitUntil(() => card(el), 'no card');
    const later = shadow(el).querySelector<HTMLElement>('[part~="later"]')!;
    expect(later.textContent).to.equal('Ask me later');
    const closed = oneEvent(el, 'cx-close');
    later.click();
    expect((await closed).detail.reason).to.equal('snooze');
    const entry = state().s[`${tp}-emoji`];
    expect(entry.z).to.be.a('number');
    expect(entry.n).to.equal(0); // a snoozed showing does not use up frequency="once"
  });

  it('floating: the launcher opens the card with focus inside; Escape closes and focus returns to the launcher', async () => {
    const tp = uniqueTouchpoint('float');
    const el = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="thumbs" mode="floating" position="bottom-left"></cx-feedback>`,
    );
    const launcher = shadow(el).querySelector<HTMLButtonElement>('[part="launcher"]')!;
    expect(launcher.textContent?.trim()).to.equal('Feedback');
    expect(launcher.getAttribute('aria-expanded')).to.equal('false');
    const r = launcher.getBoundingClientRect();
    expect(r.left).to.be.below(40);
    expect(innerHeight - r.bottom).to.be.below(40);
    expect(el.getBoundingClientRect().height).to.equal(0);
    launcher.focus();
    await sendKeys({ press: 'Enter' });
    await placed(el);
    await el.updateComplete;
    expect(launcher.getAttribute('aria-expanded')).to.equal('true');
    expect(shadow(el).activeElement?.tagName).to.equal('INPUT');
    // The card sits above the launcher and inside the viewport.
    const box = card(el)!.getBoundingClientRect();
    expect(box.bottom).to.be.at.most(r.top);
    expect(box.left).to.be.at.least(0);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(card(el)).to.equal(null);
    await waitUntil(() => shadow(el).activeElement === launcher, 'focus did not return to the launcher');
  });

  it('floating: answering through the keyboard from the launcher delivers, then thanks', async () => {
    const tp = uniqueTouchpoint('float-kb');
    const el = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="thumbs" mode="floating"></cx-feedback>`,
    );
    shadow(el).querySelector<HTMLButtonElement>('[part="launcher"]')!.click();
    await waitUntil(() => shadow(el).activeElement?.tagName == 'INPUT', 'focus did not move into the card');
    await sendKeys({ press: 'Enter' });
    const [row] = await storedCount(tp, 1);
    expect(row.payload.answers[0]).to.deep.equal({ questionId: 'thumbs', type: 'thumbs', value: 1 });
    expect(row.payload.context.placement).to.equal('floating');
    expect(row.payload.context.trigger).to.equal('launcher');
  });

  it('cxFeedback("show", touchpoint) opens a manual widget, also when queued before the script loaded', async () => {
    const tp = uniqueTouchpoint('api');
    const w = window as { cxFeedback?: ((...a: unknown[]) => void) & { q?: unknown[] } };
    delete w.cxFeedback;
    w.cxFeedback = Object.assign((...a: unknown[]) => void (w.cxFeedback!.q ||= []).push(a), { q: [] as unknown[] });
    w.cxFeedback('show', tp);
    const uninstall = installGlobalApi();
    try {
      const el = await mount(
        html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="csat" mode="popover" trigger="manual"></cx-feedback>`,
      );
      await waitUntil(() => card(el), 'queued show did not open the widget');
      w.cxFeedback!('hide', tp);
      await el.updateComplete;
      expect(card(el)).to.equal(null);
    } finally {
      uninstall();
    }
  });

  it('one interrupting widget at a time: the second waits and opens after the first closes (higher priority first)', async () => {
    const a = uniqueTouchpoint('qa');
    const b = uniqueTouchpoint('qb');
    const wrap = await mount(
      html`<div>
      <cx-feedback id="a" endpoint=${ENDPOINT} touchpoint=${a} question="csat" mode="popover" trigger="event:${a}-go" cooldown-days="0"></cx-feedback>
      <cx-feedback id="b" endpoint=${ENDPOINT} touchpoint=${b} question="csat" mode="popover" trigger="event:${a}-go" cooldown-days="0" priority="5"></cx-feedback>
    </div>` as never,
    );
    const [ea, eb] = [wrap.querySelector<HTMLElement>('#a')!, wrap.querySelector<HTMLElement>('#b')!];
    fire(`${a}-go`);
    await waitUntil(() => card(eb), 'the higher priority one did not open');
    // Both were decided at the same trigger; the lower one stays queued behind the open card (a short look to be sure).
    await new Promise((r) => setTimeout(r, 100));
    expect(card(ea)).to.equal(null);
    (shadow(eb).querySelector('[part="close"]') as HTMLElement).click();
    await waitUntil(() => card(ea), 'the queued one did not open after the first closed');
  });

  it('the site-wide cooldown keeps a second interrupting survey away after one was shown', async () => {
    const a = uniqueTouchpoint('cool-a');
    const b = uniqueTouchpoint('cool-b');
    const ea = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${a} question="csat" mode="popover" trigger="event:${a}"></cx-feedback>`,
    );
    fire(a);
    await waitUntil(() => card(ea), 'first did not open');
    (shadow(ea).querySelector('[part="close"]') as HTMLElement).click();
    const eb = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${b} question="csat" mode="popover" trigger="event:${b}"></cx-feedback>`,
    );
    fire(b);
    // The cooldown is decided at the trigger, before any quiet zone: a short look is enough to see it stay closed.
    await new Promise((r) => setTimeout(r, 150));
    expect(card(eb)).to.equal(null);
  });

  it('url targeting: no launcher on a page the url does not match', async () => {
    const tp = uniqueTouchpoint('url');
    const el = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="csat" mode="floating" url="exact:/elsewhere"></cx-feedback>`,
    );
    expect(shadow(el).querySelector('[part="launcher"]')).to.equal(null);
    el.url = `contains:${location.pathname}`;
    await el.updateComplete;
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="launcher"]')).to.not.equal(null);
  });

  it('SPA: a popover whose url no longer matches closes on a route change', async () => {
    const tp = uniqueTouchpoint('spa');
    const start = location.href;
    const el = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="csat" mode="popover" trigger="event:${tp}" url="exact:${location.href}"></cx-feedback>`,
    );
    try {
      fire(tp);
      await waitUntil(() => card(el), 'no card');
      const closed = oneEvent(el, 'cx-close');
      history.pushState(null, '', '/somewhere-else');
      expect((await closed).detail.reason).to.equal('route');
    } finally {
      history.replaceState(null, '', start);
    }
  });

  it('inline with frequency="once" is not shown again once answered', async () => {
    const tp = uniqueTouchpoint('once');
    const el = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="thumbs" frequency="once"></cx-feedback>`,
    );
    option(el, 1).click();
    await storedCount(tp, 1);
    const again = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="thumbs" frequency="once"></cx-feedback>`,
    );
    expect(card(again)).to.equal(null);
    // Without frequency an inline widget keeps no state and is there on every visit.
    const other = uniqueTouchpoint('always');
    await mount(html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${other} question="thumbs"></cx-feedback>`);
    expect(state().s?.[`${other}-thumbs`]).to.equal(undefined);
  });

  it('bad touchpoint attributes: one clear warning each, defaults used, the widget still works', async () => {
    const spy = spyWarnings();
    try {
      const tp = uniqueTouchpoint('badtp');
      const el = await mount(
        html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="thumbs" mode="sidebar" sample="150"></cx-feedback>`,
      );
      expect(
        spy.messages.filter((m) => m.includes('mode="sidebar" is not valid; expected inline, popover or floating')),
      ).to.have.length(1);
      expect(spy.messages.filter((m) => m.includes('sample="150" is not valid'))).to.have.length(1);
      expect(option(el, 1)).to.not.equal(null);
    } finally {
      spy.restore();
    }
  });

  it('a popover whose anchor is missing opens in the corner and says why', async () => {
    const spy = spyWarnings();
    try {
      const tp = uniqueTouchpoint('noanchor');
      const el = await mount(
        html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="thumbs" mode="popover" anchor="#nope" trigger="event:${tp}"></cx-feedback>`,
      );
      fire(tp);
      await placed(el);
      expect(card(el)!.dataset.placement).to.equal('corner');
      const box = card(el)!.getBoundingClientRect();
      expect(innerWidth - box.right).to.be.closeTo(16, 2);
      expect(spy.messages.some((m) => m.includes('anchor="#nope" matches no element'))).to.equal(true);
    } finally {
      spy.restore();
    }
  });

  it('floating with a trigger opens its card by itself when the trigger fires, without taking focus', async () => {
    const tp = uniqueTouchpoint('float-auto');
    const wrap = await mount(
      html`<div><input id="${tp}-field" />
      <cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="csat" mode="floating" trigger="event:${tp}"></cx-feedback></div>` as never,
    );
    const el = wrap.querySelector('cx-feedback')!;
    expect(card(el)).to.equal(null);
    fire(tp);
    await placed(el);
    expect(document.activeElement).to.equal(document.body);
    expect(shadow(el).querySelector('[part="launcher"]')!.getAttribute('aria-expanded')).to.equal('true');
    // Interrupting: it counts for the site-wide cooldown.
    expect(state().c).to.be.a('number');
  });

  it('an automatic open waits while the visitor is typing in a field', async () => {
    const tp = uniqueTouchpoint('typing');
    const wrap = await mount(
      html`<div><input id="${tp}-field" />
      <cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="csat" mode="popover" trigger="event:${tp}"></cx-feedback></div>` as never,
    );
    const el = wrap.querySelector('cx-feedback')!;
    const field = wrap.querySelector('input')!;
    field.focus();
    fire(tp);
    // A window the rule must hold over: the open waits as long as the field has focus (blur below opens it).
    await new Promise((r) => setTimeout(r, 400));
    expect(card(el)).to.equal(null);
    field.blur();
    await waitUntil(() => card(el), 'did not open once typing stopped', { timeout: 3000 });
  });

  it('an attribute changed while a popover is open does not free its slot for a second interrupting card', async () => {
    const a = uniqueTouchpoint('held-a');
    const b = uniqueTouchpoint('held-b');
    const wrap = await mount(
      html`<div>
      <cx-feedback id="a" endpoint=${ENDPOINT} touchpoint=${a} question="csat" mode="popover" trigger="event:${a}" cooldown-days="0"></cx-feedback>
      <cx-feedback id="b" endpoint=${ENDPOINT} touchpoint=${b} question="csat" mode="popover" trigger="event:${b}" cooldown-days="0"></cx-feedback>
    </div>` as never,
    );
    const [ea, eb] = [
      wrap.querySelector<HTMLElement & { metadata: string; updateComplete: Promise<boolean> }>('#a')!,
      wrap.querySelector<HTMLElement>('#b')!,
    ];
    fire(a);
    await waitUntil(() => card(ea), 'first did not open');
    ea.metadata = '{"step":"2"}';
    await ea.updateComplete; // the configuration was read again
    expect(card(ea)).to.not.equal(null);
    fire(b);
    // A window the rule must hold over: the second waits for the slot (closing the first below opens it).
    await new Promise((r) => setTimeout(r, 200));
    expect(card(eb)).to.equal(null);
    (shadow(ea).querySelector('[part="close"]') as HTMLElement).click();
    await waitUntil(() => card(eb), 'the second did not open after the first closed');
  });
});
