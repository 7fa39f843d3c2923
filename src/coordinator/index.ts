import { store as pageStore, type Store } from '../frequency/store.ts';
import { claim, unclaim } from './claim.ts';

/**
 * The page-level coordinator: at most one interrupting widget (popover, or floating that opens by itself) is open at a
 * time. Requests wait in a queue ordered by priority (higher first), then by arrival; when the open one is released
 * the next one opens. A survey already open in another tab is skipped (`denied` says why).
 */
export type OpenRequest = {
  id: string;
  priority?: number;
  /** Open now. It may still decline (quiet zone, frequency re-check): then it calls release(id). */
  open: () => void;
  denied?: (reason: string) => void;
};

export type Coordinator = {
  /** Queues the request; returns cancel (also releases it if it is the open one). */
  requestOpen(entry: OpenRequest): () => void;
  /** The widget closed (or declined): let the next one open. */
  release(id: string): void;
};

export function createCoordinator(
  store: Store = pageStore,
  now: () => number = Date.now,
  defer?: (run: () => void) => void,
): Coordinator {
  const queue: OpenRequest[] = [];
  let waiting = false;
  const mine = new Set<string>();
  let current: OpenRequest | undefined;
  // Tabs that go away without closing their widget give their claims back (pagehide also covers bfcache). Listened to
  // only while this tab holds a claim, so an idle page keeps no listener.
  const onHide = () => mine.forEach((id) => unclaim(store, id, mine));

  const pump = () => {
    while (!current && queue.length) {
      // sort() is stable and the queue is in arrival order, so equal priorities keep first-come-first-served.
      queue.sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
      const next = queue.shift()!;
      if (!claim(store, next.id, now(), mine)) {
        next.denied?.('already open in another tab');
        continue;
      }
      current = next;
      globalThis.addEventListener?.('pagehide', onHide);
      try {
        next.open();
      } catch {
        release(next.id);
      }
    }
  };

  const release = (id: string) => {
    const i = queue.findIndex((e) => e.id == id);
    if (i >= 0) queue.splice(i, 1);
    if (current?.id != id) return;
    current = undefined;
    unclaim(store, id, mine);
    globalThis.removeEventListener?.('pagehide', onHide);
    pump();
  };

  return {
    requestOpen(entry) {
      queue.push(entry);
      if (!defer) pump();
      else if (!waiting) {
        waiting = true;
        defer(() => {
          waiting = false;
          pump();
        });
      }
      return () =>
        current == entry ? release(entry.id) : queue.includes(entry) && queue.splice(queue.indexOf(entry), 1);
    },
    release,
  };
}

/**
 * The page's coordinator, shared by every <cx-feedback> on it. Requests gather for 50 ms before the first one opens,
 * so widgets whose triggers fire at the same moment (one event, page load) open by priority, not by page order.
 */
export const coordinator: Coordinator = createCoordinator(pageStore, Date.now, (run) => setTimeout(run, 50));
