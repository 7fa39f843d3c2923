import { describe, expect, it } from 'vitest';
import { attachScores, ces, csat, distribution, emoji, nps, summarize, thumbs, timeline, weekStart } from '../src/stats/index.ts';
import type { ValueCount } from '../src/stats/index.ts';
import type { RatingCountRow, ResponseCountRow } from '../src/store/types.ts';

/** "9×3, 7" → counts; keeps the tables below readable as the hand calculation they encode. */
const counts = (spec: string): ValueCount[] =>
  spec
    ? spec.split(',').map((part) => {
        const [value, n = '1'] = part.trim().split('×');
        return { value: Number(value), n: Number(n) };
      })
    : [];

describe('nps', () => {
  it.each([
    ['no responses', '', { n: 0, score: null, promoters: 0, passives: 0, detractors: 0, promoterPct: null, passivePct: null, detractorPct: null }],
    ['one promoter', '10', { n: 1, score: 100, promoters: 1, passives: 0, detractors: 0, promoterPct: 100, passivePct: 0, detractorPct: 0 }],
    ['one detractor', '0', { n: 1, score: -100, promoters: 0, passives: 0, detractors: 1, promoterPct: 0, passivePct: 0, detractorPct: 100 }],
    ['all passives', '7×2, 8×3', { n: 5, score: 0, promoters: 0, passives: 5, detractors: 0, promoterPct: 0, passivePct: 100, detractorPct: 0 }],
    // 5 promoters, 2 passives, 3 detractors of 10: 50 % − 30 % = 20
    ['a mix', '9×3, 10×2, 7×2, 3, 6×2', { n: 10, score: 20, promoters: 5, passives: 2, detractors: 3, promoterPct: 50, passivePct: 20, detractorPct: 30 }],
    // boundaries: 6 is a detractor, 7 and 8 passives, 9 a promoter; (1 − 1) / 4 = 0
    ['the category edges', '6, 7, 8, 9', { n: 4, score: 0, promoters: 1, passives: 2, detractors: 1, promoterPct: 25, passivePct: 50, detractorPct: 25 }],
    // (2 − 1) / 3 = 33.33… → 33.3
    ['a rounding case', '10×2, 0', { n: 3, score: 33.3, promoters: 2, passives: 0, detractors: 1, promoterPct: 66.7, passivePct: 0, detractorPct: 33.3 }],
    ['values off the scale are not counted', '11, 9.5, -1, 9', { n: 1, score: 100, promoters: 1, passives: 0, detractors: 0, promoterPct: 100, passivePct: 0, detractorPct: 0 }],
  ])('%s', (_name, spec, expected) => {
    expect(nps(counts(spec))).toEqual({ kind: 'nps', ...expected });
  });
});

describe('csat', () => {
  it.each([
    ['no responses', '', { n: 0, mean: null, top2Pct: null }],
    ['one response', '1', { n: 1, mean: 1, top2Pct: 0 }],
    ['one of each', '1, 2, 3, 4, 5', { n: 5, mean: 3, top2Pct: 40 }],
    // (4·3 + 2) / 4 = 3.5; 3 of 4 are 4–5
    ['mostly satisfied', '4×3, 2', { n: 4, mean: 3.5, top2Pct: 75 }],
    // (5 + 5 + 4) / 3 = 4.666… → 4.67
    ['mean rounding', '5×2, 4', { n: 3, mean: 4.67, top2Pct: 100 }],
  ])('%s', (_name, spec, expected) => {
    expect(csat(counts(spec))).toEqual({ kind: 'csat', ...expected });
  });
});

describe('ces', () => {
  it.each([
    ['no responses', '', { n: 0, mean: null, easyPct: null }],
    // (7 + 5 + 4 + 1) / 4 = 4.25; 5 and 7 are easy
    ['a spread', '7, 5, 4, 1', { n: 4, mean: 4.25, easyPct: 50 }],
    // 4 is neutral, not easy
    ['all neutral', '4×3', { n: 3, mean: 4, easyPct: 0 }],
    ['(5 + 5 + 6) / 3 = 5.33', '5×2, 6', { n: 3, mean: 5.33, easyPct: 100 }],
  ])('%s', (_name, spec, expected) => {
    expect(ces(counts(spec))).toEqual({ kind: 'ces', ...expected });
  });
});

describe('emoji and thumbs', () => {
  it.each([
    ['no responses', '', { n: 0, mean: null, positivePct: null }],
    ['(5 + 4 + 3 + 1) / 4', '5, 4, 3, 1', { n: 4, mean: 3.25, positivePct: 50 }],
  ])('emoji: %s', (_name, spec, expected) => {
    expect(emoji(counts(spec))).toEqual({ kind: 'emoji', ...expected });
  });

  it.each([
    ['no responses', '', { n: 0, up: 0, down: 0, upPct: null }],
    ['three up, one down', '1×3, 0', { n: 4, up: 3, down: 1, upPct: 75 }],
    ['one down', '0', { n: 1, up: 0, down: 1, upPct: 0 }],
  ])('thumbs: %s', (_name, spec, expected) => {
    expect(thumbs(counts(spec))).toEqual({ kind: 'thumbs', ...expected });
  });
});

describe('distribution', () => {
  it('zero-fills the whole scale', () => {
    expect(distribution('csat', counts('5×2, 1'))).toEqual([
      { value: 1, n: 1, pct: 33.3 },
      { value: 2, n: 0, pct: 0 },
      { value: 3, n: 0, pct: 0 },
      { value: 4, n: 0, pct: 0 },
      { value: 5, n: 2, pct: 66.7 },
    ]);
  });

  it('has null shares when nothing was answered', () => {
    expect(distribution('thumbs', [])).toEqual([
      { value: 0, n: 0, pct: null },
      { value: 1, n: 0, pct: null },
    ]);
  });
});

describe('timeline', () => {
  it.each([
    ['2026-03-15', '2026-03-09'], // Sunday → the Monday before
    ['2026-03-09', '2026-03-09'], // Monday stays
    ['2026-01-01', '2025-12-29'], // across a year boundary
  ])('week of %s starts %s', (day, monday) => {
    expect(weekStart(day)).toBe(monday);
  });

  it('counts days for up to 92 days, then weeks', () => {
    expect(timeline('2026-02-27', '2026-03-02')).toEqual({ granularity: 'day', buckets: ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'] });
    const long = timeline('2026-01-01', '2026-06-30');
    expect(long.granularity).toBe('week');
    expect(long.buckets[0]).toBe('2025-12-29');
    expect(long.buckets.at(-1)).toBe('2026-06-29');
    expect(long.buckets).toHaveLength(27);
  });

  it('is empty for a reversed range', () => {
    expect(timeline('2026-03-02', '2026-03-01').buckets).toEqual([]);
  });
});

describe('attachScores', () => {
  it('shows a follow-up comment with the rating of the response it follows', () => {
    const base = { touchpoint: 't', surveyId: 's', questionId: 'why', locale: 'en', correctedAt: '2026-03-10T12:00:00.000Z' };
    const comments = attachScores(
      [
        { ...base, responseId: 'follow-up', rootId: 'first', text: 'slow delivery' },
        { ...base, responseId: 'lonely', rootId: 'lonely', text: 'no rating here' },
      ],
      [
        { rootId: 'first', questionId: 'nps', type: 'nps', value: 3 },
        { rootId: 'first', questionId: 'csat', type: 'csat', value: 2 },
      ],
    );
    expect(comments.map((c) => [c.responseId, c.scores.map((s) => `${s.type}=${s.value}`)])).toEqual([
      ['follow-up', ['csat=2', 'nps=3']],
      ['lonely', []],
    ]);
  });
});

describe('summarize', () => {
  const rating = (day: string, value: number, n = 1, extra: Partial<RatingCountRow> = {}): RatingCountRow => ({
    touchpoint: 'checkout',
    surveyId: 's1',
    questionId: 'nps',
    type: 'nps',
    value,
    day,
    n,
    ...extra,
  });
  const responses = (day: string, n: number, extra: Partial<ResponseCountRow> = {}): ResponseCountRow => ({ touchpoint: 'checkout', surveyId: 's1', day, n, ...extra });

  it('is empty with no responses', () => {
    expect(summarize({ filters: { from: '2026-03-01', to: '2026-03-02' }, ratings: [], responses: [], comments: [], commentRatings: [] })).toEqual({
      period: { from: '2026-03-01', to: '2026-03-02', granularity: 'day' },
      responses: 0,
      groups: [],
    });
  });

  it('is empty without an open period too', () => {
    expect(summarize({ filters: {}, ratings: [], responses: [], comments: [], commentRatings: [] }).period).toEqual({ from: null, to: null, granularity: 'day' });
  });

  it('summarises one response', () => {
    const s = summarize({ filters: {}, ratings: [rating('2026-03-10', 9)], responses: [responses('2026-03-10', 1)], comments: [], commentRatings: [] });
    expect(s.period).toEqual({ from: '2026-03-10', to: '2026-03-10', granularity: 'day' });
    expect(s.responses).toBe(1);
    expect(s.groups).toHaveLength(1);
    const [q] = s.groups[0].questions;
    expect(q.metric).toMatchObject({ kind: 'nps', n: 1, score: 100 });
    expect(q.trend).toEqual([{ bucket: '2026-03-10', n: 1, headline: 100 }]);
  });

  it('splits by touchpoint × survey and trends per day with gaps', () => {
    const s = summarize({
      filters: { from: '2026-03-01', to: '2026-03-03' },
      ratings: [rating('2026-03-01', 10, 2), rating('2026-03-01', 0, 1), rating('2026-03-03', 8, 1), rating('2026-03-02', 5, 4, { touchpoint: 'account', type: 'csat', questionId: 'csat' })],
      responses: [responses('2026-03-01', 3), responses('2026-03-03', 1), responses('2026-03-02', 4, { touchpoint: 'account' })],
      comments: [],
      commentRatings: [],
    });
    expect(s.responses).toBe(8);
    expect(s.groups.map((g) => [g.touchpoint, g.responses])).toEqual([
      ['account', 4],
      ['checkout', 4],
    ]);
    const checkout = s.groups[1];
    // day 1: (2 − 1) / 3 = 33.3; day 2: nothing; day 3: one passive → 0
    expect(checkout.questions[0].trend).toEqual([
      { bucket: '2026-03-01', n: 3, headline: 33.3 },
      { bucket: '2026-03-02', n: 0, headline: null },
      { bucket: '2026-03-03', n: 1, headline: 0 },
    ]);
    expect(checkout.responseTrend.map((p) => p.n)).toEqual([3, 0, 1]);
    expect(s.groups[0].questions[0].metric).toEqual({ kind: 'csat', n: 4, mean: 5, top2Pct: 100 });
  });
});
