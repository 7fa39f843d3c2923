import { describe, expect, it } from 'vitest';
import { followUps, isOneTap, isShown } from '../../src/survey/flow.ts';
import type { Survey } from '../../src/schema/survey.ts';

const survey: Survey = {
  id: 's',
  questions: [
    { id: 'nps', type: 'nps' },
    { id: 'low', type: 'text', showIf: { question: 'nps', max: 6 } },
    { id: 'neg', type: 'text', showIf: { question: 'nps', sentiment: 'negative' } },
    { id: 'pos', type: 'text', showIf: { question: 'nps', sentiment: 'positive' } },
    { id: 'mid', type: 'text', showIf: { question: 'nps', min: 7, max: 8 } },
    { id: 'pick', type: 'text', showIf: { question: 'nps', in: [10] } },
    { id: 'always', type: 'text' },
  ],
};

describe('follow-up conditions', () => {
  it.each<[number, string[]]>([
    [0, ['low', 'neg', 'always']],
    [6, ['low', 'neg', 'always']],
    [7, ['mid', 'always']],
    [8, ['mid', 'always']],
    [9, ['pos', 'always']],
    [10, ['pos', 'pick', 'always']],
  ])('NPS %i shows %j', (score, ids) => {
    expect(followUps(survey, new Map([['nps', score]])).map((q) => q.id)).toEqual(ids);
  });

  it('hides conditional questions while their source is unanswered', () => {
    expect(isShown(survey.questions[1], survey, new Map())).toBe(false);
  });

  it('matches choice values with in', () => {
    const s: Survey = {
      id: 'c',
      questions: [
        { id: 'why', type: 'choice', options: ['a', 'b'], multiple: true },
        { id: 't', type: 'text', showIf: { question: 'why', in: ['b'] } },
      ],
    };
    expect(followUps(s, new Map([['why', ['a', 'b']]])).length).toBe(1);
    expect(followUps(s, new Map([['why', ['a']]])).length).toBe(0);
  });
});

describe('one-tap questions', () => {
  it.each<[Survey['questions'][number], boolean]>([
    [{ id: 'a', type: 'nps' }, true],
    [{ id: 'a', type: 'thumbs' }, true],
    [{ id: 'a', type: 'choice', options: ['x', 'y'] }, true],
    [{ id: 'a', type: 'choice', options: ['x', 'y'], multiple: true }, false],
    [{ id: 'a', type: 'choice', options: ['x', 'y'], other: true }, false],
    [{ id: 'a', type: 'text' }, false],
  ])('%j → %s', (q, expected) => expect(isOneTap(q)).toBe(expected));
});
