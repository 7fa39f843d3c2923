/**
 * Entry of the self-contained classic script (dist/cx-feedback.iife.js), for hosts that cannot serve ES modules with
 * CORS: everything in one file. It defines the element, installs the global `cxFeedback(command, …)` API (replaying
 * calls queued before) and starts the page's delivery, which drains responses left in the outbox by earlier visits,
 * even where no widget shows. Floating UI and the JSON survey check still load by need, from files next to it.
 */
import { installGlobalApi } from '../api/global.ts';
import { defineCxFeedback } from '../element/define.ts';
import { getDelivery } from '../transport/index.ts';

try {
  defineCxFeedback();
  const delivery = getDelivery();
  delivery.start();
  installGlobalApi({ consent: (granted) => delivery.setConsent(granted) });
} catch {
  /* never break the host page */
}
