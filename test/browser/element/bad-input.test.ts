import { expect, html } from '@open-wc/testing';
import type { CxFeedback } from '../../../src/element/cx-feedback.ts';
import { resetWarnings } from '../../../src/util/warn.ts';
import { ENDPOINT, mount, shadow, spyWarnings } from './helpers.ts';

describe('<cx-feedback> bad input', () => {
  let spy: ReturnType<typeof spyWarnings>;
  beforeEach(() => {
    resetWarnings();
    spy = spyWarnings();
  });
  afterEach(() => spy.restore());

  const cases: Array<[string, () => ReturnType<typeof html>, RegExp]> = [
    [
      'missing endpoint',
      () => html`<cx-feedback touchpoint="bad-1" question="nps"></cx-feedback>`,
      /^cx-feedback \(touchpoint "bad-1"\): endpoint is required/,
    ],
    [
      'unknown kind',
      () => html`<cx-feedback endpoint=${ENDPOINT} touchpoint="bad-2" question="stars"></cx-feedback>`,
      /question="stars": expected one of "emoji", "thumbs", "csat", "nps", "ces"/,
    ],
    [
      'bad metadata',
      () => html`<cx-feedback endpoint=${ENDPOINT} touchpoint="bad-3" question="nps" metadata="{oops"></cx-feedback>`,
      /metadata: not valid JSON/,
    ],
    [
      'malformed survey JSON',
      () =>
        html`<cx-feedback endpoint=${ENDPOINT} touchpoint="bad-4"><script type="application/json">{"id":</script></cx-feedback>`,
      /survey JSON .*not valid JSON/,
    ],
    [
      'schema violation',
      () =>
        html`<cx-feedback endpoint=${ENDPOINT} touchpoint="bad-5"><script type="application/json">{"id":"s","questions":[{"id":"q","type":"nps","showIf":{"question":"q"}}]}</script></cx-feedback>`,
      /questions\[0\]\.showIf: the first question cannot be conditional/,
    ],
  ];
  for (const [name, template, pattern] of cases) {
    it(`${name}: renders nothing, logs one clear message and fires one cx-error (config)`, async () => {
      const errors: string[] = [];
      const onError = (e: Event) => errors.push((e as CustomEvent<{ kind: string }>).detail.kind);
      document.addEventListener('cx-error', onError);
      try {
        // updateComplete waits until configuration problems are reported.
        const el = await mount(template());
        expect(shadow(el).querySelector('.card')).to.equal(null);
        expect(spy.messages.filter((m) => pattern.test(m))).to.have.length(1);
        expect(spy.messages.every((m) => m.startsWith('cx-feedback'))).to.equal(true);
        expect(errors).to.deep.equal(['config']);
      } finally {
        document.removeEventListener('cx-error', onError);
      }
    });
  }

  it('a survey the page sets half a second after connecting (fetched from an API) causes no warning and no cx-error', async () => {
    const errors: string[] = [];
    const onError = (e: Event) => errors.push((e as CustomEvent<{ kind: string }>).detail.kind);
    document.addEventListener('cx-error', onError);
    try {
      const el = document.createElement('cx-feedback') as CxFeedback;
      el.setAttribute('endpoint', ENDPOINT);
      el.setAttribute('touchpoint', 'bad-late');
      document.body.append(el);
      await new Promise((resolve) => setTimeout(resolve, 500)); // the page's fetch
      el.survey = { id: 'late', questions: [{ id: 'q', type: 'csat' }] } as CxFeedback['survey'];
      await el.updateComplete;
      expect(shadow(el).querySelectorAll('[part~="option"]').length).to.equal(5);
      expect(spy.messages).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
      el.remove();
    } finally {
      document.removeEventListener('cx-error', onError);
    }
  });

  it('a widget that never gets a question or a survey says so, once, after waiting for one', async () => {
    const errors: string[] = [];
    const onError = (e: Event) => errors.push((e as CustomEvent<{ kind: string }>).detail.kind);
    document.addEventListener('cx-error', onError);
    try {
      await mount(html`<cx-feedback endpoint=${ENDPOINT} touchpoint="bad-never"></cx-feedback>`);
      expect(spy.messages.filter((m) => m.includes('question is required'))).to.have.length(1);
      expect(errors).to.deep.equal(['config']);
    } finally {
      document.removeEventListener('cx-error', onError);
    }
  });

  it('recovers when the attribute is corrected', async () => {
    const el = await mount(html`<cx-feedback touchpoint="bad-6" question="nps"></cx-feedback>`);
    expect(shadow(el).querySelector('.card')).to.equal(null);
    el.endpoint = ENDPOINT;
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('[part~="option"]').length).to.equal(11);
  });
});
