import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { press } from '../support/engine.ts';
import { ENDPOINT, mount, option, shadow, storedCount, uniqueTouchpoint } from './helpers.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('<cx-feedback> delivers one tap', () => {
  it('one tap posts a v1 payload, shows thanks, fires cx-submit then cx-sent', async () => {
    const tp = uniqueTouchpoint('tap');
    const el = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="nps" metadata='{"plan":"pro"}' lang="en"></cx-feedback>`,
    );
    const events: string[] = [];
    for (const name of ['cx-answer', 'cx-submit', 'cx-sent', 'cx-close'] as const)
      el.addEventListener(name, () => events.push(name));
    const submitted = oneEvent(el, 'cx-submit');
    const sent = oneEvent(el, 'cx-sent');
    option(el, 9).click();
    const payload = (await submitted).detail;
    await sent;
    const [row] = await storedCount(tp, 1);
    // The outbox stamps each attempt; everything else is exactly what cx-submit announced.
    const { sentAt, attempt, ...rest } = row.payload;
    expect(rest).to.deep.equal(payload);
    expect(attempt).to.equal(1);
    expect(Date.parse(String(sentAt))).to.be.closeTo(Date.now(), 60_000);
    expect(row.payload).to.include({ v: 1, surveyId: `${tp}-nps`, touchpoint: tp });
    expect(row.payload.id).to.match(UUID);
    expect(row.payload.answers).to.deep.equal([{ questionId: 'nps', type: 'nps', value: 9 }]);
    expect(row.payload.metadata).to.deep.equal({ plan: 'pro' });
    expect(row.payload.context.url).to.equal(location.origin + location.pathname);
    expect(row.payload.context.locale).to.equal('en');
    // CORS-simple request: no preflight needed on a cross-origin endpoint.
    expect(row.contentType).to.match(/^text\/plain/);
    expect(events).to.deep.equal(['cx-answer', 'cx-submit', 'cx-close', 'cx-sent']);
    expect(shadow(el).querySelector('[part="thanks"]')?.textContent).to.equal('Thank you!');
    expect(shadow(el).querySelector('[part~="option"]')).to.equal(null);
  });

  it('a double click stores one response', async () => {
    const tp = uniqueTouchpoint('double');
    const el = await mount(html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="csat"></cx-feedback>`);
    const submitted: string[] = [];
    el.addEventListener('cx-submit', (e) => submitted.push(e.detail.id));
    const o = option(el, 4);
    o.click();
    o.click();
    // A response is handed to delivery in the click's own task: what the two clicks made is known at once.
    expect(submitted).to.have.length(1);
    const [row] = await storedCount(tp, 1);
    expect(row.payload.id).to.equal(submitted[0]);
  });

  it('a follow-up arrives as its own payload linked to the first', async () => {
    const tp = uniqueTouchpoint('follow');
    const el = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="thumbs" follow-up="What was missing?" follow-up-when="negative"></cx-feedback>`,
    );
    option(el, 0).click();
    const [first] = await storedCount(tp, 1); // the first tap does not wait for the follow-up
    await el.updateComplete;
    const textarea = shadow(el).querySelector('textarea') as HTMLTextAreaElement;
    expect(shadow(el).querySelector('label[for]')?.textContent).to.equal('What was missing?');
    textarea.value = 'The screenshots are outdated. Mail me at jane@example.com';
    textarea.dispatchEvent(new Event('input'));
    (shadow(el).querySelector('button.primary') as HTMLButtonElement).click();
    const list = await storedCount(tp, 2);
    const second = list.find((r) => r.payload.id !== first.payload.id)!;
    expect(second.payload.followUpOf).to.equal(first.payload.id);
    expect(second.payload.answers).to.deep.equal([
      { questionId: 'follow-up', type: 'text', value: 'The screenshots are outdated. Mail me at [email]' },
    ]);
    expect(second.payload.context.redacted).to.deep.equal(['email']);
  });

  it('skips the negative-only follow-up after a positive answer', async () => {
    const tp = uniqueTouchpoint('positive');
    const el = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="thumbs" follow-up="What was missing?" follow-up-when="negative"></cx-feedback>`,
    );
    option(el, 1).click();
    await el.updateComplete;
    expect(shadow(el).querySelector('textarea')).to.equal(null);
    expect(shadow(el).querySelector('[part="thanks"]')).to.not.equal(null);
    await storedCount(tp, 1);
  });
});

describe('<cx-feedback> keyboard', () => {
  it('arrow keys browse without answering; Enter answers the focused option', async () => {
    const tp = uniqueTouchpoint('keys');
    const el = await mount(html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="ces"></cx-feedback>`);
    const first = shadow(el).querySelector('input') as HTMLInputElement;
    first.focus();
    let submitted = 0;
    el.addEventListener('cx-submit', () => submitted++);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    // Each key's click is dispatched (and would submit) before sendKeys resolves.
    await el.updateComplete;
    expect(submitted).to.equal(0);
    expect(shadow(el).querySelector('[part~="option-selected"]')?.getAttribute('data-value')).to.equal('3');
    await sendKeys({ press: 'Enter' });
    const [row] = await storedCount(tp, 1);
    expect(row.payload.answers[0].value).to.equal(3);
    // Focus stays inside the widget on the thank-you message instead of falling back to <body>.
    await el.updateComplete;
    expect(shadow(el).activeElement?.getAttribute('part')).to.equal('thanks');
  });

  it('Space answers the focused option', async () => {
    const tp = uniqueTouchpoint('space');
    const el = await mount(html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="emoji"></cx-feedback>`);
    (shadow(el).querySelector('input') as HTMLInputElement).focus();
    await sendKeys({ press: 'ArrowRight' });
    await press('Space');
    const [row] = await storedCount(tp, 1);
    expect(row.payload.answers[0]).to.deep.equal({ questionId: 'emoji', type: 'emoji', value: 2 });
  });
});
