import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { engine, press, type } from '../support/engine.ts';
import type { CxFeedback } from '../../../src/element/cx-feedback.ts';
import { stored, storedCount } from '../element/helpers.ts';
import {
  arabicLocales,
  CHOICE_SURVEY,
  ENDPOINT,
  settled,
  shadow,
  uniqueTouchpoint,
  untilArabic,
  untilPlaced,
} from './helpers.ts';

/** A page with a focusable "before" button, so walkthroughs start outside the widget like a real visitor does. */
async function page(widget: ReturnType<typeof html>): Promise<{ before: HTMLButtonElement; el: CxFeedback }> {
  const root = await fixture<HTMLElement>(
    html`<div><button id="before">Before</button>${widget}<button id="after">After</button></div>`,
  );
  const el = root.querySelector('cx-feedback') as CxFeedback;
  await el.updateComplete;
  const before = root.querySelector<HTMLButtonElement>('#before')!;
  before.focus();
  return { before, el };
}

/** What has focus inside the widget's shadow root: an element, described for readable failures. */
const focused = (el: CxFeedback): HTMLElement | null => shadow(el).activeElement as HTMLElement | null;
const checkedValue = (el: CxFeedback): string | undefined =>
  shadow(el).querySelector<HTMLInputElement>('input:checked')?.value;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('keyboard only', () => {
  it('Tab enters the scale, arrow keys browse without answering, Enter answers, focus lands on the thanks', async () => {
    const tp = uniqueTouchpoint('kbd-nps');
    const { el } = await page(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="nps" lang="en"></cx-feedback>`,
    );
    await press('Tab');
    expect(focused(el)?.getAttribute('aria-label')).to.equal('0 – Not at all likely');
    for (let i = 0; i < 8; i++) await press('ArrowRight');
    await press('ArrowLeft');
    await settled(el);
    expect(checkedValue(el)).to.equal('7');
    await pause(150);
    expect(await stored(tp), 'browsing with arrows sends nothing').to.have.length(0);
    expect(shadow(el).querySelector('[part~="option-selected"]')?.getAttribute('data-value')).to.equal('7');
    await press('Enter');
    const [row] = await storedCount(tp, 1);
    expect(row.payload.answers[0].value).to.equal(7);
    await settled(el);
    expect(focused(el)?.classList.contains('thanks')).to.equal(true);
  });

  it('a reaction by keyboard: Tab to the emotions, arrows browse, Enter answers with the named emotion, focus on the thanks', async () => {
    const tp = uniqueTouchpoint('kbd-reaction');
    const { el } = await page(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="reaction" lang="en"></cx-feedback>`,
    );
    await press('Tab');
    expect(focused(el)?.getAttribute('aria-label')).to.equal('Delighted');
    for (let i = 0; i < 3; i++) await press('ArrowRight');
    await settled(el);
    expect(checkedValue(el)).to.equal('confused');
    await pause(150);
    expect(await stored(tp), 'browsing with arrows sends nothing').to.have.length(0);
    await press('Enter');
    const [row] = await storedCount(tp, 1);
    expect(row.payload.answers[0].value).to.equal('confused');
    await settled(el);
    expect(focused(el)?.classList.contains('thanks')).to.equal(true);
  });

  it('Space answers; one Tab from the scale leaves the widget (a radio group is one tab stop)', async () => {
    const tp = uniqueTouchpoint('kbd-csat');
    const { el } = await page(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="csat" lang="en"></cx-feedback>`,
    );
    await press('Tab');
    await press('Tab');
    expect(document.activeElement?.id, 'the scale is a single tab stop').to.equal('after');
    await press('Shift+Tab');
    expect(focused(el)?.getAttribute('type')).to.equal('radio');
    // Back into a group with nothing checked, Chromium and Firefox focus the first option, WebKit the last (and its
    // arrows do not wrap): move inwards.
    const start = focused(el)!.getAttribute('value');
    await press(start == '5' ? 'ArrowLeft' : 'ArrowRight');
    const moved = focused(el)!.getAttribute('value');
    expect(moved, 'the arrow moved within the group').to.not.equal(start);
    await press('Space');
    const [row] = await storedCount(tp, 1);
    expect(row.payload.answers[0].value).to.equal(Number(moved));
  });

  it('the follow-up text field is reachable and sendable by keyboard', async () => {
    const tp = uniqueTouchpoint('kbd-follow');
    const { el } = await page(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="thumbs" follow-up="What was missing?" lang="en"></cx-feedback>`,
    );
    await press('Tab');
    await press('ArrowRight'); // thumbs: Yes, then No
    await press('Enter');
    await settled(el);
    expect(focused(el)?.tagName, 'focus moves to the follow-up field').to.equal('TEXTAREA');
    await type('More screenshots');
    await press('Tab');
    expect(focused(el)?.textContent?.trim()).to.equal('Send');
    await press('Tab');
    expect(focused(el)?.textContent?.trim()).to.equal('Skip');
    await press('Shift+Tab');
    await press('Enter');
    const rows = await storedCount(tp, 2);
    expect(rows.map((r) => r.payload.answers[0].value)).to.have.deep.members([0, 'More screenshots']);
    await settled(el);
    expect(focused(el)?.classList.contains('thanks')).to.equal(true);
  });

  it('a choice survey: arrows to "Other", Tab to its text field, Tab to Send', async () => {
    const tp = uniqueTouchpoint('kbd-choice');
    const { el } = await page(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} lang="en"><script type="application/json">${CHOICE_SURVEY}</script></cx-feedback>`,
    );
    await press('Tab');
    for (let i = 0; i < 3; i++) await press('ArrowDown');
    await settled(el);
    expect(checkedValue(el)).to.equal('other');
    await pause(100);
    expect(await stored(tp), 'a choice with Send is not one tap').to.have.length(0);
    await press('Tab');
    expect(focused(el)?.classList.contains('other')).to.equal(true);
    await type('A friend told me');
    await press('Tab');
    await press('Enter');
    const [row] = await storedCount(tp, 1);
    expect(row.payload.answers[0]).to.include({ value: 'other', other: 'A friend told me' });
    await settled(el);
    expect(focused(el)?.tagName, 'the text question comes next').to.equal('TEXTAREA');
  });

  it('right to left: ArrowLeft moves to the next value, as the scale reads', async function () {
    // WebKitGTK's radio groups ignore the writing direction for arrow keys (measured: ArrowLeft selects nothing here).
    if (engine == 'webkit') this.skip();
    const tp = uniqueTouchpoint('kbd-rtl');
    const { el } = await page(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="ces" lang="ar" locales=${arabicLocales()}></cx-feedback>`,
    );
    await untilArabic(el);
    await press('Tab');
    await press('ArrowLeft');
    await press('ArrowLeft');
    await settled(el);
    expect(checkedValue(el)).to.equal('3');
    const one = shadow(el).querySelector('[data-value="1"]')!.getBoundingClientRect();
    const three = shadow(el).querySelector('[data-value="3"]')!.getBoundingClientRect();
    expect(three.right, 'value 3 sits left of value 1').to.be.lessThan(one.left);
  });
});

describe('keyboard: popover and floating', () => {
  const floating = (tp: string) =>
    html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="csat" mode="floating" lang="en" debug></cx-feedback>`;

  it('the launcher opens the card; Escape closes it and focus is back on the launcher', async () => {
    const { el } = await page(floating(uniqueTouchpoint('kbd-float')));
    await press('Tab');
    const launcher = shadow(el).querySelector<HTMLButtonElement>('.launcher')!;
    expect(focused(el)).to.equal(launcher);
    expect(launcher.getAttribute('aria-expanded')).to.equal('false');
    await press('Enter');
    await untilPlaced(el);
    await settled(el);
    expect(launcher.getAttribute('aria-expanded')).to.equal('true');
    shadow(el).querySelector<HTMLInputElement>('.card input')!.focus();
    await press('Escape');
    await settled(el);
    expect(shadow(el).querySelector('.card')).to.equal(null);
    expect(focused(el)).to.equal(launcher);
  });

  it('opened by the launcher, the card takes focus (its first control)', async () => {
    const { el } = await page(floating(uniqueTouchpoint('kbd-float-focus')));
    await press('Tab');
    await press('Enter');
    await untilPlaced(el);
    await settled(el);
    expect(shadow(el).querySelector('.card')!.contains(focused(el)), 'focus is inside the card').to.equal(true);
    expect(focused(el)?.getAttribute('type')).to.equal('radio');
  });

  it('the card is closable by keyboard: close, scale, "Ask me later" in Tab order; close returns focus to the launcher', async () => {
    const { el } = await page(floating(uniqueTouchpoint('kbd-float-close')));
    await press('Tab');
    await press('Enter');
    await untilPlaced(el);
    await settled(el);
    shadow(el).querySelector<HTMLButtonElement>('.close')!.focus();
    await press('Tab');
    expect(focused(el)?.getAttribute('type')).to.equal('radio');
    await press('Tab');
    expect(focused(el)?.textContent?.trim()).to.equal('Ask me later');
    await press('Shift+Tab');
    await press('Shift+Tab');
    expect(focused(el)?.getAttribute('aria-label')).to.equal('Close');
    await press('Enter');
    await settled(el);
    expect(focused(el)?.classList.contains('launcher')).to.equal(true);
  });

  it('a popover that opens by itself does not take focus', async () => {
    const root = await fixture<HTMLElement>(html`<div style="padding: 80px">
      <button id="anchor">Place order</button>
      <cx-feedback endpoint=${ENDPOINT} touchpoint=${uniqueTouchpoint('kbd-pop')} question="nps" mode="popover" anchor="#anchor" trigger="manual" lang="en" debug></cx-feedback>
    </div>`);
    const el = root.querySelector('cx-feedback') as CxFeedback;
    const anchor = root.querySelector<HTMLButtonElement>('#anchor')!;
    anchor.focus();
    el.show();
    await untilPlaced(el);
    await settled(el);
    expect(document.activeElement).to.equal(anchor);
    // Escape (from the page, not a text field) still closes it, and focus stays where it was.
    await press('Escape');
    await waitUntil(() => !shadow(el).querySelector('.card'), 'the card closes');
    expect(document.activeElement).to.equal(anchor);
  });
});
