import { expect, html, oneEvent } from '@open-wc/testing';
import { settled } from '../a11y/helpers.ts';
import { ENDPOINT, mount, option, options, shadow, spyWarnings, storedCount, uniqueTouchpoint } from './helpers.ts';

const texts = (el: HTMLElement) => options(el).map((o) => o.querySelector('.text')?.textContent ?? '');

describe('<cx-feedback> asks what CX teams measure', () => {
  it('reaction: six named emotions, each with its emoji and its name as visible text; one tap sends the value', async () => {
    const tp = uniqueTouchpoint('reaction');
    const el = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="reaction" lang="en"></cx-feedback>`,
    );
    expect(texts(el)).to.deep.equal(['Delighted', 'Happy', 'Neutral', 'Confused', 'Frustrated', 'Angry']);
    expect(options(el).map((o) => o.querySelector('.emoji')?.textContent)).to.deep.equal([
      '😍',
      '🙂',
      '😐',
      '😕',
      '😤',
      '😠',
    ]);
    expect(shadow(el).querySelector('legend')?.textContent).to.equal('How do you feel about this?');
    option(el, 'frustrated').click();
    const [row] = await storedCount(tp, 1);
    // The default set's valence is known to every receiver; only a survey's own set sends it.
    expect(row.payload.answers).to.deep.equal([{ questionId: 'reaction', type: 'reaction', value: 'frustrated' }]);
  });

  it('expectation and task: visible answers, values 1–3 and 2/1/0', async () => {
    const expectation = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint="exp" question="expectation" lang="en"></cx-feedback>`,
    );
    expect(texts(expectation)).to.deep.equal(['Worse than expected', 'About what I expected', 'Better than expected']);
    const tp = uniqueTouchpoint('task');
    const task = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="task" lang="en"></cx-feedback>`,
    );
    expect(texts(task)).to.deep.equal(['Yes', 'Partly', 'No']);
    expect(shadow(task).querySelector('legend')?.textContent).to.equal('Did you find what you came for?');
    option(task, 1).click();
    const [row] = await storedCount(tp, 1);
    expect(row.payload.answers[0]).to.deep.equal({ questionId: 'task', type: 'task', value: 1 });
  });

  it('emoji faces show their names; hide-labels keeps them for screen readers only', async () => {
    const shown = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint="faces" question="emoji" lang="en"></cx-feedback>`,
    );
    expect(texts(shown)).to.deep.equal(['Very unhappy', 'Unhappy', 'Neutral', 'Happy', 'Very happy']);
    const hidden = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint="faces" question="emoji" hide-labels lang="en"></cx-feedback>`,
    );
    expect(texts(hidden)).to.deep.equal(['', '', '', '', '']);
    expect(shadow(hidden).querySelector('input')?.getAttribute('aria-label')).to.equal('Very unhappy');
  });

  it('a survey’s own reaction set, several at once: the value is a list and each answer carries its valence', async () => {
    const tp = uniqueTouchpoint('own-set');
    const survey = {
      id: 'feelings',
      questions: [
        {
          id: 'feel',
          type: 'reaction',
          multiple: true,
          level: 'usability',
          options: [
            { value: 'relieved', emoji: '😌', label: 'Relieved', valence: 'positive' },
            { value: 'lost', emoji: '🫥', label: 'Lost', valence: 'negative' },
          ],
        },
      ],
    };
    const el = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} .survey=${survey} lang="en"></cx-feedback>`,
    );
    expect(texts(el)).to.deep.equal(['Relieved', 'Lost']);
    option(el, 'lost').click();
    await el.updateComplete;
    (shadow(el).querySelector('button.primary') as HTMLButtonElement).click();
    const [row] = await storedCount(tp, 1);
    expect(row.payload.answers).to.deep.equal([
      { questionId: 'feel', type: 'reaction', value: ['lost'], level: 'usability' },
    ]);
  });

  it('follow-up-when="negative" follows a reaction’s valence', async () => {
    const ask = async (value: string) => {
      const el =
        await mount(html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${uniqueTouchpoint('fu')} question="reaction"
        follow-up="What went wrong?" follow-up-when="negative" lang="en"></cx-feedback>`);
      option(el, value).click();
      await el.updateComplete;
      return shadow(el).querySelector('textarea') !== null;
    };
    expect(await ask('angry')).to.equal(true);
    expect(await ask('happy')).to.equal(false);
  });

  it('stage is sent as context.stage, from the attribute or the survey', async () => {
    const tp = uniqueTouchpoint('stage');
    const el = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="thumbs" stage="support"></cx-feedback>`,
    );
    option(el, 1).click();
    const [row] = await storedCount(tp, 1);
    expect(row.payload.context.stage).to.equal('support');
    const tp2 = uniqueTouchpoint('stage-json');
    const json = await mount(html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp2}
      .survey=${{ id: 's', stage: 'receive', questions: [{ id: 'e', type: 'expectation' }] }}></cx-feedback>`);
    option(json, 3).click();
    const [second] = await storedCount(tp2, 1);
    expect(second.payload.context.stage).to.equal('receive');
  });

  it('a stage outside its character set is a configuration problem naming it', async () => {
    const warnings = spyWarnings();
    try {
      const el = await mount(
        html`<cx-feedback endpoint=${ENDPOINT} touchpoint="bad-stage" question="thumbs" stage="after sales"></cx-feedback>`,
      );
      expect(options(el)).to.have.length(0);
      expect(warnings.messages.join('\n')).to.match(/stage="after sales": use 1–64 letters/);
    } finally {
      warnings.restore();
    }
  });
});

describe('a bad moment is a chance: recovery', () => {
  const RECOVERY = JSON.stringify({ text: 'Sorry about that. Chat with us', href: '/support/chat?from=widget' });
  const widget = (tp: string, recovery = RECOVERY) =>
    mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${tp} question="thumbs" recovery=${recovery} lang="en"></cx-feedback>`,
    );

  it('after a negative answer the thank-you offers a real, focusable link; cx-recovery carries the payload', async () => {
    const el = await widget(uniqueTouchpoint('recover'));
    const recovery = oneEvent(el, 'cx-recovery');
    option(el, 0).click();
    const { detail } = await recovery;
    expect(detail.sentiment).to.equal('negative');
    expect(detail.payload.answers[0]).to.include({ type: 'thumbs', value: 0 });
    await el.updateComplete;
    const link = shadow(el).querySelector<HTMLAnchorElement>('a[part="recovery"]');
    expect(link?.textContent).to.equal('Sorry about that. Chat with us');
    expect(link?.getAttribute('href')).to.equal('/support/chat?from=widget');
    // Inside the status region, so screen readers announce it with the thank-you.
    expect(link?.closest('[role="status"]')).to.not.equal(null);
    link!.focus();
    expect(shadow(el).activeElement).to.equal(link);
    // The thank-you fades in: contrast is measured once it is fully on screen (a mid-fade frame failed in Firefox).
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('no offer and no event after a positive answer', async () => {
    const el = await widget(uniqueTouchpoint('no-recover'));
    let fired = false;
    el.addEventListener('cx-recovery', () => (fired = true));
    const submitted = oneEvent(el, 'cx-submit');
    option(el, 1).click();
    await submitted; // the answer was handled: a cx-recovery would have fired by now
    await el.updateComplete;
    expect(fired).to.equal(false);
    expect(shadow(el).querySelector('[part="recovery"]')).to.equal(null);
    expect(shadow(el).querySelector('.thanks')).to.not.equal(null);
  });

  it('preventDefault() on cx-recovery hides the built-in offer (the site opens its own chat)', async () => {
    const el = await widget(uniqueTouchpoint('own-chat'));
    el.addEventListener('cx-recovery', (event) => event.preventDefault());
    option(el, 0).click();
    await el.updateComplete;
    expect(shadow(el).querySelector('.thanks')).to.not.equal(null);
    expect(shadow(el).querySelector('[part="recovery"]')).to.equal(null);
  });

  it('cx-recovery fires on a negative answer even without an offer configured', async () => {
    const el = await mount(
      html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${uniqueTouchpoint('bare')} question="expectation"></cx-feedback>`,
    );
    const recovery = oneEvent(el, 'cx-recovery');
    option(el, 1).click();
    expect((await recovery).detail.payload.answers[0]).to.include({ type: 'expectation', value: 1 });
  });

  for (const href of ['javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,hi']) {
    it(`an href of ${JSON.stringify(href)} is a configuration error, never a link`, async () => {
      const warnings = spyWarnings();
      try {
        const errors: string[][] = [];
        const tp = uniqueTouchpoint('evil');
        const el = document.createElement('cx-feedback');
        el.addEventListener('cx-error', (e) => errors.push(e.detail.problems ?? []));
        Object.assign(el, {
          endpoint: ENDPOINT,
          touchpoint: tp,
          question: 'thumbs',
          recovery: JSON.stringify({ text: 'Help', href }),
        });
        document.body.append(el);
        await el.updateComplete;
        expect(options(el)).to.have.length(0);
        expect(errors.flat().join('\n')).to.match(
          /recovery\.href=.*expected an http\(s\) URL or a path relative to the page/,
        );
        el.remove();
      } finally {
        warnings.restore();
      }
    });
  }
});

describe('personalised prompts', () => {
  it('fills {placeholders} in the prompt, the follow-up and option labels from metadata, as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const metadata = JSON.stringify({ product: 'Trail shoes', order: hostile });
    const el = await mount(html`<cx-feedback endpoint=${ENDPOINT} touchpoint=${uniqueTouchpoint('ph')} question="csat"
      prompt="How was the delivery of {product}?" follow-up="Anything about order {order}?" metadata=${metadata} lang="en"></cx-feedback>`);
    expect(shadow(el).querySelector('legend')?.textContent).to.equal('How was the delivery of Trail shoes?');
    option(el, 2).click();
    await el.updateComplete;
    const label = shadow(el).querySelector('label[for]');
    expect(label?.textContent).to.equal(`Anything about order ${hostile}?`);
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('a key the metadata lacks is a warning, and the placeholder is shown as it is', async () => {
    const warnings = spyWarnings();
    try {
      const el = await mount(html`<cx-feedback endpoint=${ENDPOINT} touchpoint="ph-missing" question="thumbs"
        prompt="Did {product} arrive on time?" metadata='{"order":"A-1"}' lang="en"></cx-feedback>`);
      expect(shadow(el).querySelector('legend')?.textContent).to.equal('Did {product} arrive on time?');
      expect(warnings.messages.join('\n')).to.match(
        /\{product\}: no such key in metadata; shown as it is \(metadata keys: order\)/,
      );
    } finally {
      warnings.restore();
    }
  });
});

describe('properties set late, as React and Angular do', () => {
  it('a widget whose properties arrive a task after it connected reports nothing and renders', async () => {
    const warnings = spyWarnings();
    try {
      const errors: unknown[] = [];
      const el = document.createElement('cx-feedback');
      el.addEventListener('cx-error', (e) => errors.push(e.detail));
      document.body.append(el);
      await new Promise((resolve) => setTimeout(resolve));
      Object.assign(el, { endpoint: ENDPOINT, touchpoint: uniqueTouchpoint('late'), question: 'csat' });
      await el.updateComplete;
      expect(options(el)).to.have.length(5);
      expect(errors).to.deep.equal([]);
      expect(warnings.messages.filter((m) => m.startsWith('cx-feedback'))).to.deep.equal([]);
      el.remove();
    } finally {
      warnings.restore();
    }
  });

  it('one that never gets them reports once, naming what is missing', async () => {
    const warnings = spyWarnings();
    try {
      const errors: { problems?: string[] }[] = [];
      const el = document.createElement('cx-feedback');
      el.addEventListener('cx-error', (e) => errors.push(e.detail));
      document.body.append(el);
      await el.updateComplete;
      expect(errors).to.have.length(1);
      expect(errors[0]!.problems?.join('\n')).to.match(/endpoint is required/);
      el.remove();
    } finally {
      warnings.restore();
    }
  });
});
