/**
 * Entry of the script-tag build (dist/cx-feedback.iife.js): defines the element, installs the global
 * `cxFeedback(command, …)` API (replaying calls queued before the script loaded) and, on every page carrying the
 * script, drains responses left in the outbox by earlier visits, even where no widget shows.
 */
import { installGlobalApi } from './api/global.ts';
import { givenScriptUrl } from './core/handoff.ts';
import { defineCxFeedback } from './element/define.ts';
import { getDelivery } from './transport/index.ts';

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

function tryDefine(): void {
  try {
    defineCxFeedback();
  } catch {
    /* never break the host page */
  }
}
