import { DB_NAME } from './db-name.ts';

/** How long the peek waits for IndexedDB before it assumes rows may be there. */
const PEEK_MS = 3000;

/**
 * Whether the outbox may hold responses from an earlier visit, read without loading delivery: the page's entry module
 * loads the delivery code only then (or when a widget shows). Never creates the database; resolves true when it
 * cannot tell (slow or failing IndexedDB), so a queued response is never left behind by a wrong "empty".
 */
export function outboxMayHaveRows(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<boolean> {
  return new Promise((done) => {
    setTimeout(() => done(true), PEEK_MS);
    try {
      if (!factory) return done(false);
      const request = factory.open(DB_NAME);
      // No database yet: nothing was ever queued on this origin. Aborting leaves none behind.
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onsuccess = () => {
        const db = request.result;
        try {
          const count = db.transaction('rows').objectStore('rows').count();
          count.onsuccess = () => done(count.result > 0);
          count.onerror = () => done(true);
        } catch {
          done(true);
        } finally {
          // Closing waits for the count's transaction to finish, and frees the database for delivery's own upgrade.
          db.close();
        }
      };
      // An aborted upgrade (no database) ends here too; a blocked or failing open is for delivery to handle.
      request.onerror = () => done(request.error?.name != 'AbortError');
      request.onblocked = () => done(true);
    } catch {
      // Sandboxed (SecurityError): delivery would fall back to memory, which holds nothing from earlier visits.
      done(false);
    }
  });
}
