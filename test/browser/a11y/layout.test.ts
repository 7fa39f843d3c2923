import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { engine, tryEmulateMedia, trySetViewport } from '../support/engine.ts';
import type { CxFeedback } from '../../../src/element/cx-feedback.ts';
import { CHOICE_SURVEY, ENDPOINT, mount, options, settled, shadow, uniqueTouchpoint, untilPlaced } from './helpers.ts';

const KINDS = ['emoji', 'thumbs', 'csat', 'nps', 'ces', 'reaction', 'expectation', 'task'] as const;

afterEach(async () => {
  await trySetViewport({ width: 800, height: 600 });
  await tryEmulateMedia({ reducedMotion: 'no-preference', forcedColors: 'none', colorScheme: 'light' });
});

/** No horizontal scrolling, the card wholly inside the viewport, and every option at least 24×24 CSS px (WCAG 2.5.8). */
function expectReflow(el: CxFeedback, what: string): void {
  const page = document.scrollingElement!;
  expect(page.scrollWidth, `${what}: the page scrolls sideways`).to.be.at.most(page.clientWidth);
  const card = shadow(el).querySelector('.card')!.getBoundingClientRect();
  expect(card.left, `${what}: card starts off screen`).to.be.at.least(0);
  expect(card.right, `${what}: card ends off screen`).to.be.at.most(page.clientWidth);
  for (const o of options(el)) {
    const r = o.getBoundingClientRect();
    expect(r.width, `${what}: option ${o.dataset.value} is ${r.width}px wide`).to.be.at.least(24);
    expect(r.height, `${what}: option ${o.dataset.value} is ${r.height}px high`).to.be.at.least(24);
    expect(r.right, `${what}: option ${o.dataset.value} sticks out of the card`).to.be.at.most(card.right + 0.5);
    expect(r.left, `${what}: option ${o.dataset.value} sticks out of the card`).to.be.at.least(card.left - 0.5);
  }
}

describe('target size and reflow at 320 px', () => {
  beforeEach(async function () {
    // Skipped where the runner cannot resize the viewport (classic WebDriver: WebKit); reflow is measured in Chromium and Firefox.
    if (!(await trySetViewport({ width: 320, height: 640 }))) this.skip();
  });

  for (const density of ['comfortable', 'compact'])
    for (const kind of KINDS) {
      it(`${kind} · ${density}`, async () => {
        const el = await mount(
          html`<cx-feedback endpoint=${ENDPOINT} touchpoint="a11y-320" question=${kind} density=${density} lang="en"></cx-feedback>`,
        );
        await settled(el);
        expectReflow(el, `${kind} ${density}`);
      });
    }

  it('the 11-point NPS row wraps into two even rows instead of shrinking', async () => {
    const el = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint="a11y-320" question="nps" lang="en"></cx-feedback>`,
    );
    await settled(el);
    const tops = new Set(options(el).map((o) => Math.round(o.getBoundingClientRect().top)));
    expect(tops.size).to.equal(2);
    const widths = options(el).map((o) => Math.round(o.getBoundingClientRect().width));
    expect(Math.max(...widths) - Math.min(...widths), 'options keep one width').to.be.at.most(1);
  });

  it('a choice survey with "Other"', async () => {
    const el = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint="a11y-320" lang="en"><script type="application/json">${CHOICE_SURVEY}</script></cx-feedback>`,
    );
    await settled(el);
    expectReflow(el, 'choice');
  });

  for (const mode of ['popover', 'floating'] as const) {
    it(`${mode}: the open NPS card fits the viewport`, async () => {
      const root =
        await fixture<HTMLElement>(html`<div><button id="a11y-anchor" style="margin-inline-start: 200px">Buy</button>
        <cx-feedback endpoint=${ENDPOINT} touchpoint=${uniqueTouchpoint(`a11y-320-${mode}`)} question="nps" mode=${mode} anchor="#a11y-anchor" trigger="manual" lang="en" debug></cx-feedback></div>`);
      const el = root.querySelector('cx-feedback') as CxFeedback;
      el.show();
      await untilPlaced(el);
      await settled(el);
      expectReflow(el, mode);
      const card = shadow(el).querySelector('.card')!.getBoundingClientRect();
      expect(card.bottom).to.be.at.most(innerHeight);
      expect(card.top).to.be.at.least(0);
    });
  }
});

describe('200 % text', () => {
  for (const width of [320, 800])
    for (const kind of [...KINDS, 'choice'] as const) {
      it(`${kind} at --cx-font-size: 30px, ${width} px wide`, async function () {
        // Skipped where the runner cannot resize the viewport (classic WebDriver: WebKit); reflow is measured in Chromium and Firefox.
        if (!(await trySetViewport({ width, height: 800 }))) this.skip();
        const el = await mount(
          kind == 'choice'
            ? html`<cx-feedback style="--cx-font-size: 30px" endpoint=${ENDPOINT} touchpoint="a11y-200" lang="en"><script type="application/json">${CHOICE_SURVEY}</script></cx-feedback>`
            : html`<cx-feedback style="--cx-font-size: 30px" endpoint=${ENDPOINT} touchpoint="a11y-200" question=${kind} lang="en"></cx-feedback>`,
        );
        await settled(el);
        expectReflow(el, `${kind} 200%`);
        // Text grew with the setting (nothing is fixed in px that should scale).
        expect(parseFloat(getComputedStyle(shadow(el).querySelector('legend')!).fontSize)).to.be.at.least(30);
      });
    }
});

describe('forced colors (Windows high contrast)', () => {
  for (const kind of KINDS) {
    it(`${kind}: the selected option stays distinguishable`, async function () {
      // Skipped where the runner has no media emulation (it needs CDP: Firefox over BiDi and WebKit have none); Chromium covers it.
      if (!(await tryEmulateMedia({ forcedColors: 'active' }))) this.skip();
      const el = await mount(
        html`<cx-feedback endpoint=${ENDPOINT} touchpoint="a11y-forced" question=${kind} lang="en"></cx-feedback>`,
      );
      shadow(el).querySelector('input')!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await settled(el);
      const selected = shadow(el).querySelector('[part~="option-selected"]')!;
      const other = options(el).find((o) => o != selected)!;
      const look = (e: Element) => {
        const s = getComputedStyle(e);
        return { background: s.backgroundColor, outline: `${s.outlineStyle} ${s.outlineWidth}`, color: s.color };
      };
      const a = look(selected);
      const b = look(other);
      expect(a.background, 'selected background differs').to.not.equal(b.background);
      expect(a.outline, 'selected has an outline').to.match(/^solid [3-9]/);
      expect(a.color, 'selected text differs').to.not.equal(b.color);
    });
  }

  it('focus is visible on an option without selecting it', async function () {
    // Skipped where the runner has no media emulation (it needs CDP: Firefox over BiDi and WebKit have none); Chromium covers it.
    if (!(await tryEmulateMedia({ forcedColors: 'active' }))) this.skip();
    const before = await fixture<HTMLElement>(
      html`<div><button>Before</button><cx-feedback endpoint=${ENDPOINT} touchpoint="a11y-forced" question="nps" lang="en"></cx-feedback></div>`,
    );
    before.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    const el = before.querySelector('cx-feedback') as CxFeedback;
    await settled(el);
    const first = options(el)[0];
    expect(getComputedStyle(first).outlineStyle).to.not.equal('none');
  });
});

describe('reduced motion', () => {
  async function motion(reduce: boolean) {
    await tryEmulateMedia({ reducedMotion: reduce ? 'reduce' : 'no-preference' });
    const root = await fixture<HTMLElement>(
      html`<div><cx-feedback endpoint=${ENDPOINT} touchpoint=${uniqueTouchpoint('a11y-motion')} question="emoji" mode="floating" trigger="manual" lang="en" debug></cx-feedback></div>`,
    );
    const el = root.querySelector('cx-feedback') as CxFeedback;
    el.show();
    await untilPlaced(el);
    const style = (sel: string) => getComputedStyle(shadow(el).querySelector(sel)!);
    const durations = (s: CSSStyleDeclaration) => s.transitionDuration.split(',').map((d) => parseFloat(d));
    return {
      option: durations(style('.option')),
      card: style('.card').animationName,
      launcher: durations(style('.launcher')),
    };
  }

  it('by default options and launcher transition and the card fades in', async () => {
    const m = await motion(false);
    expect(Math.max(...m.option)).to.be.greaterThan(0);
    expect(Math.max(...m.launcher)).to.be.greaterThan(0);
    expect(m.card).to.not.equal('none');
  });

  it('with prefers-reduced-motion nothing moves', async function () {
    // Skipped where the runner has no media emulation (it needs CDP: Firefox over BiDi and WebKit have none); Chromium covers it.
    if (engine != 'chromium') this.skip();
    const m = await motion(true);
    expect(Math.max(...m.option)).to.equal(0);
    expect(Math.max(...m.launcher)).to.equal(0);
    expect(m.card).to.equal('none');
  });
});
