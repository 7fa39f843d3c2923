/**
 * Parsers for the touchpoint attributes (`trigger`, `url`, `frequency`, `recontact-days`, `cooldown-days`, `sample`,
 * `priority`). Each returns a value or `{ problem }`, a sentence naming the attribute, the value and the allowed forms;
 * the element logs it once as `cx-feedback: <problem>`. These are tiny string grammars, parsed by hand rather than with
 * zod/mini, because mini ships no messages and a schema per form would cost more bytes than the parser.
 */
export type Problem = { problem: string };

export type Trigger =
  | { kind: 'load' | 'visible' | 'exit' | 'manual' }
  | { kind: 'delay' | 'idle' | 'scroll'; value: number }
  | { kind: 'event' | 'click'; value: string };

export type UrlTarget = { match: 'contains' | 'exact' | 'regex'; value: string };

/** `number` is `max:<n>`. */
export type Frequency = 'once' | 'until-answered' | 'always' | number;

export const isProblem = (v: unknown): v is Problem => typeof v === 'object' && v !== null && 'problem' in v;

const problem = (attr: string, value: string, expected: string): Problem => ({
  problem: `${attr}="${value}" is not valid; expected ${expected}`,
});

/** A number in [min, max] (integer if asked); '' and junk are rejected (Number('') would be 0). */
const num = (s: string, min: number, max: number, int?: boolean): number | undefined => {
  const n = s.trim() ? Number(s) : NaN;
  return n >= min && n <= max && (!int || Number.isInteger(n)) ? n : undefined;
};

/** Whether a CSS selector parses; outside a browser (unit tests) every selector passes. */
const badSelector = (s: string): boolean => {
  try {
    document.createDocumentFragment().querySelector(s);
    return false;
  } catch {
    return typeof document == 'object';
  }
};

const TRIGGER = /^(?:(load|visible|exit|manual)|(delay|idle|scroll):\s*(\d*\.?\d+)|(event|click):\s*(\S.*))$/s;

export function parseTrigger(value: string): Trigger | Problem {
  const [, bare, timed, n, named, arg] = TRIGGER.exec(value.trim()) ?? [];
  if (bare) return { kind: bare as 'load' };
  // Seconds are capped at a day: setTimeout fires at once for delays beyond 2^31 ms.
  if (timed && +n <= (timed == 'scroll' ? 100 : 86400)) return { kind: timed as 'delay', value: +n };
  if (named && !(named == 'click' && badSelector(arg))) return { kind: named as 'event', value: arg };
  return problem(
    'trigger',
    value,
    'load, delay:<seconds>, scroll:<percent>, visible, exit, event:<name>, click:<selector>, idle:<seconds>, manual',
  );
}

/** The canonical text of a trigger, e.g. `delay:5`; used in debug messages and the payload's `context.trigger`. */
export const describeTrigger = (t: Trigger): string => ('value' in t ? `${t.kind}:${t.value}` : t.kind);

export function parseUrl(value: string): UrlTarget | Problem {
  const m = /^(contains|exact|regex):(.*)$/s.exec(value.trim());
  const target: UrlTarget = m
    ? { match: m[1] as UrlTarget['match'], value: m[2] }
    : { match: 'contains', value: value.trim() };
  try {
    if (target.match == 'regex') new RegExp(target.value);
    if (target.value) return target;
  } catch {
    /* reported below */
  }
  return problem('url', value, 'contains:<text>, exact:<url or path>, regex:<pattern> or plain text (contains)');
}

export function parseFrequency(value: string): Frequency | Problem {
  const [, word, max] = /^(?:(once|until-answered|always)|max:(\d+))$/.exec(value.trim()) ?? [];
  return (word as Frequency) || +max || problem('frequency', value, 'once, until-answered, always or max:<n>');
}

export const parseDays = (attr: 'recontact-days' | 'cooldown-days' | 'snooze-days', value: string): number | Problem =>
  num(value, 0, 3650) ?? problem(attr, value, 'a number of days from 0 to 3650');

export const parseSample = (value: string): number | Problem =>
  num(value.replace(/%$/, ''), 0, 100) ?? problem('sample', value, 'a percentage from 0 to 100');

export const parsePriority = (value: string): number | Problem =>
  num(value, -1e6, 1e6, true) ?? problem('priority', value, 'an integer');

/** The frequency-rule attributes of a widget, parsed; what they feed is `Rules` in src/frequency/rules.ts. */
export type RuleValues = {
  frequency?: Frequency;
  recontactDays?: number;
  cooldownDays?: number;
  snoozeDays?: number;
  sample?: number;
};

/**
 * Reads every frequency-rule attribute through `get` (an empty value means "not given"). A bad value goes to
 * `problem` and reads as not given, i.e. the default. Read by touchpointSettings (src/touchpoint/settings.ts) for
 * the element and the page's entry module alike.
 */
export function parseRules(get: (attr: string) => string, problem: (p: Problem, attr: string) => void): RuleValues {
  const read = <T>(attr: string, parser: (v: string) => T | Problem): T | undefined => {
    const value = get(attr);
    if (!value) return undefined;
    const r = parser(value);
    if (!isProblem(r)) return r;
    problem(r, attr);
    return undefined;
  };
  const days = (attr: 'recontact-days' | 'cooldown-days' | 'snooze-days') => read(attr, (v) => parseDays(attr, v));
  return {
    frequency: read('frequency', parseFrequency),
    recontactDays: days('recontact-days'),
    cooldownDays: days('cooldown-days'),
    snoozeDays: days('snooze-days'),
    sample: read('sample', parseSample),
  };
}
