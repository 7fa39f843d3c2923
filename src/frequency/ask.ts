import { decide, type Decision, type Rules } from './rules.ts';
import { drawFor } from './sample.ts';
import { store } from './store.ts';

/**
 * Whether a widget whose trigger fired may open now: reads the stored state, draws this visitor's sample once (and
 * keeps the draw, so the answer is the same on every visit) and applies the rules. Shared by the element's Touchpoint
 * controller and the page's entry module (src/script/watch.ts), so that both decide alike.
 */
export function ask(id: string, rules: Rules): Decision {
  const state = store.load();
  const draw = rules.sample === undefined ? 0 : drawFor(state, id);
  if (rules.sample !== undefined) store.save(state);
  return decide({ ...rules, id, state, now: Date.now(), draw });
}
