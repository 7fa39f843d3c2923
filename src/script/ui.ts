import { defineCxFeedback } from '../element/define.ts';
import { styles } from '../element/styles.ts';
import { getDelivery } from '../transport/index.ts';

export { getDelivery };

/**
 * The survey UI chunk: Lit, the element and delivery. The page's entry module (entry.ts) imports it only when a
 * widget will show, or at idle when a timed trigger is armed, and starts it when a widget shows; or only its delivery,
 * to send responses left in the outbox by earlier visits.
 */
export function startUi(handOver: () => void = () => {}): void {
  try {
    getDelivery().start();
    // The stylesheet is parsed here, and the elements upgraded in the next task: each a short task for the host page.
    void styles.styleSheet;
    setTimeout(() => defineSafely(handOver));
  } catch {
    /* never break the host page */
  }
}

/**
 * `handOver` stops the entry's own trigger watching. It runs in the task that defines the element, whose upgrades arm
 * each widget's trigger before the task ends: no event the page fires in between (a checkout's `order-complete`) can
 * fall between the two.
 */
function defineSafely(handOver: () => void): void {
  try {
    handOver();
    defineCxFeedback();
  } catch {
    /* an upgrade that throws stays ours: never the host page's error */
  }
}
