/**
 * Entry of the core script (dist/cx-feedback.core.js), for pages where a card shows rarely, such as a checkout
 * popover that waits for `order-complete`. It drains the outbox like the full script, plans every <cx-feedback> on
 * the page (src/core/plan.ts) and arms the triggers of waiting popovers. Only when a widget will show does it import
 * cx-feedback.iife.js from its own folder, which defines the element and takes over: the element opens at once for a
 * trigger the core already heard (src/core/handoff.ts). No Lit, no zod: ≤ 12 KiB gzip (size-budget.json).
 */
import { installCoreApi } from './core/api.ts';
import { setScriptUrl, takeFired } from './core/handoff.ts';
import { watchWidgets } from './core/watch.ts';
import { getDelivery } from './transport/index.ts';
import { warn } from './triggers/debug.ts';
import { importNext } from './util/import-next.ts';
import { scriptUrl } from './util/script-url.ts';

/** A hash of cx-feedback.iife.js, put in by scripts/build.mjs: a new release never runs with an old cached copy. */
declare const __CX_SCRIPT_HASH__: string;

const FULL = `cx-feedback.iife.js?v=${__CX_SCRIPT_HASH__}`;

try {
  // The full script is already on the page (both tags pasted): it does everything.
  if (!customElements.get('cx-feedback')) {
    const delivery = getDelivery();
    const stopDelivery = delivery.start();
    const importFull = importNext<unknown>(FULL);
    let stopWatch = (): void => {};
    let loading = false;
    const load = (): void => {
      if (loading) return;
      loading = true;
      // The full script finds its folder (locales, placement) here: as a module it has no document.currentScript.
      setScriptUrl(scriptUrl);
      importFull().then(
        () => {
          // From here the full script plans, opens and delivers; its own delivery takes over the outbox.
          stopWatch();
          stopDelivery();
        },
        () => {
          loading = false;
          // A card the core let through is not opened later, at some unrelated moment, if a retry succeeds.
          for (const el of document.getElementsByTagName('cx-feedback')) takeFired(el);
          warn(null, `the widget script (${FULL.split('?')[0]}, next to cx-feedback.core.js) did not load; the next trigger tries again`);
        },
      );
    };
    // Triggers first: a `track` the page queued before this script ran may be what one of them waits for.
    stopWatch = watchWidgets(load);
    installCoreApi(load, (granted) => delivery.setConsent(granted));
  }
} catch {
  /* never break the host page */
}
