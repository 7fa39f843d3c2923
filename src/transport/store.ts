import type { Store } from './outbox.ts';
import type { Row } from './row.ts';

import { DB_NAME } from './db-name.ts';

export { DB_NAME };
const ROWS = 'rows';

const idbStore = (db: IDBDatabase): Store => {
  const run = <T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>) =>
    new Promise<T>((ok, fail) => {
      const tx = db.transaction(ROWS, mode);
      const rq = f(tx.objectStore(ROWS));
      // Resolve on commit, not on request success: only then is the row on disk.
      tx.oncomplete = () => ok(rq.result);
      tx.onerror = tx.onabort = () => fail(tx.error);
    });
  return {
    all: () => run('readonly', (s) => s.getAll()),
    get: (id) => run('readonly', (s) => s.get(id)),
    put: (row) => run('readwrite', (s) => s.put(row)).then(() => true),
    del: (id) => run('readwrite', (s) => s.delete(id as IDBValidKey)),
  };
};

/**
 * Opens the outbox database, or resolves undefined when IndexedDB is missing, throws (sandboxed iframe: SecurityError),
 * errors, is blocked by another connection, or does not answer within `ms` (matrix S01/S02).
 */
export function openIdb(ms: number, factory?: IDBFactory): Promise<Store | undefined> {
  return new Promise((done) => {
    setTimeout(done, ms);
    try {
      const rq = (factory || indexedDB).open(DB_NAME, 1);
      rq.onupgradeneeded = () =>
        rq.result.createObjectStore(ROWS, { __proto__: null, keyPath: 'id' } as IDBObjectStoreParameters);
      rq.onsuccess = () => {
        const db = rq.result;
        // A newer version wants the database: let it have it; our reads and writes fall back to memory.
        db.onversionchange = () => db.close();
        done(idbStore(db));
      };
      rq.onerror = rq.onblocked = () => done(undefined);
    } catch {
      done(undefined);
    }
  });
}

/** Page-lifetime rows: the fallback when there is no usable IndexedDB, and for tests. */
export function memoryStore(m = new Map<unknown, Row>()): Store {
  return {
    all: async () => [...m.values()],
    get: async (id) => m.get(id),
    put: async (row) => (m.set(row.id, row), false),
    del: async (id) => m.delete(id),
  };
}

/**
 * IndexedDB when it works, memory when it does not: a write that fails (QuotaExceededError, closed database) keeps
 * the row in memory and reports it as not durable (matrix S03). Never rejects.
 */
export function fallbackStore(db: Promise<Store | undefined>): Store {
  const mem = new Map<unknown, Row>();
  const disk = async <T>(f: (s: Store) => Promise<T>): Promise<T | undefined> => {
    try {
      const s = await db;
      return s && (await f(s));
    } catch {
      return undefined;
    }
  };
  return {
    all: async () => [
      ...((await disk((s) => s.all())) || []).filter((r) => !mem.has((r as Row | null)?.id)),
      ...mem.values(),
    ],
    get: async (id) => mem.get(id) || disk((s) => s.get(id)),
    async put(row) {
      const durable = !!(await disk((s) => s.put(row)));
      durable ? mem.delete(row.id) : mem.set(row.id, row);
      return durable;
    },
    async del(id) {
      mem.delete(id);
      return disk((s) => s.del(id));
    },
  };
}
