import type { State as StateType } from '../frequency/state.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v == 'object' && v !== null && !Array.isArray(v);
const times = (v: unknown) => isObject(v) && Object.values(v).every((t) => t === undefined || typeof t == 'number');

/**
 * The core script's check of the stored touchpoint state, standing in for the zod schema of src/frequency/state.ts
 * (scripts/build.mjs swaps it in): zod/mini would be 5 KiB of a 12 KiB budget. Same shape, checked by hand; anything
 * else reads as a fresh state, as it does with the schema.
 */
export const State = {
  safeParse(v: unknown): { success: true; data: StateType } | { success: false; data?: undefined } {
    const ok =
      isObject(v) &&
      (v.c === undefined || typeof v.c == 'number') &&
      (v.s === undefined || (isObject(v.s) && Object.values(v.s).every(times))) &&
      (v.o === undefined || times(v.o));
    return ok ? { success: true, data: v as StateType } : { success: false };
  },
};
