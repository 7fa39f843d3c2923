import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LEVEL,
  QUESTION_TYPES,
  REACTIONS,
  SCALES,
  reactionValence,
  sentiment,
} from '../../src/schema/scales.ts';

describe('sentiment', () => {
  it.each([
    ['nps', 0, 'negative'],
    ['nps', 6, 'negative'],
    ['nps', 7, 'neutral'],
    ['nps', 8, 'neutral'],
    ['nps', 9, 'positive'],
    ['nps', 10, 'positive'],
    ['csat', 2, 'negative'],
    ['csat', 3, 'neutral'],
    ['csat', 4, 'positive'],
    ['ces', 3, 'negative'],
    ['ces', 4, 'neutral'],
    ['ces', 5, 'positive'],
    ['thumbs', 0, 'negative'],
    ['thumbs', 1, 'positive'],
    ['emoji', 1, 'negative'],
    ['emoji', 5, 'positive'],
    ['expectation', 1, 'negative'],
    ['expectation', 2, 'neutral'],
    ['expectation', 3, 'positive'],
    ['task', 0, 'negative'],
    ['task', 1, 'neutral'],
    ['task', 2, 'positive'],
  ] as const)('%s %i is %s', (kind, value, expected) => {
    expect(sentiment(kind, value)).toBe(expected);
  });

  it('every scale has negative below positive', () => {
    for (const s of Object.values(SCALES)) expect(s.negativeMax).toBeLessThan(s.positiveMin);
  });
});

describe('reactions', () => {
  it.each([
    ['delighted', undefined, 'positive'],
    ['happy', undefined, 'positive'],
    ['neutral', undefined, 'neutral'],
    ['confused', undefined, 'negative'],
    ['frustrated', undefined, 'negative'],
    ['angry', undefined, 'negative'],
    ['bored', undefined, undefined],
    ['bored', 'negative', 'negative'],
    ['happy', 'negative', 'negative'],
  ] as const)('%s (payload says %s) has valence %s', (value, stated, expected) => {
    expect(reactionValence(value, stated)).toBe(expected);
  });

  it('lists the default set in display order', () => {
    expect(REACTIONS.map((r) => r.value)).toEqual(['delighted', 'happy', 'neutral', 'confused', 'frustrated', 'angry']);
  });
});

describe('CX pyramid levels', () => {
  it('gives every scored question type a default level', () => {
    const scored = QUESTION_TYPES.filter((t) => t !== 'choice' && t !== 'text');
    expect(Object.keys(DEFAULT_LEVEL).sort()).toEqual([...scored].sort());
    expect(DEFAULT_LEVEL).toMatchObject({
      thumbs: 'utility',
      task: 'utility',
      ces: 'usability',
      reaction: 'pleasure',
      nps: 'loyalty',
    });
  });
});
