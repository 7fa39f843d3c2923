import type { Frequency } from '../triggers/parse.ts';
import { sampledIn } from './sample.ts';
import type { State } from './store.ts';

const DAY = 864e5;

export type Rules = {
  /** Default `until-answered`. */
  frequency?: Frequency;
  /** Days before asking again after an answer or a dismissal. Default 30, or 0 with `frequency="always"`. */
  recontactDays?: number;
  /** Site-wide pause after any interrupting widget was shown. Default 7; 0 ignores it. */
  cooldownDays?: number;
  /** How long "Ask me later" waits. Default 1. */
  snoozeDays?: number;
  /** Percent of visitors asked, 0–100. Default 100. */
  sample?: number;
  /** Popover, or floating that opens by itself. Only these start and obey the site-wide cooldown. */
  interrupting?: boolean;
  /** Ignore every cap, but still say which one would have applied. */
  debug?: boolean;
};

export type DecideInput = Rules & {
  /** Survey id: the key of the per-survey state. */
  id: string;
  state: State;
  /** Epoch ms. */
  now: number;
  /** This visitor's draw for the survey, in [0, 100) (see sample.ts). */
  draw: number;
};

export type Decision =
  { show: true; reason?: string; until?: number } | { show: false; reason: string; until?: number };

const iso = (t: number) => new Date(t).toISOString();

/**
 * Whether a trigger that fired may open the widget, and if not why and until when (for the debug console). Manual opens
 * (show(), the launcher, the JS API) do not ask: the visitor or the site asked for the widget.
 */
export function decide(i: DecideInput): Decision {
  const e = i.state.s?.[i.id] ?? {};
  const f = i.frequency ?? 'until-answered';
  const max = f == 'once' ? 1 : typeof f == 'number' ? f : Infinity;
  const recontact = (i.recontactDays ?? (f == 'always' ? 0 : 30)) * DAY;
  const last = Math.max(e.a ?? 0, e.d ?? 0);
  const snoozed = (e.z ?? 0) + (i.snoozeDays ?? 1) * DAY;
  const cooled = (i.state.c ?? 0) + (i.cooldownDays ?? 7) * DAY;
  const [reason, until]: [string?, number?] = !sampledIn(i.draw, i.sample)
    ? [`sampled out (sample=${i.sample})`]
    : e.a && f != 'always'
      ? ['already answered']
      : (e.n ?? 0) >= max
        ? [`already shown ${e.n} time(s) (frequency=${f})`]
        : e.z && snoozed > i.now
          ? [`snoozed ("Ask me later") until ${iso(snoozed)}`, snoozed]
          : last && last + recontact > i.now
            ? [
                `${last == e.a ? 'answered' : 'dismissed'} recently; recontact-days until ${iso(last + recontact)}`,
                last + recontact,
              ]
            : i.interrupting && i.state.c && cooled > i.now
              ? [`site-wide cooldown until ${iso(cooled)}`, cooled]
              : [];
  if (!reason) return { show: true };
  return i.debug ? { show: true, reason: `debug mode ignores: ${reason}`, until } : { show: false, reason, until };
}

export type RecordEvent = {
  id: string;
  type: 'shown' | 'answered' | 'dismissed' | 'snoozed';
  at: number;
  interrupting?: boolean;
};

/**
 * Notes what happened, in place (returns the same state; the caller saves it). A snoozed showing is taken back from
 * the count so that "Ask me later" on a `once` survey does ask later. Only interrupting shows start the cooldown.
 */
export function record(state: State, { id, type, at, interrupting }: RecordEvent): State {
  const e = ((state.s ??= {})[id] ??= {});
  if (type == 'shown') {
    e.n = (e.n ?? 0) + 1;
    if (interrupting) state.c = at;
  } else if (type == 'snoozed') {
    e.z = at;
    e.n = Math.max(0, (e.n ?? 1) - 1);
  } else e[type == 'answered' ? 'a' : 'd'] = at;
  return state;
}
