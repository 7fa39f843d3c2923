import { ask } from '../frequency/ask.ts';
import { watchRoute } from '../placement/route.ts';
import { explain } from '../triggers/debug.ts';
import { startTrigger } from '../triggers/index.ts';
import { safeQuery } from '../util/query.ts';
import { markFired } from './handoff.ts';
import { planFor } from './plan.ts';

/**
 * Plans every <cx-feedback> on the page, now and as the page adds more, and arms the triggers of waiting popovers.
 * `load` is called (once is enough; the caller makes it idempotent) as soon as one will show. SPA route changes plan
 * every widget again, as the element re-arms its trigger then. Returns the stop.
 */
export function watchWidgets(load: (why: string) => void): () => void {
  const armed = new Map<Element, () => void>();
  // A live collection: checking it on each DOM change costs a length and a few lookups, not a walk of what was added.
  const widgets = document.getElementsByTagName('cx-feedback');
  // Start of the page for quiet zones: navigation, then each SPA route change (as in the element).
  let since = 0;
  const consider = (el: Element): (() => void) => {
    const plan = planFor(el);
    if ('load' in plan) return void (explain(el, `core: loading the element (${plan.load})`), load(plan.load)), () => {};
    if ('wait' in plan) return void explain(el, `core: ${plan.wait}`), () => {};
    const anchor = plan.anchor ? safeQuery(plan.anchor) : null;
    return startTrigger(plan.trigger, {
      element: el as HTMLElement,
      anchor,
      quiet: { since },
      fire: (reason) => {
        const decision = ask(plan.id, plan.rules);
        if (decision.reason) explain(el, decision.reason);
        if (!decision.show) return;
        markFired(el, reason);
        load(`trigger ${reason}`);
      },
    });
  };
  const scan = () => {
    for (const [el, stop] of armed) if (!el.isConnected) (stop(), armed.delete(el));
    for (const el of Array.from(widgets)) if (!armed.has(el)) armed.set(el, consider(el));
  };
  const replan = () => {
    since = performance.now();
    armed.forEach((stop) => stop());
    armed.clear();
    scan();
  };
  const observer = new MutationObserver(scan);
  observer.observe(document, { childList: true, subtree: true });
  const stopRoute = watchRoute(replan);
  scan();
  return () => {
    observer.disconnect();
    stopRoute();
    armed.forEach((stop) => stop());
    armed.clear();
  };
}
