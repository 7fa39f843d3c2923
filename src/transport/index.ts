/**
 * Delivery: the outbox and its send loop, shared by every <cx-feedback> on the page (one outbox, one timer, one
 * drain loop). Behaviour and the fault scenarios it is tested against: docs/reliability.md.
 */
import { createDelivery, type Delivery } from './delivery.ts';
import { leaseLock, webLock } from './lock.ts';
import { pageNatives as own } from './natives.ts';
import { fallbackStore, openIdb } from './store.ts';
import { newId } from './uuid.ts';

export type { Delivery, DeliveryEvent, Options, Stats, SubmitResult } from './delivery.ts';
export { DEFAULTS } from './delivery.ts';
export { newId } from './uuid.ts';

let one: Delivery | undefined;

/** The page's delivery (module singleton). Creating it touches nothing; storage opens on first use. */
export function getDelivery(): Delivery {
  return (one ||= createDelivery({
    fetch: own ? own.fetch : (input, init) => fetch(input, init),
    beacon: own?.beacon,
    store: (o) => fallbackStore(openIdb(o.openMs)),
    lock(o) {
      if (navigator.locks) return webLock(navigator.locks);
      let ls: Storage | undefined;
      try {
        ls = localStorage;
      } catch {
        /* sandboxed: SecurityError */
      }
      return leaseLock(ls, newId(), Date.now, () => o.leaseMs);
    },
    now: Date.now,
    random: Math.random,
    win: window,
  }));
}
