import { ask } from '../frequency/ask.ts';
import { watchRoute } from '../placement/route.ts';
import { explain } from '../triggers/debug.ts';
import { startTrigger } from '../triggers/index.ts';
import { safeQuery } from '../util/query.ts';
import { markFired } from './handoff.ts';
import { planFor } from './plan.ts';

/** Triggers that fire by themselves, with time or scrolling: what they will open is worth fetching at idle. */
const TIMED = new Set(['delay', 'scroll', 'idle', 'visible', 'exit']);

export type WatchCallbacks = {
  /** A widget will show: load the element (once is enough; the caller makes it idempotent). */
  load(why: string): void;
  /** A popover the rules allow waits for a timed trigger: fetch what it will need, without running it yet. */
  prefetch(): void;
};

/**
 * Plans every <cx-feedback> on the page, now and as the page adds more, and arms the triggers of waiting popovers.
 * SPA route changes plan every widget again, as the element re-arms its trigger then. Returns the stop.
 */
export function watchWidgets({ load, prefetch }: WatchCallbacks): () => void {
  const armed = new Map<Element, () => void>();
  // A live collection: checking it on each DOM change costs a length and a few lookups, not a walk of what was added.
  const widgets = document.getElementsByTagName('cx-feedback');
  // Start of the page for quiet zones: navigation, then each SPA route change (as in the element).
  let since = 0;
  const consider = (el: Element): (() => void) => {
    const plan = planFor(el);
    if ('load' in plan) return (void (explain(el, `loading the element (${plan.load})`), load(plan.load)), () => {});
    if ('wait' in plan) return (void explain(el, plan.wait), () => {});
    // A popover waiting for a site event (a checkout's `order-complete`) may never open: it downloads at the event.
    if (TIMED.has(plan.trigger.kind) && ask(plan.id, plan.rules).show) prefetch();
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
    for (const [el, stop] of armed) {
      if (el.isConnected) continue;
      stop();
      armed.delete(el);
    }
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
