import { describe, expect, it } from 'vitest';
import { drawFor, sampledIn } from '../../../src/frequency/sample.ts';
import type { State } from '../../../src/frequency/store.ts';

describe('drawFor', () => {
  it('draws once per survey and keeps the draw', () => {
    const state: State = {};
    const randoms = [0.25, 0.9];
    const random = () => randoms.shift()!;
    expect(drawFor(state, 'a', random)).toBe(25);
    expect(drawFor(state, 'a', random)).toBe(25);
    expect(drawFor(state, 'b', random)).toBe(90);
    expect(state.s).toEqual({ a: { r: 25 }, b: { r: 90 } });
  });

  it('is stable across visits: the stored state (JSON round trip) gives the same draw', () => {
    const state: State = {};
    const first = drawFor(state, 'a');
    const reloaded: State = JSON.parse(JSON.stringify(state));
    expect(drawFor(reloaded, 'a', () => 0.999)).toBe(first);
  });

  it('asks about the requested share of visitors', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const states = Array.from({ length: 2000 }, (): State => ({}));
    const share = states.filter((s) => sampledIn(drawFor(s, 'x', random), 20)).length / states.length;
    expect(share).toBeGreaterThan(0.17);
    expect(share).toBeLessThan(0.23);
  });
});

describe('sampledIn', () => {
  it.each([
    [0, 0, false],
    [0, 0.001, true],
    [19.99, 20, true],
    [20, 20, false],
    [99.99, 100, true],
    [50, undefined, true],
  ])('draw %d, sample %s → %s', (draw, sample, expected) => {
    expect(sampledIn(draw, sample)).toBe(expected);
  });

  it('raising the sample only adds visitors', () => {
    for (const draw of [0, 5, 19, 20, 49, 50, 99]) if (sampledIn(draw, 20)) expect(sampledIn(draw, 50)).toBe(true);
  });
});
