import { NAME_PATTERN } from '../../../src/schema/payload.ts';

/**
 * The operator's list of touchpoints (CX_TOUCHPOINTS=checkout,help-*): a response for any other is refused with 422
 * and counted, so a stray or hostile sender cannot fill the results page with made-up touchpoints. A trailing `*`
 * matches any rest. Without a list every touchpoint the schema allows is accepted.
 */
export type TouchpointGate = {
  /** Whether a response for this touchpoint may be stored; a refusal is counted. */
  admit(touchpoint: string): boolean;
  /** The list as configured, for messages. */
  readonly listed: readonly string[];
  /** Responses refused since start because their touchpoint was not listed. */
  readonly refused: number;
};

/** Throws when an entry is not a touchpoint name (or one with a trailing `*`). */
export function createTouchpointGate(entries: readonly string[]): TouchpointGate {
  for (const entry of entries) {
    if (!NAME_PATTERN.test(entry.replace(/\*$/, '') || 'x')) {
      throw new Error(`"${entry}" is not a touchpoint (letters, digits, _ . : / -, optionally ending in *)`);
    }
  }
  const exact = new Set(entries.filter((e) => !e.endsWith('*')));
  const prefixes = entries.filter((e) => e.endsWith('*')).map((e) => e.slice(0, -1));
  let refused = 0;
  return {
    listed: entries,
    get refused() {
      return refused;
    },
    admit(touchpoint) {
      const ok = exact.has(touchpoint) || prefixes.some((prefix) => touchpoint.startsWith(prefix));
      if (!ok) refused++;
      return ok;
    },
  };
}

/** CX_TOUCHPOINTS as a list: comma separated, blanks ignored. */
export const parseTouchpointList = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
