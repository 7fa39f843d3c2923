import { describe, expect, it } from 'vitest';
import { checkSurvey } from '../../src/survey/check-survey.ts';
import { resolveConfig as resolveWithoutCheck, type ConfigInput } from '../../src/survey/config.ts';

const resolveConfig = (input: ConfigInput) => resolveWithoutCheck(input, checkSurvey);

const base: ConfigInput = {
  endpoint: 'https://c.example/responses',
  touchpoint: 'help-article-42',
  question: 'thumbs',
  baseUrl: 'https://shop.example/a/b',
  pageProtocol: 'https:',
};
const problems = (over: Partial<ConfigInput>) => {
  const r = resolveConfig({ ...base, ...over });
  return r.ok ? [] : r.problems;
};

describe('resolveConfig from attributes', () => {
  it('builds a one-question survey with a derived id', () => {
    const r = resolveConfig(base);
    expect(r.ok && r.config.survey).toEqual({
      id: 'help-article-42-thumbs',
      questions: [{ id: 'thumbs', type: 'thumbs' }],
    });
  });

  it('resolves a relative endpoint against the base URL', () => {
    const r = resolveConfig({ ...base, endpoint: '/responses' });
    expect(r.ok && r.config.endpoint).toBe('https://shop.example/responses');
  });

  it('adds a follow-up that only shows after a negative answer', () => {
    const r = resolveConfig({
      ...base,
      question: 'nps',
      followUp: 'What should we improve?',
      followUpWhen: 'negative',
    });
    expect(r.ok && r.config.survey.questions[1]).toEqual({
      id: 'follow-up',
      type: 'text',
      prompt: 'What should we improve?',
      showIf: { question: 'nps', sentiment: 'negative' },
    });
  });

  it('parses metadata', () => {
    const r = resolveConfig({ ...base, metadata: '{"plan":"pro","seats":3,"beta":true}' });
    expect(r.ok && r.config.metadata).toEqual({ plan: 'pro', seats: 3, beta: true });
  });

  it.each<[string, Partial<ConfigInput>, RegExp]>([
    ['missing endpoint', { endpoint: '' }, /^endpoint is required/],
    [
      'http endpoint on an https page',
      { endpoint: 'http://c.example/r' },
      /endpoint="http:\/\/c.example\/r": must use https/,
    ],
    ['javascript: endpoint', { endpoint: 'javascript:alert(1)' }, /must use https/],
    ['credentials in endpoint', { endpoint: 'https://u:p@c.example/r' }, /must not contain credentials/],
    ['missing touchpoint', { touchpoint: '' }, /^touchpoint is required/],
    ['bad touchpoint', { touchpoint: 'a b' }, /touchpoint="a b": use 1–64/],
    [
      'unknown question kind',
      { question: 'stars' },
      /question="stars": expected one of "emoji", "thumbs", "csat", "nps", "ces"/,
    ],
    ['missing question', { question: '' }, /^question is required/],
    [
      'bad follow-up-when',
      { followUp: 'Why?', followUpWhen: 'sometimes' },
      /follow-up-when="sometimes": expected one of/,
    ],
    ['metadata not JSON', { metadata: '{plan:pro}' }, /^metadata: not valid JSON/],
    [
      'metadata nested',
      { metadata: '{"a":{"b":1}}' },
      /^metadata: a: .*expected an object of string, number or boolean values/,
    ],
    ['metadata array', { metadata: '[1]' }, /^metadata: got an array; expected/],
    [
      '21 metadata keys',
      { metadata: JSON.stringify(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i]))) },
      /^metadata: at most 20 keys, got 21/,
    ],
    [
      'a metadata value over 500 characters',
      { metadata: JSON.stringify({ note: 'x'.repeat(501) }) },
      /^metadata: note: got a string of 501 characters/,
    ],
    ['a prompt over 300 characters', { prompt: 'x'.repeat(301) }, /^prompt: at most 300 characters, got 301/],
    ['a follow-up over 300 characters', { followUp: 'x'.repeat(301) }, /^follow-up: at most 300 characters, got 301/],
    ['a survey-id with a space', { surveyId: 'a b' }, /^survey-id="a b": use 1–64 letters/],
    ['a stage with a space', { stage: 'after sales' }, /^stage="after sales": use 1–64 letters/],
    ['recovery not JSON', { recovery: '{text:1}' }, /^recovery: not valid JSON .*expected \{"text"/],
    ['recovery without text', { recovery: '{"href":"/help"}' }, /^recovery\.text: expected 1–300 characters/],
    [
      'a javascript: recovery link',
      { recovery: '{"text":"Help","href":"javascript:alert(1)"}' },
      /^recovery\.href="javascript:alert\(1\)": expected an http\(s\) URL/,
    ],
    [
      'a recovery link hiding javascript: behind a tab',
      { recovery: '{"text":"Help","href":"java\\tscript:alert(1)"}' },
      /^recovery\.href=.*expected an http\(s\) URL/,
    ],
  ])('%s → one clear problem', (_, over, pattern) => {
    const list = problems(over);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatch(pattern);
  });

  it('takes reaction, expectation and task from attributes', () => {
    for (const question of ['reaction', 'expectation', 'task']) {
      const r = resolveConfig({ ...base, question });
      expect(r.ok && r.config.survey.questions[0]).toEqual({ id: question, type: question });
    }
  });

  it('a reaction follow-up "not-positive" shows after every emotion that is not positive', () => {
    const r = resolveConfig({ ...base, question: 'reaction', followUp: 'Why?', followUpWhen: 'not-positive' });
    expect(r.ok && r.config.survey.questions[1]?.showIf).toEqual({
      question: 'reaction',
      in: ['neutral', 'confused', 'frustrated', 'angry'],
    });
  });

  it('puts stage and recovery on the survey, the attributes winning over the survey JSON', () => {
    const recovery = '{"text":"Chat with us","href":"https://help.example/chat"}';
    const r = resolveConfig({ ...base, stage: 'support', recovery });
    expect(r.ok && r.config.survey).toMatchObject({
      stage: 'support',
      recovery: { text: 'Chat with us', href: 'https://help.example/chat' },
    });
    const json = resolveConfig({
      ...base,
      question: '',
      stage: 'use',
      survey: { id: 's', stage: 'receive', questions: [{ id: 't', type: 'task' }] },
    });
    expect(json.ok && json.config.survey.stage).toBe('use');
  });

  it('fills {placeholders} from metadata and warns about the ones it lacks', () => {
    const r = resolveConfig({
      ...base,
      prompt: 'Was {product} as {promise}?',
      followUp: 'Tell us about {product}',
      metadata: '{"product":"<b>Shoes</b>"}',
    });
    expect(r.ok && r.config.survey.questions.map((q) => q.prompt)).toEqual([
      'Was <b>Shoes</b> as {promise}?',
      'Tell us about <b>Shoes</b>',
    ]);
    expect(r.ok && r.warnings).toEqual(['{promise}: no such key in metadata; shown as it is (metadata keys: product)']);
  });

  it('allows http endpoints on http pages and on localhost', () => {
    expect(problems({ endpoint: 'http://c.example/r', pageProtocol: 'http:' })).toEqual([]);
    expect(problems({ endpoint: 'http://localhost:8787/responses' })).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(problems({ endpoint: '', touchpoint: '', question: 'x' })).toHaveLength(3);
  });
});

describe('resolveConfig from a survey definition', () => {
  const survey = {
    id: 'post-purchase',
    questions: [
      { id: 'nps', type: 'nps' },
      { id: 'why', type: 'text', prompt: 'What should we improve?', showIf: { question: 'nps', max: 6 } },
      { id: 'topics', type: 'choice', options: ['Price', 'Delivery'], multiple: true, other: true },
    ],
  };

  it('accepts a valid survey from JSON text', () => {
    const r = resolveConfig({ ...base, question: '', surveyJson: JSON.stringify(survey) });
    expect(r.ok && r.config.survey.id).toBe('post-purchase');
  });

  it('names the field, the bad value and what is allowed', () => {
    const bad = { ...survey, questions: [{ id: 'nps', type: 'stars' }] };
    const [p] = problems({ surveyJson: JSON.stringify(bad) });
    expect(p).toBe(
      'survey JSON (<script type="application/json">): questions[0].type: got "stars", expected one of "emoji", "thumbs", "csat", "nps", "ces", "expectation", "task", "reaction", "choice", "text"',
    );
  });

  it('rejects a condition on a later or unknown question', () => {
    const bad = {
      id: 's',
      questions: [
        { id: 'a', type: 'csat' },
        { id: 'b', type: 'text', showIf: { question: 'c' } },
      ],
    };
    expect(problems({ survey: bad })[0]).toMatch(
      /questions\[1\]\.showIf\.question: must name an earlier question id, got "c"/,
    );
  });

  it('takes a whole-number text maxLength within the global cap, and says what is allowed otherwise', () => {
    const withMax = (maxLength: unknown) => ({ id: 's', questions: [{ id: 'a', type: 'text', maxLength }] });
    expect(problems({ survey: withMax(200) })).toEqual([]);
    for (const bad of [0, 2.5, 100_000])
      expect(problems({ survey: withMax(bad) })).toEqual([
        'survey property: questions[0].maxLength: expected a whole number from 1 to 5000',
      ]);
    expect(problems({ survey: withMax('200') })[0]).toBe(
      'survey property: questions[0].maxLength: got "200", expected number',
    );
  });

  it('asks for the survey check (which needs zod) only when the survey is JSON', () => {
    expect(resolveWithoutCheck(base)).toMatchObject({ ok: true });
    expect(resolveWithoutCheck({ ...base, question: '', survey })).toEqual({
      ok: false,
      problems: [],
      needsSurveyCheck: true,
    });
    expect(resolveWithoutCheck({ ...base, question: '', surveyJson: JSON.stringify(survey) })).toMatchObject({
      needsSurveyCheck: true,
    });
    // Malformed JSON is reported without the check.
    expect(resolveWithoutCheck({ ...base, question: '', surveyJson: '{' })).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/not valid JSON/)],
    });
  });

  it('checks a reaction set: 2–8 options, each with emoji and valence', () => {
    const reaction = (options: unknown[]) => ({ id: 's', questions: [{ id: 'feel', type: 'reaction', options }] });
    const good = { value: 'calm', emoji: '😌', label: 'Calm', valence: 'positive' };
    expect(problems({ survey: reaction([good, { ...good, value: 'lost', valence: 'negative' }]) })).toEqual([]);
    expect(problems({ survey: reaction([good, { value: 'lost' }]) })[0]).toMatch(
      /questions\[0\]\.options\[1\]: a reaction option needs/,
    );
    expect(
      problems({ survey: reaction(Array.from({ length: 9 }, (_, i) => ({ ...good, value: `v${i}` }))) })[0],
    ).toMatch(/a reaction set has 2–8 options/);
  });

  it('refuses a recovery link in the survey that is not http(s) or relative', () => {
    const survey = {
      id: 's',
      recovery: { text: 'Help', href: 'data:text/html,x' },
      questions: [{ id: 't', type: 'thumbs' }],
    };
    expect(problems({ survey })[0]).toMatch(/recovery\.href: expected an http\(s\) URL or a path relative to the page/);
  });

  it('rejects a choice question without options and malformed JSON', () => {
    expect(problems({ survey: { id: 's', questions: [{ id: 'a', type: 'choice' }] } })[0]).toMatch(/options/);
    expect(problems({ surveyJson: '{"id": ' })[0]).toMatch(/not valid JSON/);
  });
});
