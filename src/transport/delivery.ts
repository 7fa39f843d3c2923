import { QueuedPayloadV1, type PayloadV1 } from '../schema/payload.ts';
import { LIMITS } from '../schema/limits.ts';
import { warnOnce } from '../util/warn.ts';
import { byteLength, toJson } from './json.ts';
import type { Lock } from './lock.ts';
import type { Beacon } from './natives.ts';
import { addRow, readRows, type Store } from './outbox.ts';
import { backoff, classify, retryAfter } from './policy.ts';
import type { Row } from './row.ts';

export type SubmitResult = { id: string; durable: boolean }; // durable: written to IndexedDB (false = memory only)
export type DeliveryEvent =
  | { type: 'sent'; id: string; status: number } // acknowledged 2xx (incl. duplicate)
  | { type: 'retry'; id: string; attempt: number; delayMs: number; reason: string }
  | { type: 'dead'; id: string; reason: string } // dead-lettered (400/413/422, aged out, outbox full)
  | { type: 'paused'; endpoint: string; status: number }; // 401/403/404 (or CSP: status 0): endpoint paused for this page

/** Knobs (docs/reliability.md). Tests shrink the times; sites normally leave them alone. */
export const DEFAULTS = {
  /** First backoff window; it doubles per failure up to `capMs`, and the delay is uniform below it (full jitter). */
  baseMs: 1000,
  capMs: 300_000,
  /** A request still unanswered after this is aborted and retried (reason "timeout"). */
  timeoutMs: 12_000,
  /** The longest Retry-After honoured. */
  retryAfterCapMs: 300_000,
  /** Wait after a 429 without Retry-After. */
  rateLimitMs: 60_000,
  /** A row older than this that was tried at least `minTries` times is dead-lettered ("aged out"). */
  maxAgeMs: 7 * 864e5,
  minTries: 3,
  maxRows: 200,
  maxBytes: 1 << 20,
  /** Our share of the browser's 64 KiB keepalive quota, which the host page shares. */
  keepaliveBytes: 48 << 10,
  /** Failed attempts per row and page; then the row waits for the next page load or `online`. 429s do not count. */
  pageTries: 20,
  /** How long IndexedDB may take to open before the outbox falls back to memory. */
  openMs: 3000,
  /** Lease lifetime where Web Locks are missing: longer than any request can take. */
  leaseMs: 20_000,
  /** Rows sent side by side by one drain. */
  concurrency: 4,
  /** Hold every new response until setConsent(true) (same as calling setConsent(false) first). */
  requireConsent: false,
};
export type Options = typeof DEFAULTS;
export type Stats = Record<'sent' | 'retried' | 'dead' | 'aged' | 'dropped' | 'invalid' | 'network' | 'queued', number>;

export interface Delivery {
  /** Validates and caps, persists first, then sends at once. Rejects (message starting "cx-feedback:") on bad input. */
  submit(endpoint: string, payload: PayloadV1): Promise<SubmitResult>;
  subscribe(listener: (e: DeliveryEvent) => void): () => void;
  /** Sends every queued row now, backoff aside (a receiver's Retry-After still holds); never rejects. */
  drain(): Promise<void>;
  /** false (or requireConsent) holds new responses, across visits, until a page calls setConsent(true). */
  setConsent(granted: boolean): void;
  /** Refcounted: the first start listens to the page lifecycle and drains; the last stop removes listeners and timer. */
  start(): () => void;
  configure(options: Partial<Options>): void;
  /** Counters for this page; `queued` is the number of rows this page knows of. */
  stats(): Stats;
}

export type Deps = {
  fetch: typeof fetch;
  beacon?: Beacon;
  store: (o: Options) => Store;
  lock: (o: Options) => Lock;
  now: () => number;
  random: () => number;
  /** The page whose lifecycle we follow; absent in unit tests. */
  win?: Window;
};

type Outcome = [status: number, info: string | null];

export function createDelivery(x: Deps): Delivery {
  const o: Options = { ...DEFAULTS };
  /** This page's view of the outbox: the exit flush must be synchronous, so it cannot read IndexedDB. */
  const rows = new Map<string, Row>();
  /** Rows this page is sending, and those of them sent with keepalive (they outlive the page: no beacon needed). */
  const busy = new Set<string>();
  const kept = new Set<string>();
  /** Rows this page submitted or tried: the exit flush leaves the others to the tabs that hold them. */
  const mine = new Set<string>();
  /** Rows whose keepalive send failed: the shared quota may be used up by the host, so the next try goes without. */
  const noKeepalive = new Set<string>();
  const paused = new Set<string>();
  const tries = new Map<string, number>();
  const listeners = new Set<(e: DeliveryEvent) => void>();
  const counts = { sent: 0, retried: 0, dead: 0, aged: 0, dropped: 0, invalid: 0, network: 0 };
  let db: Store | undefined;
  let locker: Lock | undefined;
  let consent: boolean | undefined;
  let refs = 0;
  let keptBytes = 0;
  let again = 0;
  let timerAt = Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let unlisten = () => {};

  const store = () => (db ||= x.store(o));
  const emit = (e: DeliveryEvent) =>
    listeners.forEach((l) => {
      try {
        l(e);
      } catch {
        /* a listener's bug is not ours to throw */
      }
    });
  const allowed = (r: Row) =>
    !paused.has(r.e) && (consent || (!r.h && consent !== false && !o.requireConsent)) && (tries.get(r.id) || 0) < o.pageTries;
  const keepalive = (r: Row) => !noKeepalive.has(r.id) && keptBytes + r.b <= o.keepaliveBytes;

  /** One timer for the whole page, set to the earliest due row; only while someone has started us. */
  const wake = (at: number) => {
    if (!refs || at >= timerAt) return;
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(() => {
      timerAt = Infinity;
      void run(0);
    }, Math.max(0, at - x.now()));
  };

  const pause = (e: string, status: number, why: string) => {
    if (paused.has(e)) return;
    paused.add(e);
    warnOnce(`cx-feedback: paused sending to ${e} on this page (responses stay queued): ${why}`);
    emit({ type: 'paused', endpoint: e, status });
  };

  /** The body of attempt `n`: a v1 payload says when and which attempt it is; older versions go as they are. */
  const body = (r: Row, n: number) => toJson(r.p.v == 1 ? { ...r.p, sentAt: new Date(x.now()).toISOString(), attempt: n } : r.p);

  /** Starts one POST synchronously (so it also works inside pagehide) and resolves its outcome; never rejects. */
  const post = (r: Row, ka: boolean): Promise<Outcome> => {
    const data = body(r, ++r.a);
    const ac = new AbortController();
    const t = setTimeout(() => ac.abort(), o.timeoutMs);
    if (ka) {
      keptBytes += r.b;
      kept.add(r.id);
    }
    return (async (): Promise<Outcome> => {
      try {
        // A CORS-simple request (no preflight), no cookies, no referrer. The null prototype keeps a polluted
        // Object.prototype (method, headers, credentials …) out of the request (matrix H03).
        const init = {
          __proto__: null,
          method: 'POST',
          body: data,
          headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
          keepalive: ka,
          signal: ac.signal,
        } as RequestInit;
        const res = await x.fetch(r.e, init);
        return [res.status, res.headers.get('retry-after')];
      } catch {
        return [0, ac.signal.aborted ? `timeout after ${o.timeoutMs} ms` : 'network error'];
      } finally {
        clearTimeout(t);
        if (ka) {
          keptBytes -= r.b;
          kept.delete(r.id);
        }
      }
    })();
  };

  const settle = async (r: Row, [s, info]: Outcome, ka: boolean) => {
    const verdict = classify(s);
    if (verdict == 'pause') return pause(r.e, s, `it answered ${s}; check the endpoint URL and that it accepts this site`);
    if (verdict == 'retry') {
      const now = x.now();
      const wait = retryAfter(s ? info : null, now, o.retryAfterCapMs) ?? (s == 429 ? o.rateLimitMs : undefined);
      // Being rate limited is not a failure: it neither grows the backoff nor uses up the page budget.
      if (s != 429) {
        r.f++;
        tries.set(r.id, (tries.get(r.id) || 0) + 1);
      }
      if (!s) {
        counts.network++;
        if (ka) noKeepalive.add(r.id);
      }
      const delay = wait ?? backoff(r.f, x.random, o.baseMs, o.capMs);
      r.d = now + delay;
      if (wait === undefined) delete r.r;
      else r.r = 1;
      counts.retried++;
      await store().put(r);
      emit({ type: 'retry', id: r.id, attempt: r.a, delayMs: delay, reason: s ? `status ${s}` : info! });
      return wake(r.d);
    }
    rows.delete(r.id);
    await store().del(r.id);
    if (verdict == 'ok') {
      counts.sent++;
      emit({ type: 'sent', id: r.id, status: s });
    } else {
      counts.dead++;
      warnOnce(`cx-feedback: ${r.e} rejected a response with status ${s}; it was dropped (does it accept payload v1?)`);
      emit({ type: 'dead', id: r.id, reason: `rejected with status ${s}` });
    }
  };

  /** Sends this page's freshest copy of a row and records the outcome. */
  const fire = async (r: Row, ka: boolean) => {
    const outcome = post(r, ka);
    rows.set(r.id, r);
    mine.add(r.id);
    await store().put(r); // the attempt count first, so another tab sees the row was tried
    await settle(r, await outcome, ka);
  };

  const attempt = async (r: Row) => {
    if (busy.has(r.id) || !allowed(r)) return;
    busy.add(r.id);
    try {
      const ran = await (locker ||= x.lock(o))(r.id, async () => {
        // Read again under the lock: another tab may have delivered it, or tried it and scheduled the next try.
        const cur = (await store().get(r.id)) as Row | undefined;
        if (!cur) rows.delete(r.id);
        else if (cur.a != r.a) {
          rows.set(r.id, cur);
          wake(cur.d);
        }
        else await fire(cur, keepalive(cur));
      });
      if (!ran) wake(x.now() + o.baseMs);
    } catch {
      /* never into the page; the row stays queued */
    } finally {
      busy.delete(r.id);
    }
  };

  const pass = async (force: boolean) => {
    const now = x.now();
    const { rows: list, aged, bad } = await readRows(store(), now, o);
    counts.invalid += bad;
    for (const r of aged) {
      counts.aged++;
      emit({ type: 'dead', id: r.id, reason: `aged out after ${o.maxAgeMs / 864e5} days` });
    }
    rows.clear();
    for (const r of list) rows.set(r.id, r);
    // Due: its time has come, or a forced drain, or a due date further out than any delay we set (the clock went back).
    const due = list.filter(
      (r) => allowed(r) && !busy.has(r.id) && (r.d <= now || (force && !r.r) || r.d > now + o.capMs + o.retryAfterCapMs || (wake(r.d), false)),
    );
    await Promise.all(
      Array.from({ length: o.concurrency }, async () => {
        for (let r; (r = due.shift()); ) await attempt(r);
      }),
    );
  };

  /** Passes never overlap; a request during a pass runs one more pass after it (forced if any request was). */
  const run = (force: number): Promise<void> => {
    again |= force ? 2 : 1;
    return (running ||= (async () => {
      try {
        while (again) {
          const f = again > 1;
          again = 0;
          await pass(f);
        }
      } catch {
        /* storage gave up: the next trigger tries again */
      }
      running = undefined;
    })());
  };

  /**
   * Page is being hidden or left: hand what is due to sendBeacon (no ack, so the row stays until a later 2xx);
   * where the beacon is refused (shared quota), missing or throws, a fetch takes over (matrix R24/R25).
   */
  const flush = () => {
    const now = x.now();
    for (const r of rows.values())
      if (mine.has(r.id) && allowed(r) && !kept.has(r.id) && (r.d <= now || busy.has(r.id))) {
        let ok: boolean | undefined;
        try {
          ok = x.beacon?.(r.e, body(r, r.a + 1));
          if (ok) r.a++;
        } catch {
          /* treated like a missing beacon */
        }
        if (ok) {
          r.d = now + o.baseMs;
          void store().put(r);
        } else void fire(r, ok === undefined && keepalive(r)).catch(() => {});
      }
  };

  const onEvent = (ev: Event) => {
    try {
      const t = ev.type;
      if (t == 'online') {
        // A new network: what failed on the old one deserves fresh attempts (matrix R14).
        tries.clear();
        noKeepalive.clear();
        void run(2);
      } else if (t == 'pageshow') {
        // Back from the bfcache: timers may have been frozen for long (matrix R22).
        if ((ev as PageTransitionEvent).persisted) void run(2);
      } else if (t == 'securitypolicyviolation') {
        // blockedURI is the URL we fetched, or its origin.
        const v = ev as SecurityPolicyViolationEvent;
        if (v.effectiveDirective == 'connect-src' && v.blockedURI)
          for (const r of rows.values()) if (r.e.startsWith(v.blockedURI)) pause(r.e, 0, "the page's Content-Security-Policy blocks it; add its origin to connect-src");
      } else if (t == 'pagehide' || x.win!.document.visibilityState == 'hidden') flush();
    } catch {
      /* never into the page */
    }
  };
  // No `unload`: it would keep the page out of the back/forward cache (matrix R22).
  const types = ['pagehide', 'visibilitychange', 'pageshow', 'online', 'securitypolicyviolation'];

  return {
    async submit(endpoint, payload) {
      const parsed = QueuedPayloadV1.safeParse(payload);
      // Terse on purpose: the element builds payloads, so this only fires on a bug (issue paths name the field).
      if (!parsed.success) throw new Error(`cx-feedback: invalid payload: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.code}`).join(', ')}`);
      let e = '';
      try {
        e = new URL(endpoint, x.win?.document.baseURI).href;
      } catch {
        /* reported below */
      }
      if (!/^https?:/.test(e)) throw new Error(`cx-feedback: endpoint must be an http(s) URL: "${endpoint}"`);
      const p = parsed.data;
      const b = byteLength(toJson(p));
      if (b > LIMITS.payloadBytes) throw new Error(`cx-feedback: payload is ${b} bytes, over ${LIMITS.payloadBytes}`);
      const now = x.now();
      const row: Row = { id: p.id, e, p, t: now, d: now, a: 0, f: 0, b };
      if (!consent && (consent === false || o.requireConsent)) row.h = 1;
      const { durable, dropped } = await addRow(store(), row, o);
      for (const r of dropped) {
        counts.dropped++;
        rows.delete(r.id);
        emit({ type: 'dead', id: r.id, reason: 'outbox full' });
      }
      rows.set(row.id, row);
      mine.add(row.id);
      void attempt(row);
      return { id: row.id, durable };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    drain: () => run(2),
    setConsent(granted) {
      consent = !!granted;
      if (consent) void run(2);
    },
    start() {
      let live = true;
      const w = x.win;
      if (!refs++) {
        if (w) {
          types.forEach((t) => w.addEventListener(t, onEvent));
          unlisten = () => types.forEach((t) => w.removeEventListener(t, onEvent));
        }
        void run(2);
      }
      return () => {
        if (!live) return;
        live = false;
        if (--refs) return;
        unlisten();
        clearTimeout(timer);
        timerAt = Infinity;
      };
    },
    configure(options) {
      for (const k of Object.keys(DEFAULTS) as (keyof Options)[])
        if (Object.hasOwn(options, k) && typeof options[k] == typeof DEFAULTS[k]) (o as Record<string, unknown>)[k] = options[k];
    },
    stats: () => ({ ...counts, queued: rows.size }),
  };
}
