/**
 * Entry of the script-tag build (dist/cx-feedback.iife.js): defines the element and, on every page carrying the
 * script, drains responses left in the outbox by earlier visits, even where no widget shows.
 */
import './define.ts';
import { getDelivery } from './transport/index.ts';

try {
  getDelivery().start();
} catch {
  /* never break the host page */
}
