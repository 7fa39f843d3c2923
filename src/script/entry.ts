/**
 * The page's entry module, what dist/cx-feedback.js imports (or a `type="module"` script loads directly). On every
 * page it installs the global `cxFeedback(command, …)` API, plans each <cx-feedback> from its attributes (plan.ts,
 * watch.ts) and peeks into the outbox, without Lit or the delivery code. The survey UI chunk (Lit, the element,
 * delivery) is imported when a widget will show or when the outbox holds responses from earlier visits, and fetched at
 * idle for a popover whose timed trigger will open it; Floating UI and zod are chunks the element imports when a card
 * needs them. A page where nothing shows loads only this module and its trigger and rule code.
 */
import { installGlobalApi } from '../api/global.ts';
import { emit } from '../element/events.ts';
import { loadPopover } from '../placement/load.ts';
import type { Delivery } from '../transport/index.ts';
import { pageNatives } from '../transport/natives.ts';
import { outboxMayHaveRows } from '../transport/peek.ts';
import { warn } from '../triggers/debug.ts';
import { retriedImport } from '../util/retry-import.ts';
import { takeFired } from './handoff.ts';
import { watchWidgets } from './watch.ts';

const importUi = retriedImport(() => import('./ui.ts'));
type UiModule = Awaited<ReturnType<typeof importUi>>;

/** Work that can wait for an idle moment (or a short timeout where requestIdleCallback is missing: Safari). */
const whenIdle = (work: () => void): void =>
  void (typeof requestIdleCallback == 'function'
    ? requestIdleCallback(work, { timeout: 2000 })
    : setTimeout(work, 200));

function start(): void {
  // The classic script (cx-feedback.iife.js) is on the page too and got here first: it does everything.
  if (customElements.get('cx-feedback') || !pageNatives) return;
  // Consent given on this page (a consent manager calls it on every page): applied whenever delivery is loaded, and
  // no reason to load it by itself, since responses it holds are in the outbox, which the peek below finds.
  let consent: boolean | undefined;
  let loaded: Delivery | undefined;
  const loadUi = (): Promise<UiModule> =>
    importUi().then((module) => {
      loaded = module.getDelivery();
      if (consent !== undefined) loaded.setConsent(consent);
      return module;
    });
  // Responses left by earlier visits: delivery, which comes with the survey UI (a page that shows a widget needs both,
  // and one file compresses better than two), loads to send them only when there are some. If it cannot load, they
  // stay in the outbox for the next page.
  void outboxMayHaveRows().then((rows) => {
    if (rows)
      loadUi().then(
        (module) => module.getDelivery().start(),
        () => {},
      );
  });
  let loading = false;
  const load = (): void => {
    if (loading) return;
    loading = true;
    loadUi().then(
      ({ startUi }) => {
        // In a task of its own: downloading and evaluating the chunk, then upgrading and rendering, are two shorter
        // frames instead of one long one. From the upgrade on, each element plans, arms and opens itself; until then
        // the triggers armed here keep listening.
        setTimeout(() => startUi(() => stopWatch()));
      },
      (error: unknown) => {
        loading = false;
        const message = `the survey UI did not load (${String(error)}); the next trigger tries again`;
        warn(null, message);
        // A card the entry let through is not opened later, at some unrelated moment, if a retry succeeds.
        for (const el of Array.from(document.getElementsByTagName('cx-feedback'))) {
          takeFired(el);
          emit(el, 'cx-error', { kind: 'load', message });
        }
        // Armed again: the next trigger tries again.
        stopWatch();
        stopWatch = watchWidgets({ load, prefetch });
      },
    );
  };
  const prefetch = (): void =>
    whenIdle(() => {
      // Fetched and evaluated, not defined: the element still starts only when a widget shows.
      importUi().catch(() => {});
      loadPopover().catch(() => {});
    });
  // Triggers first: a `track` the page queued before this script ran may be what one of them waits for.
  let stopWatch = watchWidgets({ load, prefetch });
  installGlobalApi({
    consent: (granted) => {
      consent = granted;
      loaded?.setConsent(granted);
    },
    show: load,
  });
}

try {
  start();
} catch {
  /* never break the host page */
}
