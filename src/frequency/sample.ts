import type { State } from './store.ts';

/**
 * This visitor's sampling draw for a survey, in [0, 100): drawn once with `random` and kept in the state (the caller
 * saves it), so `sample="20"` asks the same fifth of visitors on every visit without identifying anyone. The widget is
 * sampled in when draw < sample, so raising `sample` later only adds visitors.
 */
export function drawFor(state: State, id: string, random: () => number = Math.random): number {
  const e = ((state.s ??= {})[id] ??= {});
  return (e.r ??= random() * 100);
}

export const sampledIn = (draw: number, sample = 100): boolean => draw < sample;
