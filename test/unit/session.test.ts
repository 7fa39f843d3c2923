import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/schema/survey.ts';
import { answerList, pick } from '../../src/survey/session.ts';

const q = (question: Partial<Question> & Pick<Question, 'id' | 'type'>): Question => question as Question;

describe('pick: the answers after a tap', () => {
  it('replaces a single answer and toggles a multiple choice', () => {
    const rating = q({ id: 'r', type: 'csat' });
    const many = q({ id: 'm', type: 'choice', multiple: true, options: ['a', 'b'] } as Partial<Question> &
      Pick<Question, 'id' | 'type'>);
    let answers = pick(new Map(), rating, 2);
    answers = pick(answers, rating, 5);
    expect(answers.get('r')).toBe(5);
    answers = pick(answers, many, 'a');
    answers = pick(answers, many, 'b');
    answers = pick(answers, many, 'a');
    expect(answers.get('m')).toEqual(['b']);
  });

  it('never changes the map it was given', () => {
    const before = new Map([['r', 1]]);
    pick(before, q({ id: 'r', type: 'csat' }), 4);
    expect(before.get('r')).toBe(1);
  });
});

describe('answerList: the payload answers', () => {
  it('leaves out unanswered and empty answers, trims text, adds level and Other', () => {
    const questions = [
      q({ id: 'a', type: 'csat', level: 'pleasure' } as Partial<Question> & Pick<Question, 'id' | 'type'>),
      q({ id: 'b', type: 'text' }),
      q({ id: 'c', type: 'text' }),
      q({ id: 'd', type: 'choice', options: ['x', 'other'] } as Partial<Question> & Pick<Question, 'id' | 'type'>),
      q({ id: 'e', type: 'choice', multiple: true, options: ['x'] } as Partial<Question> &
        Pick<Question, 'id' | 'type'>),
    ];
    const answers = new Map<string, string | number | string[]>([
      ['a', 4],
      ['b', '  fine  '],
      ['c', '   '],
      ['d', 'other'],
      ['e', []],
    ]);
    expect(answerList(questions, answers, new Map([['d', ' a chat ']]))).toEqual([
      { questionId: 'a', type: 'csat', value: 4, level: 'pleasure' },
      { questionId: 'b', type: 'text', value: 'fine' },
      { questionId: 'd', type: 'choice', value: 'other', other: 'a chat' },
    ]);
  });
});
