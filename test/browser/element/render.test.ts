import { expect, html } from '@open-wc/testing';
import { ENDPOINT, mount, options, shadow } from './helpers.ts';

describe('<cx-feedback> renders every kind', () => {
  const cases: Array<[string, string[], [string, string] | null]> = [
    ['emoji', ['1', '2', '3', '4', '5'], null],
    ['thumbs', ['1', '0'], null],
    ['csat', ['1', '2', '3', '4', '5'], ['Very dissatisfied', 'Very satisfied']],
    ['nps', ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], ['Not at all likely', 'Extremely likely']],
    ['ces', ['1', '2', '3', '4', '5', '6', '7'], ['Very difficult', 'Very easy']],
    ['reaction', ['delighted', 'happy', 'neutral', 'confused', 'frustrated', 'angry'], null],
    ['expectation', ['1', '2', '3'], null],
    ['task', ['2', '1', '0'], null],
  ];
  for (const [kind, values, ends] of cases) {
    it(`${kind}: options ${values.join(',')} as real radio controls with accessible names`, async () => {
      const el = await mount(
        html`<cx-feedback endpoint=${ENDPOINT} touchpoint="render" question=${kind} lang="en"></cx-feedback>`,
      );
      const opts = options(el);
      expect(opts.map((o) => o.dataset.value)).to.deep.equal(values);
      for (const o of opts) {
        const input = o.querySelector('input') as HTMLInputElement;
        expect(input.type).to.equal('radio');
        expect(input.getAttribute('aria-label')).to.be.a('string').and.not.equal('');
      }
      const labels = shadow(el).querySelector('[part="labels"]');
      if (ends) expect([...(labels?.children ?? [])].map((c) => c.textContent)).to.deep.equal(ends);
      else expect(labels).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('the upgrade reads the configuration at once and draws the card in a task of its own', async () => {
    const el = document.createElement('cx-feedback');
    Object.assign(el, { endpoint: ENDPOINT, touchpoint: 'render-split', question: 'csat' });
    document.body.append(el);
    try {
      // Microtasks only, so still the task that connected it: Lit's first update runs, and draws nothing.
      for (let i = 0; i < 20 && !el.hasUpdated; i++) await Promise.resolve();
      expect(el.hasUpdated).to.equal(true);
      expect(options(el)).to.have.length(0);
      await el.updateComplete;
      expect(options(el)).to.have.length(5);
    } finally {
      el.remove();
    }
  });

  it('announces end labels in the accessible names of the scale ends', async () => {
    const el = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint="render" question="nps" lang="en"></cx-feedback>`,
    );
    const name = (v: string) => shadow(el).querySelector(`[data-value="${v}"] input`)?.getAttribute('aria-label');
    expect(name('0')).to.equal('0 – Not at all likely');
    expect(name('5')).to.equal('5');
    expect(name('10')).to.equal('10 – Extremely likely');
  });

  it('uses the prompt attribute, else a default prompt per kind', async () => {
    const custom = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint="render" question="thumbs" prompt="Was this article helpful?"></cx-feedback>`,
    );
    expect(shadow(custom).querySelector('legend')?.textContent).to.equal('Was this article helpful?');
    const fallback = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint="render" question="nps" lang="en"></cx-feedback>`,
    );
    expect(shadow(fallback).querySelector('legend')?.textContent).to.match(/recommend/);
  });

  it('renders a full survey from a child JSON script', async () => {
    const el = await mount(html`<cx-feedback endpoint=${ENDPOINT} touchpoint="render">
      <script type="application/json">{"id":"s1","questions":[{"id":"pick","type":"choice","prompt":"Pick one","options":["Price","Speed"]}]}</script>
    </cx-feedback>`);
    expect(options(el).map((o) => o.dataset.value)).to.deep.equal(['Price', 'Speed']);
    expect(shadow(el).querySelector('legend')?.textContent).to.equal('Pick one');
  });

  it('renders prompt and option text as text, never as HTML', async () => {
    const evil = '<img src=x onerror="window.__xss=1">';
    const el = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint="render" question="thumbs" prompt=${evil}></cx-feedback>`,
    );
    el.survey = { id: 'x', questions: [{ id: 'c', type: 'choice', prompt: evil, options: [evil, '<b>bold</b>'] }] };
    await el.updateComplete;
    expect(shadow(el).querySelector('img, b')).to.equal(null);
    expect(shadow(el).querySelector('legend')?.textContent).to.equal(evil);
    expect(options(el)[0].textContent?.trim()).to.equal(evil);
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('stays legible and usable under hostile page CSS', async () => {
    const style = document.createElement('style');
    // What careless or hostile site CSS does to everything: inherited text properties reach into shadow DOM, and
    // selectors matching the host element itself apply to it.
    style.textContent = `* { all: unset; } body { color: #fff !important; font-size: 2px !important; line-height: 0 !important;
      letter-spacing: 12px; text-transform: uppercase; font-family: Wingdings, cursive; direction: rtl; }
      label, input, button, fieldset { display: none !important; width: 1px !important; }`;
    document.head.append(style);
    try {
      const el = await mount(
        html`<cx-feedback endpoint=${ENDPOINT} touchpoint="hostile" question="nps" theme="light"></cx-feedback>`,
      );
      const legend = shadow(el).querySelector('legend')!;
      expect(parseFloat(getComputedStyle(legend).fontSize)).to.be.at.least(14);
      expect(parseFloat(getComputedStyle(legend).lineHeight)).to.be.at.least(18);
      // Text colour is the widget's own, not the page's white-on-white.
      expect(getComputedStyle(legend).color).to.not.equal('rgb(255, 255, 255)');
      for (const o of options(el)) {
        const r = o.getBoundingClientRect();
        expect(getComputedStyle(o).display).to.not.equal('none');
        expect(r.width).to.be.at.least(24);
        expect(r.height).to.be.at.least(24);
      }
    } finally {
      style.remove();
    }
  });
});
