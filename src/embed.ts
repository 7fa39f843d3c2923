/**
 * Entry of the script-tag build (dist/cx-feedback.iife.js): defines the element, installs the global
 * `cxFeedback(command, …)` API (replaying calls queued before the script loaded) and, on every page carrying the
 * script, drains responses left in the outbox by earlier visits, even where no widget shows.
 */
import './define.ts';
import { installGlobalApi } from './api/global.ts';
import { getDelivery } from './transport/index.ts';

try {
  const delivery = getDelivery();
  delivery.start();
  installGlobalApi({ consent: (granted) => delivery.setConsent(granted) });
} catch {
  /* never break the host page */
}
