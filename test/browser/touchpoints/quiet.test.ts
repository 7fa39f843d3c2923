import { expect, fixture, html } from '@open-wc/testing';
import { startTrigger } from '../../../src/triggers/index.ts';
import { isProblem, parseTrigger } from '../../../src/triggers/parse.ts';
import { deepActiveElement, quietReason } from '../../../src/triggers/quiet.ts';
import { FAST, frames, recorder, tick, until } from './helpers.ts';

let stops: (() => void)[] = [];
afterEach(() => {
  stops.forEach((s) => s());
  stops = [];
  (document.activeElement as HTMLElement | null)?.blur();
});

async function arm(text: string, quiet: object = FAST) {
  const element = await fixture<HTMLElement>(html`<div></div>`);
  const r = recorder();
  const waits: string[] = [];
  const t = parseTrigger(text);
  if (isProblem(t)) throw new Error(t.problem);
  stops.push(startTrigger(t, { element, fire: r.fire, quiet, onWait: (why) => waits.push(why) }));
  return { ...r, waits };
}

const rechecks = async () => {
  await frames(1);
  await tick(80);
};

describe('quiet zones', () => {
  it('typing in a field defers an automatic trigger until the field loses focus', async () => {
    const input = await fixture<HTMLInputElement>(html`<input />`);
    input.focus();
    const t = await arm('load');
    await rechecks();
    expect(t.fired()).to.equal(false);
    expect(t.waits).to.deep.equal(['the visitor is typing in a form field']);
    input.blur();
    await until(t.fired);
  });

  it('typing defers site-chosen moments (event:) too', async () => {
    const area = await fixture<HTMLTextAreaElement>(html`<textarea></textarea>`);
    area.focus();
    const t = await arm('event:order-complete');
    document.dispatchEvent(new Event('order-complete'));
    await rechecks();
    expect(t.fired()).to.equal(false);
    area.blur();
    await until(t.fired);
  });

  it('sees fields inside open shadow roots and contenteditable', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    host.attachShadow({ mode: 'open' }).innerHTML = '<select><option>a</option></select>';
    const select = host.shadowRoot!.querySelector('select')!;
    select.focus();
    expect(deepActiveElement()).to.equal(select);
    expect(quietReason('prompt')).to.contain('typing');
    select.blur();
    const editor = await fixture<HTMLElement>(html`<div contenteditable="true"><p>hi</p></div>`);
    editor.focus();
    expect(quietReason('prompt')).to.contain('typing');
    editor.blur();
    expect(quietReason('prompt')).to.equal(undefined);
  });

  it('a focused button is not typing', async () => {
    const button = await fixture<HTMLButtonElement>(html`<button>ok</button>`);
    button.focus();
    expect(quietReason('prompt')).to.equal(undefined);
  });

  it('an open dialog defers until it closes', async () => {
    const dialog = await fixture<HTMLDialogElement>(html`<dialog><p>Terms</p></dialog>`);
    dialog.showModal();
    (document.activeElement as HTMLElement | null)?.blur();
    const t = await arm('load');
    await rechecks();
    expect(t.fired()).to.equal(false);
    expect(t.waits).to.deep.equal(['a dialog is open']);
    dialog.close();
    await until(t.fired);
  });

  it('a hidden aria-modal element does not count', async () => {
    await fixture(html`<div aria-modal="true" style="display:none"></div>`);
    expect(quietReason('automatic', FAST)).to.equal(undefined);
  });

  it('automatic triggers wait out the start of the page', async () => {
    const since = performance.now();
    const t = await arm('load', { settle: 150, since, recheck: 15 });
    await rechecks();
    expect(t.fired()).to.equal(false);
    expect(t.waits).to.deep.equal(['the page has just started']);
    await until(t.fired);
    expect(performance.now() - since).to.be.at.least(150);
  });

  it('site-chosen moments do not wait for the start of the page', async () => {
    const t = await arm('event:go', { settle: 60_000, since: performance.now() });
    document.dispatchEvent(new Event('go'));
    await until(t.fired);
    expect(t.waits).to.deep.equal([]);
  });

  it('the default start period is 3 s after navigation start', () => {
    expect(quietReason('automatic', { since: performance.now() })).to.equal('the page has just started');
    expect(quietReason('automatic', { since: performance.now() - 3001 })).to.equal(undefined);
  });

  it('quiet: false (inline widgets) fires regardless', async () => {
    const input = await fixture<HTMLInputElement>(html`<input />`);
    input.focus();
    const element = await fixture<HTMLElement>(html`<div></div>`);
    const r = recorder();
    stops.push(startTrigger({ kind: 'load' }, { element, fire: r.fire, quiet: false }));
    await until(r.fired);
  });
});
