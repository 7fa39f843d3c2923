import { expect, waitUntil } from '@open-wc/testing';
import { markFired } from '../../../src/script/handoff.ts';
import { planFor } from '../../../src/script/plan.ts';
import { STORAGE_KEY } from '../../../src/frequency/store.ts';
import type { CxFeedback } from '../../../src/element/cx-feedback.ts';
import { ENDPOINT, shadow, uniqueTouchpoint } from '../element/helpers.ts';

/**
 * The entry module's side of the split, in real Chromium: what it decides from a <cx-feedback>'s attributes before
 * the element exists (src/script/plan.ts), and the element opening at once for a trigger the entry already heard.
 */
const widget = (attrs: Record<string, string>, json?: string): HTMLElement => {
  const el = document.createElement('cx-feedback');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (json) el.append(Object.assign(document.createElement('script'), { type: 'application/json', textContent: json }));
  return el;
};
const popover = (extra: Record<string, string> = {}) =>
  widget({ touchpoint: 'checkout', question: 'ces', mode: 'popover', trigger: 'event:done', ...extra });

describe('entry: planFor', () => {
  it('loads the element for what shows at once: inline, floating, a popover on load', () => {
    expect(planFor(widget({ touchpoint: 't', question: 'csat' }))).to.have.property('load');
    expect(planFor(widget({ touchpoint: 't', question: 'csat', mode: 'floating' }))).to.have.property('load');
    expect(planFor(widget({ touchpoint: 't', question: 'csat', mode: 'popover' }))).to.deep.equal({
      load: 'trigger load',
    });
  });

  it('waits for a popover with a trigger, under the survey id the element will use', () => {
    expect(planFor(popover())).to.deep.include({
      id: 'checkout-ces',
      trigger: { kind: 'event', value: 'done' },
      anchor: '',
    });
    expect(planFor(popover({ 'survey-id': 'post-purchase' }))).to.deep.include({ id: 'post-purchase' });
    expect(planFor(popover({ frequency: 'once', sample: '20%', 'cooldown-days': '3' }))).to.deep.include({
      rules: {
        interrupting: true,
        debug: false,
        frequency: 'once',
        recontactDays: undefined,
        cooldownDays: 3,
        snoozeDays: undefined,
        sample: 20,
      },
    });
  });

  it('takes the id of a child JSON survey or the survey property, as the element does', () => {
    const json = widget(
      { mode: 'popover', trigger: 'event:done', touchpoint: 't' },
      '{"id":"from-json","questions":[{"id":"q","type":"csat"}]}',
    );
    expect(planFor(json)).to.deep.include({ id: 'from-json' });
    const prop = Object.assign(popover(), { survey: { id: 'from-property', questions: [] } });
    expect(planFor(prop)).to.deep.include({ id: 'from-property' });
  });

  it('does nothing for a manual popover or one whose url does not match this page', () => {
    expect(planFor(popover({ trigger: 'manual' }))).to.deep.equal({ wait: 'trigger manual' });
    expect(planFor(popover({ url: 'contains:/no-such-page' }))).to.have.property('wait');
    expect(planFor(popover({ url: `contains:${location.pathname}` }))).to.have.property('trigger');
  });

  it('leaves anything the element would warn about to the element: it loads', () => {
    const bads: Record<string, string>[] = [
      { trigger: 'sometimes' },
      { frequency: 'often' },
      { sample: '200' },
      { url: 'regex:(' },
    ];
    for (const bad of bads) expect(planFor(popover(bad)), JSON.stringify(bad)).to.have.property('load');
    expect(planFor(widget({ mode: 'popover', trigger: 'event:done' }))).to.deep.equal({ load: 'no survey id' });
    expect(planFor(widget({ mode: 'popover', trigger: 'event:done', touchpoint: 't' }, '{not json'))).to.deep.equal({
      load: 'no survey id',
    });
  });
});

describe('entry: handoff to the element', () => {
  beforeEach(() => localStorage.removeItem(STORAGE_KEY));

  it('a popover the entry marked as fired opens when it connects, without hearing its trigger again', async () => {
    const tp = uniqueTouchpoint('handoff');
    const el = widget({
      endpoint: ENDPOINT,
      touchpoint: tp,
      question: 'csat',
      mode: 'popover',
      trigger: `event:${tp}`,
    });
    markFired(el, `event:${tp}`);
    const shown = new Promise<string>((ok) =>
      el.addEventListener('cx-show', (e) => ok((e as CustomEvent<{ trigger: string }>).detail.trigger)),
    );
    document.body.append(el);
    expect(await shown).to.equal(`event:${tp}`);
    await waitUntil(() => shadow(el).querySelector('.card'), 'no card');
    el.remove();
  });

  it('an unmarked popover still waits for its trigger', async () => {
    const tp = uniqueTouchpoint('no-handoff');
    const el = widget({
      endpoint: ENDPOINT,
      touchpoint: tp,
      question: 'csat',
      mode: 'popover',
      trigger: `event:${tp}`,
    });
    document.body.append(el);
    // Settled: the configuration read and the trigger armed (the event below opens it, so it was).
    await (el as CxFeedback).updateComplete;
    expect(shadow(el).querySelector('.card')).to.equal(null);
    document.dispatchEvent(new CustomEvent(tp));
    await waitUntil(() => shadow(el).querySelector('.card'), 'no card after the event');
    el.remove();
  });
});
