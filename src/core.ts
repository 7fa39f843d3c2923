/**
 * Entry of the core script (dist/cx-feedback.core.js), for pages where a card shows rarely, such as a checkout
 * popover that waits for `order-complete`. It drains the outbox like the full script, plans every <cx-feedback> on
 * the page (src/core/plan.ts) and arms the triggers of waiting popovers. Only when a widget will show does it import
 * the survey UI, cx-feedback.ui.js, from its own folder: the element with Lit and zod, which borrows the core's
 * delivery, triggers and rules (src/core/lend.ts) and opens at once for a trigger the core already heard
 * (src/core/handoff.ts). If the UI cannot run, it imports the self-contained cx-feedback.iife.js instead. No Lit, no
 * zod: ≤ 12 KiB gzip (size-budget.json).
 */
import { installCoreApi } from './core/api.ts';
import { setScriptUrl, takeFired } from './core/handoff.ts';
import { lend } from './core/lend.ts';
import { watchWidgets } from './core/watch.ts';
import { getDelivery } from './transport/index.ts';
import { warn } from './triggers/debug.ts';
import { importNext } from './util/import-next.ts';
import { scriptUrl } from './util/script-url.ts';

/** Hashes of the UI and of the full script, put in by scripts/build.mjs: a new release never runs with an old cached copy. */
declare const __CX_UI_HASH__: string;
declare const __CX_SCRIPT_HASH__: string;

const UI = `cx-feedback.ui.js?v=${__CX_UI_HASH__}`;
const FULL = `cx-feedback.iife.js?v=${__CX_SCRIPT_HASH__}`;

try {
  // The full script is already on the page (both tags pasted): it does everything.
  if (!customElements.get('cx-feedback')) {
    const delivery = getDelivery();
    const stopDelivery = delivery.start();
    const importUi = importNext<unknown>(UI);
    const importFull = importNext<unknown>(FULL);
    let stopWatch = (): void => {};
    let loading = false;
    const load = (): void => {
      if (loading) return;
      loading = true;
      // The UI finds its folder (locales, placement) here: as a module it has no document.currentScript.
      setScriptUrl(scriptUrl);
      lend();
      // The UI refuses to run against a core of another release (a cache can pair them): the full script has its own.
      importUi()
        .catch(importFull)
        .then(
          () => {
            // From here the element plans, opens and delivers: through the delivery it borrowed (started again by the
            // UI, so this stop leaves it running) or, after the fallback, through the full script's own.
            stopWatch();
            stopDelivery();
          },
          () => {
            loading = false;
            // A card the core let through is not opened later, at some unrelated moment, if a retry succeeds.
            for (const el of document.getElementsByTagName('cx-feedback')) takeFired(el);
            warn(null, 'the survey UI (cx-feedback.ui.js, or cx-feedback.iife.js, next to cx-feedback.core.js) did not load; the next trigger tries again');
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
