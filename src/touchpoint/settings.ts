import * as parse from '../triggers/parse.ts';

export type Mode = 'inline' | 'popover' | 'floating';
export const MODES: readonly Mode[] = ['inline', 'popover', 'floating'];

/** Where and when a widget opens, read from its touchpoint attributes (docs/touchpoints.md). */
export type TouchpointSettings = {
  mode: Mode;
  trigger: parse.Trigger;
  /** Only on matching pages; undefined: every page. */
  url?: parse.UrlTarget;
  rules: parse.RuleValues;
  priority: number;
  anchor: string;
};

/**
 * Reads the touchpoint attributes through `read` (attribute name → value; empty means not given). A bad value goes to
 * `report` with its attribute and reads as the default. One reading for the page's entry module (src/script/plan.ts),
 * which decides before the element exists, and for the element's Touchpoint controller, so that both decide alike.
 */
export function touchpointSettings(
  read: (attr: string) => string,
  report: (problem: parse.Problem, attr: string) => void,
): TouchpointSettings {
  const pick = <T>(attr: string, parser: (value: string) => T | parse.Problem, fallback: T): T => {
    const value = read(attr).trim();
    if (!value) return fallback;
    const result = parser(value);
    if (!parse.isProblem(result)) return result;
    report(result, attr);
    return fallback;
  };
  const mode = pick(
    'mode',
    (v) =>
      MODES.includes(v as Mode)
        ? (v as Mode)
        : { problem: `mode="${v}" is not valid; expected inline, popover or floating` },
    'inline',
  );
  // A floating launcher waits for the visitor unless told otherwise; everything else opens on load.
  const trigger = read('trigger').trim()
    ? pick('trigger', parse.parseTrigger, { kind: 'load' })
    : ({ kind: mode == 'floating' ? 'manual' : 'load' } as parse.Trigger);
  const url = pick<parse.UrlTarget | undefined>('url', parse.parseUrl, undefined);
  const rules = parse.parseRules(read, report);
  // An inline widget interrupts nothing: unless told otherwise it is there on every visit, like the page's text.
  if (mode == 'inline') rules.frequency ??= 'always';
  return {
    mode,
    trigger,
    url,
    rules,
    priority: pick('priority', parse.parsePriority, 0),
    anchor: read('anchor').trim(),
  };
}
