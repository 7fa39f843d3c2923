import type { State as StateType } from '../schema/state.ts';

export type { Entry } from '../schema/state.ts';
export type State = StateType;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v == 'object' && v !== null && !Array.isArray(v);
const times = (v: unknown) => isObject(v) && Object.values(v).every((t) => t === undefined || typeof t == 'number');

/**
 * The check of the stored touchpoint state, written by hand so that zod stays out of pages whose widgets are set by
 * attributes. It accepts what the zod schema of src/schema/state.ts accepts (test/unit/checks.test.ts holds the two
 * together); anything else reads as a fresh state.
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
