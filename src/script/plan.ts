import type { Rules } from '../frequency/rules.ts';
import { isDebug } from '../triggers/debug.ts';
import type { Trigger } from '../triggers/parse.ts';
import { matchesUrl } from '../placement/route.ts';
import { touchpointSettings } from '../touchpoint/settings.ts';
import { defaultSurveyId } from '../survey/id.ts';

/** What the page's entry module does for one <cx-feedback>, read from its attributes before the element is defined. */
export type Plan =
  /** Something shows now (an inline card, a launcher, a popover on load), or the entry cannot judge: load the element. */
  | { load: string }
  /** Nothing to do on this page: a manual popover, or one whose `url` does not match (re-planned on route changes). */
  | { wait: string }
  /** A popover waiting for its trigger; when it fires, `rules` decide for survey `id`. */
  | { trigger: Trigger; id: string; rules: Rules; anchor: string };

/**
 * Decides like the element's Touchpoint controller (both read the attributes with touchpointSettings), for the one
 * case where deciding early saves the page the survey UI: a popover that waits for a trigger. Everything else,
 * including any attribute the element would warn about, loads the element, which reports problems in full.
 */
export function planFor(el: Element): Plan {
  const attr = (name: string) => el.getAttribute(name)?.trim() ?? '';
  let bad: string | undefined;
  const settings = touchpointSettings(attr, (problem) => void (bad ??= problem.problem));
  if (bad) return { load: bad };
  if (settings.mode != 'popover') return { load: `mode ${settings.mode}` };
  if (settings.url && !matchesUrl(settings.url)) return { wait: `url "${attr('url')}" does not match` };
  const { trigger } = settings;
  if (trigger.kind == 'load') return { load: 'trigger load' };
  if (trigger.kind == 'manual') return { wait: 'trigger manual' };
  const id = surveyId(el, attr);
  if (!id) return { load: 'no survey id' };
  const rules: Rules = { ...settings.rules, interrupting: true, debug: isDebug(el) };
  return { trigger, id, rules, anchor: settings.anchor };
}

/** The survey id the element will use (survey/config.ts): the `survey` property, a child JSON survey, or attributes. */
function surveyId(el: Element, attr: (name: string) => string): string | undefined {
  const given = (el as { survey?: unknown }).survey;
  let survey: unknown = given;
  if (given === undefined) {
    const json = el.querySelector('script[type="application/json"]')?.textContent?.trim();
    if (json) {
      try {
        survey = JSON.parse(json);
      } catch {
        return undefined;
      }
    }
  }
  if (survey !== undefined) {
    const id = (survey as { id?: unknown } | null)?.id;
    return typeof id == 'string' ? id : undefined;
  }
  const touchpoint = attr('touchpoint');
  const kind = attr('question');
  return touchpoint && kind ? attr('survey-id') || defaultSurveyId(touchpoint, kind) : undefined;
}
