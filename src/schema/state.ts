import * as z from 'zod/mini';

/**
 * Touchpoint state: one small JSON object in localStorage under one key, no cookies. Keys are one letter because the
 * object is written on every show and kept for years; the schema below says what each holds. The browser checks it
 * by hand (src/frequency/state.ts), held to this schema by test/unit/checks.test.ts.
 */
const time = z.optional(z.number());

const Entry = z.object({
  /** Times shown (a snoozed showing does not count). */
  n: time,
  /** Answered at (epoch ms). */
  a: time,
  /** Dismissed at. */
  d: time,
  /** Snoozed ("Ask me later") at. */
  z: time,
  /** The visitor's sampling draw for this survey, in [0, 100). */
  r: time,
});

export const State = z.object({
  /** Last time an interrupting widget was shown: starts the site-wide cooldown. */
  c: time,
  /** Per survey id. */
  s: z.optional(z.record(z.string(), Entry)),
  /** Cross-tab claims: survey id → claim expiry (coordinator). */
  o: z.optional(z.record(z.string(), z.number())),
});

export type State = z.infer<typeof State>;
export type Entry = z.infer<typeof Entry>;
