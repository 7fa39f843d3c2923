import { describe, expect, it } from 'vitest';
import { decide, record, type DecideInput } from '../../../src/frequency/rules.ts';
import type { State } from '../../../src/frequency/store.ts';

const DAY = 864e5;
const NOW = Date.UTC(2026, 10, 23, 12);
const ago = (days: number) => NOW - days * DAY;
const iso = (t: number) => new Date(t).toISOString();

const input = (state: State, rest: Partial<DecideInput> = {}): DecideInput => ({
  id: 's1',
  state,
  now: NOW,
  draw: 10,
  ...rest,
});
const one = (entry: NonNullable<State['s']>[string], extra: State = {}): State => ({ ...extra, s: { s1: entry } });

describe('decide', () => {
  it.each<[string, DecideInput, string | null, number?]>([
    ['a new visitor', input({}), null],
    ['sampled in (draw below sample)', input({}, { sample: 20, draw: 19.99 }), null],
    ['sampled out', input({}, { sample: 20, draw: 20 }), 'sampled out'],
    ['sample 0 asks nobody', input({}, { sample: 0, draw: 0 }), 'sampled out'],
    ['until-answered, answered', input(one({ n: 1, a: ago(400) })), 'already answered'],
    ['until-answered, shown but not answered, long ago', input(one({ n: 5 })), null],
    ['once, shown', input(one({ n: 1 }), { frequency: 'once' }), 'already shown 1 time(s)'],
    ['once, never shown', input({}, { frequency: 'once' }), null],
    ['max:3 after 2', input(one({ n: 2 }), { frequency: 3 }), null],
    ['max:3 after 3', input(one({ n: 3 }), { frequency: 3 }), 'already shown 3 time(s)'],
    ['max:3 answered', input(one({ n: 1, a: ago(400) }), { frequency: 3 }), 'already answered'],
    ['always, answered long ago', input(one({ n: 9, a: ago(1) }), { frequency: 'always' }), null],
    [
      'always, answered, recontact-days 7',
      input(one({ n: 9, a: ago(1) }), { frequency: 'always', recontactDays: 7 }),
      'answered recently',
      ago(1) + 7 * DAY,
    ],
    [
      'dismissed yesterday, default recontact 30',
      input(one({ n: 1, d: ago(1) })),
      'dismissed recently',
      ago(1) + 30 * DAY,
    ],
    ['dismissed 31 days ago', input(one({ n: 1, d: ago(31) })), null],
    ['dismissed, recontact-days 0', input(one({ n: 1, d: ago(0) }), { recontactDays: 0 }), null],
    ['snoozed 12 h ago (1 day)', input(one({ z: ago(0.5) })), 'snoozed', ago(0.5) + DAY],
    ['snoozed 2 days ago', input(one({ z: ago(2) })), null],
    ['snoozed 2 days ago, snooze-days 3', input(one({ z: ago(2) }), { snoozeDays: 3 }), 'snoozed', ago(2) + 3 * DAY],
    [
      'interrupting within cooldown',
      input({ c: ago(2) }, { interrupting: true }),
      'site-wide cooldown',
      ago(2) + 7 * DAY,
    ],
    ['interrupting after cooldown', input({ c: ago(8) }, { interrupting: true }), null],
    ['interrupting, cooldown-days 1', input({ c: ago(2) }, { interrupting: true, cooldownDays: 1 }), null],
    ['interrupting, cooldown-days 0', input({ c: NOW }, { interrupting: true, cooldownDays: 0 }), null],
    ['inline ignores the cooldown', input({ c: ago(2) }), null],
    ['another survey answered does not count', input({ s: { other: { n: 1, a: ago(1) } } }), null],
  ])('%s', (_, i, reason, until) => {
    const d = decide(i);
    expect(d.show).toBe(reason === null);
    if (reason !== null) {
      expect(d.reason).toContain(reason);
      expect(d.until).toBe(until);
      if (until) expect(d.reason).toContain(iso(until));
    }
  });

  it('checks sampling before the other caps', () => {
    expect(decide(input(one({ n: 1, a: ago(1) }), { sample: 5, draw: 50 })).reason).toContain('sampled out');
  });

  it('debug mode shows anyway but explains what it ignored', () => {
    expect(decide(input({ c: ago(1) }, { interrupting: true, debug: true }))).toEqual({
      show: true,
      reason: `debug mode ignores: site-wide cooldown until ${iso(ago(1) + 7 * DAY)}`,
      until: ago(1) + 7 * DAY,
    });
    expect(decide(input({}, { debug: true }))).toEqual({ show: true });
  });
});

describe('record', () => {
  it('counts shows and starts the cooldown only for interrupting ones', () => {
    const state: State = {};
    record(state, { id: 's1', type: 'shown', at: 1 });
    expect(state).toEqual({ s: { s1: { n: 1 } } });
    record(state, { id: 's1', type: 'shown', at: 2, interrupting: true });
    expect(state).toEqual({ c: 2, s: { s1: { n: 2 } } });
  });

  it.each([
    ['answered', { n: 1, a: 5 }],
    ['dismissed', { n: 1, d: 5 }],
    ['snoozed', { n: 0, z: 5 }],
  ] as const)('%s is stamped', (type, entry) => {
    const state = record({ s: { s1: { n: 1 } } }, { id: 's1', type, at: 5 });
    expect(state.s?.s1).toEqual(entry);
  });

  it('a snoozed `once` survey asks again after the snooze, and not after it was then shown', () => {
    const state: State = {};
    const rules = { frequency: 'once' as const, recontactDays: 0 };
    record(state, { id: 's1', type: 'shown', at: ago(3) });
    record(state, { id: 's1', type: 'snoozed', at: ago(3) });
    expect(decide(input(state, rules)).show).toBe(true);
    record(state, { id: 's1', type: 'shown', at: NOW });
    expect(decide(input(state, rules)).show).toBe(false);
  });

  it('recording, then deciding, follows a whole visit', () => {
    const state: State = {};
    const popover = { interrupting: true };
    expect(decide(input(state, popover)).show).toBe(true);
    record(state, { id: 's1', type: 'shown', at: NOW, interrupting: true });
    record(state, { id: 's1', type: 'answered', at: NOW });
    expect(decide(input(state, popover)).reason).toBe('already answered');
    expect(decide({ ...input(state, popover), id: 's2' }).reason).toContain('site-wide cooldown');
    expect(decide({ ...input(state, popover), id: 's2', now: NOW + 8 * DAY }).show).toBe(true);
  });
});
