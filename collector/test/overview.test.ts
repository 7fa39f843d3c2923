import { describe, expect, it } from 'vitest';
import { overview } from '../src/stats/overview.ts';
import { parseJourney, stageComparator } from '../src/stats/journey-order.ts';
import type { AnswerCountRow } from '../src/store/rollup-types.ts';

const periods = {
  current: { from: '2026-03-01', to: '2026-03-10' },
  previous: { from: '2026-02-19', to: '2026-02-28' },
};

/** n answers of one value on one day. */
const row = (
  touchpoint: string,
  type: string,
  value: string | number,
  n: number,
  day: string,
  stage = '',
  level?: string,
): AnswerCountRow => ({
  touchpoint,
  stage,
  questionId: type,
  type,
  level: level ?? (type === 'nps' ? 'loyalty' : type === 'thumbs' ? 'utility' : 'pleasure'),
  value: String(value),
  valence: '',
  day,
  n,
});

describe('journey order', () => {
  it.each([
    [undefined, ['discover', 'purchase', 'support', 'zzz', null]],
    ['support,discover', ['support', 'discover', 'purchase', 'zzz', null]],
  ])('CX_JOURNEY=%s', (env, expected) => {
    const stages: (string | null)[] = [null, 'zzz', 'support', 'purchase', 'discover'];
    expect(stages.sort(stageComparator(parseJourney(env)))).toEqual(expected);
  });
});

describe('overview', () => {
  it('computes each headline with its interval and marks only significant changes', () => {
    const o = overview({
      answers: [
        // checkout NPS: now 50 promoters / 20 detractors / 30 passives (NPS 30); before 30 / 40 / 30 (NPS −10).
        row('checkout', 'nps', 10, 50, '2026-03-02', 'purchase'),
        row('checkout', 'nps', 3, 20, '2026-03-02', 'purchase'),
        row('checkout', 'nps', 7, 30, '2026-03-02', 'purchase'),
        row('checkout', 'nps', 10, 30, '2026-02-20', 'purchase'),
        row('checkout', 'nps', 3, 40, '2026-02-20', 'purchase'),
        row('checkout', 'nps', 7, 30, '2026-02-20', 'purchase'),
        // help thumbs: 45 / 100 yes now, 50 / 100 before: a drop, not significant; "no" 55 % is a utility failure.
        row('help', 'thumbs', 1, 45, '2026-03-03'),
        row('help', 'thumbs', 0, 55, '2026-03-03'),
        row('help', 'thumbs', 1, 50, '2026-02-21'),
        row('help', 'thumbs', 0, 50, '2026-02-21'),
        // account CSAT: 10 answers only.
        row('account', 'csat', 5, 10, '2026-03-04', 'discover'),
      ],
      responses: [{ touchpoint: 'checkout', stage: 'purchase', day: '2026-03-02', n: 100 }],
      periods,
      journey: parseJourney(undefined),
    });
    expect(o.stages.map((s) => [s.stage, s.touchpoints.map((t) => t.touchpoint)])).toEqual([
      ['discover', ['account']],
      ['purchase', ['checkout']],
      [null, ['help']],
    ]);
    const [checkout] = o.stages[1].touchpoints[0].questions;
    expect(checkout.current).toEqual({ n: 100, tooFew: false, value: 30, low: 14.7, high: 45.3 });
    expect(checkout.trend).toEqual({ delta: 40, z: 3.51, significant: true, direction: 'better' });
    const [help] = o.stages[2].touchpoints[0].questions;
    expect(help.trend).toMatchObject({ delta: -5, significant: false, direction: 'same' });
    const [account] = o.stages[0].touchpoints[0].questions;
    expect(account.current).toEqual({ n: 10, tooFew: true, value: null, low: null, high: null });
    expect(o.attention.map((a) => `${a.touchpoint}:${a.reason}:${a.value}`)).toEqual(['help:utility-failing:55']);
    expect(o.stages[1].touchpoints[0].pyramid).toEqual([
      { level: 'loyalty', stat: { n: 100, tooFew: false, value: 50, low: 40.4, high: 59.6 } },
    ]);
  });

  it('counts only "no" as a utility failure: "partly" is not "no"', () => {
    const o = overview({
      answers: [
        row('returns', 'task', 2, 40, '2026-03-02', '', 'utility'),
        row('returns', 'task', 1, 40, '2026-03-02', '', 'utility'),
        row('returns', 'task', 0, 20, '2026-03-02', '', 'utility'),
      ],
      responses: [],
      periods,
      journey: [],
    });
    expect(o.attention).toEqual([]);
    expect(o.stages[0].touchpoints[0].questions[0]).toMatchObject({ negativePct: 20, current: { value: 40 } });
  });

  it('lists a significant drop under attention', () => {
    const o = overview({
      answers: [
        row('checkout', 'csat', 5, 30, '2026-03-02'),
        row('checkout', 'csat', 1, 70, '2026-03-02'),
        row('checkout', 'csat', 5, 50, '2026-02-20'),
        row('checkout', 'csat', 1, 50, '2026-02-20'),
      ],
      responses: [],
      periods,
      journey: [],
    });
    expect(o.attention).toMatchObject([{ touchpoint: 'checkout', reason: 'significant-drop', value: -20 }]);
  });
});
