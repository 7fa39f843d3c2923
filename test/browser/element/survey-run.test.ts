import { expect } from '@open-wc/testing';
import type { PayloadV1 } from '../../../src/schema/payload.ts';
import type { Config, ConfigInput } from '../../../src/survey/config.ts';
import { resolveConfig } from '../../../src/survey/config.ts';
import { SurveyRun, type RunCallbacks } from '../../../src/element/survey-run.ts';

/** An attribute widget's configuration, as the element would have read it. */
function configOf(input: Partial<ConfigInput>): Config {
  const result = resolveConfig({
    endpoint: '/responses',
    touchpoint: 'run',
    baseUrl: location.href,
    pageProtocol: location.protocol,
    ...input,
  });
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.config;
}

/** A SurveyRun on a plain element standing in for <cx-feedback>, with what it asked of the element recorded. */
function setUp(input: Partial<ConfigInput>, overrides: Partial<RunCallbacks> = {}) {
  const host = Object.assign(document.createElement('div'), { updates: 0 });
  const renderRoot = host.attachShadow({ mode: 'open' });
  const seen = { delivered: [] as { payload: PayloadV1; first: boolean }[], phases: [] as string[], answered: 0 };
  const events: string[] = [];
  for (const type of ['cx-answer', 'cx-submit', 'cx-recovery'])
    host.addEventListener(type, (event) => events.push(`${type}:${JSON.stringify((event as CustomEvent).detail)}`));
  const config = configOf(input);
  const run = new SurveyRun(
    Object.assign(host, {
      renderRoot,
      addController: () => undefined,
      removeController: () => undefined,
      requestUpdate: () => void host.updates++,
      updateComplete: Promise.resolve(true),
    }),
    {
      config: () => config,
      context: () => ({ locale: 'en', placement: 'inline', keepParams: [], scrubText: true }),
      browsing: () => false,
      answered: () => void seen.answered++,
      deliver: (_endpoint, payload, first) => void seen.delivered.push({ payload, first }),
      phaseChanged: (phase) => void seen.phases.push(phase),
      fail: (error) => {
        throw error;
      },
      ...overrides,
    },
  );
  return { run, host, seen, events, config };
}

describe('SurveyRun: one showing of the survey', () => {
  it('a one-tap answer is sent once, even when tapped twice, and moves the card to the thank-you', () => {
    const { run, seen, events, config } = setUp({ question: 'csat' });
    run.begin('load');
    expect(run.phase).to.equal('asking');
    const [question] = run.questions(config.survey);
    run.pick(question, 4);
    run.pick(question, 5); // a double tap
    expect(seen.delivered).to.have.length(1);
    expect(seen.delivered[0].first).to.equal(true);
    expect(seen.delivered[0].payload.answers).to.deep.equal([{ questionId: 'csat', type: 'csat', value: 4 }]);
    expect(seen.delivered[0].payload.context).to.include({ trigger: 'load', placement: 'inline' });
    expect(seen.answered).to.equal(1);
    expect(run.phase).to.equal('thanks');
    expect(seen.phases).to.deep.equal(['thanks']);
    expect(events.filter((e) => e.startsWith('cx-submit'))).to.have.length(1);
  });

  it('a follow-up goes as a second response linked to the first; the card then thanks', () => {
    const { run, seen, config } = setUp({ question: 'thumbs', followUp: 'What was missing?' });
    run.begin('manual');
    run.pick(run.questions(config.survey)[0], 0);
    expect(run.phase).to.equal('follow-up');
    const [text] = run.questions(config.survey);
    expect(text.type).to.equal('text');
    run.text(text, '  The printer step  ', 'value');
    run.send();
    expect(seen.delivered).to.have.length(2);
    const [first, second] = seen.delivered.map((d) => d.payload);
    expect(second.followUpOf).to.equal(first.id);
    expect(seen.delivered[1].first).to.equal(false);
    expect(second.answers[0].value).to.equal('The printer step');
    expect(run.phase).to.equal('thanks');
    expect(seen.phases).to.deep.equal(['follow-up', 'thanks']);
  });

  it('skipping the follow-up thanks without a second response', () => {
    const { run, seen, config } = setUp({ question: 'thumbs', followUp: 'What was missing?' });
    run.begin('load');
    run.pick(run.questions(config.survey)[0], 1);
    run.skip();
    expect(seen.delivered).to.have.length(1);
    expect(run.phase).to.equal('thanks');
  });

  it('a click fired while arrow keys browse the options is an answer only once Send is pressed', () => {
    let browsing = true;
    const { run, seen, config } = setUp({ question: 'nps' }, { browsing: () => browsing });
    run.begin('load');
    run.pick(run.questions(config.survey)[0], 8);
    expect(seen.delivered).to.have.length(0);
    expect(run.phase).to.equal('asking');
    browsing = false;
    run.send();
    expect(seen.delivered.map((d) => d.payload.answers[0].value)).to.deep.equal([8]);
  });

  it('a negative first answer offers the help link, unless a cx-recovery listener takes over', () => {
    const recovery = '{"text":"Chat with us","href":"/support"}';
    const offered = setUp({ question: 'csat', recovery });
    offered.run.begin('load');
    offered.run.pick(offered.run.questions(offered.config.survey)[0], 1);
    expect(offered.run.offer).to.deep.equal({ text: 'Chat with us', href: '/support' });

    const taken = setUp({ question: 'csat', recovery });
    taken.host.addEventListener('cx-recovery', (event) => event.preventDefault());
    taken.run.begin('load');
    taken.run.pick(taken.run.questions(taken.config.survey)[0], 1);
    expect(taken.run.offer).to.equal(undefined);
    expect(taken.seen.delivered).to.have.length(1);
  });

  it('a new showing starts with nothing answered', () => {
    const { run, seen, config } = setUp({ question: 'emoji' });
    run.begin('load');
    run.pick(run.questions(config.survey)[0], 5);
    run.end();
    run.begin('launcher');
    expect(run.phase).to.equal('asking');
    expect(run.answered).to.equal(false);
    expect([...run.answers]).to.deep.equal([]);
    run.pick(run.questions(config.survey)[0], 3);
    expect(seen.delivered).to.have.length(2);
    expect(seen.delivered[1].payload.context).to.include({ trigger: 'launcher' });
  });

  it('a phase change takes the names off the radios it replaces (Chromium would keep the old card alive)', () => {
    const { run, host, config } = setUp({ question: 'csat' });
    run.begin('load');
    host.shadowRoot!.innerHTML = '<input type="radio" name="cx1-csat" value="1"><input type="radio" name="cx1-csat">';
    const updates = host.updates;
    run.pick(run.questions(config.survey)[0], 2);
    expect(host.updates).to.be.greaterThan(updates);
    expect(host.shadowRoot!.querySelectorAll('input[name]')).to.have.length(0);
  });

  it('a payload that cannot be built is reported, and nothing is delivered', () => {
    const failures: unknown[] = [];
    const { run, seen, config } = setUp(
      { question: 'csat' },
      {
        context: () => {
          throw new Error('broken context');
        },
        fail: (error) => void failures.push(error),
      },
    );
    run.begin('load');
    run.pick(run.questions(config.survey)[0], 3);
    expect(seen.delivered).to.have.length(0);
    expect(failures.map(String)).to.deep.equal(['Error: broken context']);
  });
});
