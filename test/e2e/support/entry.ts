/**
 * Browser side of the e2e tests: the delivery module as the element will use it, plus helpers the tests call through
 * page.evaluate. Bundled by bundle.ts into a classic script (a sandboxed, opaque-origin iframe cannot load modules
 * without CORS). `window.cxConfig` (set by the test page) holds the endpoint and the shrunken timings.
 */
import type { PayloadV1 } from '../../../src/schema/payload.ts';
import { DB_NAME } from '../../../src/transport/store.ts';
import { getDelivery, newId, type DeliveryEvent, type Options } from '../../../src/transport/index.ts';

type Config = Partial<Options> & { endpoint: string; start?: boolean; consent?: boolean };
type Over = { id?: string; text?: string; createdAt?: string };

declare global {
  interface Window {
    cxConfig: Config;
    cxTest: typeof api;
    /** The first copy when the script was loaded twice (matrix C06). */
    cxTestFirst?: typeof api;
    __errors: string[];
    /** pageshow.persisted of every pageshow (the test page records them). */
    __pageshow: boolean[];
    /** Spies installed by init scripts (R23–R25). */
    __fetches?: { keepalive: boolean; bytes: number }[];
    __beacons?: boolean[];
  }
}

const cfg = window.cxConfig;
const d = getDelivery();
d.configure(cfg);
const events: DeliveryEvent[] = [];
d.subscribe((e) => events.push(e));
if (cfg.consent !== undefined) d.setConsent(cfg.consent);
if (cfg.start !== false) d.start();

const payload = (o: Over = {}): PayloadV1 => ({
  v: 1,
  id: o.id ?? newId(),
  surveyId: 'e2e',
  touchpoint: 'e2e',
  answers: [
    { questionId: 'q1', type: 'nps', value: 9 },
    { questionId: 'q2', type: 'choice', value: ['a', 'b'] },
    { questionId: 'q3', type: 'text', value: o.text ?? 'fine' },
  ],
  context: { url: location.origin + '/page.html', locale: 'en' },
  metadata: { plan: 'pro' },
  createdAt: o.createdAt ?? new Date().toISOString(),
});

const idb = <T>(f: (db: IDBDatabase) => Promise<T>): Promise<T> =>
  new Promise((ok, fail) => {
    const rq = indexedDB.open(DB_NAME, 1);
    rq.onupgradeneeded = () => rq.result.createObjectStore('rows', { keyPath: 'id' });
    rq.onerror = () => fail(rq.error);
    rq.onsuccess = () => f(rq.result).then((v) => (rq.result.close(), ok(v)), fail);
  });
const tx = <T>(db: IDBDatabase, mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T> | void) =>
  new Promise<T | undefined>((ok, fail) => {
    const t = db.transaction('rows', mode);
    const rq = f(t.objectStore('rows'));
    t.oncomplete = () => ok(rq ? rq.result : undefined);
    t.onerror = () => fail(t.error);
  });

const api = {
  d,
  events,
  newId,
  payload,
  endpoint: cfg.endpoint,
  /** Submits a fresh valid payload; resolves { id, durable, delivered } or { id, error }. */
  async submit(
    o: Over = {},
    endpoint = cfg.endpoint,
  ): Promise<{ id: string; durable?: boolean; delivered?: boolean; error?: string }> {
    const result = await d.submit(endpoint, payload(o));
    return result.ok ? result : { id: result.id, error: result.error };
  },
  async submitMany(n: number, o: Omit<Over, 'id'> = {}): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await api.submit(o)).id);
    return ids;
  },
  /** Raw rows in the outbox database ([] when there is none). */
  outbox: (): Promise<unknown[]> =>
    idb((db) => tx(db, 'readonly', (s) => s.getAll()).then((r) => r ?? [])).catch(() => []),
  /** Writes raw rows straight into the outbox database (matrix S04, C01). */
  seed: (rows: unknown[]) => idb((db) => tx(db, 'readwrite', (s) => void rows.forEach((r) => s.put(r)))),
  /** What a tab switch or app switch looks like to the page (headless Chromium never hides a page by itself). */
  hide() {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  },
  show() {
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  },
  errors: () => window.__errors,
};

if (window.cxTest) window.cxTestFirst = window.cxTest;
window.cxTest = api;
