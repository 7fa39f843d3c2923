import { installGlobalApi } from './api/global.ts';
import { givenScriptUrl } from './core/handoff.ts';
import { defineCxFeedback } from './element/define.ts';
import { getDelivery } from './transport/index.ts';

/**
 * What the script-tag build (src/embed.ts) and the survey UI (src/ui.ts) do as they load: define the element, install
 * the global `cxFeedback(command, …)` API (replaying calls queued before) and start the page's delivery, which drains
 * responses left in the outbox by earlier visits, even where no widget shows. Never throws into the page.
 */
export function startScript(): void {
  try {
    // Imported by the core script (at a trigger, after load), the element is defined (upgrade, first render) in a task
    // of its own: evaluating this script and starting the widget are then two shorter frames instead of one long one
    // (npm run bench: cpu-core). From a <script> tag, at once.
    if (givenScriptUrl()) setTimeout(() => void tryDefine());
    else defineCxFeedback();
    const delivery = getDelivery();
    delivery.start();
    installGlobalApi({ consent: (granted) => delivery.setConsent(granted) });
  } catch {
    /* never break the host page */
  }
}

function tryDefine(): void {
  try {
    defineCxFeedback();
  } catch {
    /* never break the host page */
  }
}
