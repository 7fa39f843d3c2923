import { defineCxFeedback } from '../element/define.ts';
import { getDelivery } from '../transport/index.ts';

export { getDelivery };

/**
 * The survey UI chunk: Lit, the element and delivery. The page's entry module (entry.ts) imports it only when a
 * widget will show, or at idle when a timed trigger is armed, and starts it when a widget shows; or only its delivery,
 * to send responses left in the outbox by earlier visits.
 */
export function startUi(): void {
  try {
    getDelivery().start();
    defineCxFeedback();
  } catch {
    /* never break the host page */
  }
}
