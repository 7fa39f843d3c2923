import type { PayloadV1 } from '../schema/payload.ts';
import { LIMITS } from '../schema/limits.ts';
import { warnOnce } from '../util/warn.ts';
import { afterAttempt, type Outcome } from './attempt.ts';
import { byteLength, toJson } from './json.ts';
import type { Lock } from './lock.ts';
import type { Beacon } from './natives.ts';
import { addRow, readRows, type Store } from './outbox.ts';
import { checkQueuedPayload } from './payload-check.ts';
import { classify } from './policy.ts';
import { fromRow, isRow, toRow, type Entry } from './row.ts';

/**
 * ok: the response is on its way and `durable` says whether the outbox holds it (false: memory only), `delivered`
 * whether the endpoint acknowledged it first. Not ok: it was refused before anything was queued (a bug in the caller).
 */
export type SubmitResult =
  { ok: true; id: string; durable: boolean; delivered: boolean } | { ok: false; id: string; error: string };
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
  /**
   * Validates and caps, then starts the send and the outbox write at once: the answer is on its way the moment it
   * exists. Resolves on whichever comes first, the acknowledgement or the durable write; never rejects.
   */
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

/** none; waiting for the lock or the database; or a request in flight, with keepalive (it outlives the page) or not. */
type InFlight = 'none' | 'waiting' | 'plain' | 'keepalive';
type Attempted = Outcome & { attempt: number };

/** What this page knows and does about one entry. The page-hide flush must be synchronous: it reads only these. */
type Tracked = {
  entry: Entry;
  inFlight: InFlight;
  /** Submitted or tried by this page: the page-hide flush leaves the others to the tabs that hold them. */
  ownedByPage: boolean;
  /** Failed attempts on this page, against `pageTries`. */
  pageFailures: number;
  /** A keepalive send failed: the shared quota may be used up by the host, so the next try goes without. */
  keepaliveRefused: boolean;
  /** Sent at this page hide already: `visibilitychange` and `pagehide` both come, one send per hide is enough. */
  sentAtHide: boolean;
  /** The outbox write of a new entry, until it has landed: a drain must not forget an entry storage lacks yet. */
  writing?: Promise<boolean>;
};

export function createDelivery(deps: Deps): Delivery {
  const options: Options = { ...DEFAULTS };
  const known = new Map<string, Tracked>();
  const pausedEndpoints = new Set<string>();
  const listeners = new Set<(e: DeliveryEvent) => void>();
  const counts = { sent: 0, retried: 0, dead: 0, aged: 0, dropped: 0, invalid: 0, network: 0 };
  let database: Store | undefined;
  let lock: Lock | undefined;
  let consent: boolean | undefined;
  let starts = 0;
  let keepaliveBytesInFlight = 0;
  /** A drain asked for while a pass runs: one more pass follows it, forced if any request was. */
  let passRequested: 'none' | 'due' | 'forced' = 'none';
  let timerAt = Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let passing: Promise<void> | undefined;
  let stopListening = () => {};

  const store = () => (database ||= deps.store(options));
  const emit = (event: DeliveryEvent) =>
    listeners.forEach((listener) => {
      try {
        listener(event);
      } catch {
        /* a listener's bug is not ours to throw */
      }
    });
  const track = (entry: Entry, ownedByPage: boolean): Tracked => {
    const tracked: Tracked = {
      entry,
      inFlight: 'none',
      ownedByPage,
      pageFailures: 0,
      keepaliveRefused: false,
      sentAtHide: false,
    };
    known.set(entry.id, tracked);
    return tracked;
  };
  const consentAllows = (entry: Entry) =>
    consent || (!entry.heldForConsent && consent !== false && !options.requireConsent);
  const allowed = ({ entry, pageFailures }: Tracked) =>
    !pausedEndpoints.has(entry.endpoint) && consentAllows(entry) && pageFailures < options.pageTries;
  const fitsKeepalive = ({ entry, keepaliveRefused }: Tracked) =>
    !keepaliveRefused && keepaliveBytesInFlight + entry.bytes <= options.keepaliveBytes;

  /** One timer for the whole page, set to the earliest due row; only while someone has started us. */
  const wake = (at: number) => {
    if (!starts || at >= timerAt) return;
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(
      () => {
        timerAt = Infinity;
        void requestPass(false);
      },
      Math.max(0, at - deps.now()),
    );
  };

  const pause = (endpoint: string, status: number, why: string) => {
    if (pausedEndpoints.has(endpoint)) return;
    pausedEndpoints.add(endpoint);
    warnOnce(`cx-feedback: paused sending to ${endpoint} on this page (responses stay queued): ${why}`);
    emit({ type: 'paused', endpoint, status });
  };

  /** The body of attempt `n`: a v1 payload says when and which attempt it is; older versions go as they are. */
  const bodyOf = (entry: Entry, attempt: number) =>
    toJson(
      entry.payload.v == 1 ? { ...entry.payload, sentAt: new Date(deps.now()).toISOString(), attempt } : entry.payload,
    );

  /**
   * Starts one POST synchronously (so it also works inside pagehide) and resolves its outcome and attempt number;
   * never rejects.
   */
  const post = (tracked: Tracked, keepalive: boolean): Promise<Attempted> => {
    const { entry } = tracked;
    const attempt = ++entry.attempts;
    const body = bodyOf(entry, attempt);
    const abort = new AbortController();
    const timeout = setTimeout(() => abort.abort(), options.timeoutMs);
    tracked.inFlight = keepalive ? 'keepalive' : 'plain';
    if (keepalive) keepaliveBytesInFlight += entry.bytes;
    // A CORS-simple request (no preflight), no cookies, no referrer. The null prototype keeps a polluted
    // Object.prototype (method, headers, credentials …) out of the request (matrix H03).
    const init = {
      __proto__: null,
      method: 'POST',
      body,
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      keepalive,
      signal: abort.signal,
    } as RequestInit;
    let request: Promise<Response>;
    try {
      request = deps.fetch(entry.endpoint, init);
    } catch (error) {
      request = Promise.reject(error);
    }
    return request
      .then(
        (response): Attempted => ({
          attempt,
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
        }),
        (): Attempted => ({
          attempt,
          status: 0,
          retryAfter: null,
          error: abort.signal.aborted ? `timeout after ${options.timeoutMs} ms` : 'network error',
        }),
      )
      .finally(() => {
        clearTimeout(timeout);
        if (keepalive) keepaliveBytesInFlight -= entry.bytes;
      });
  };

  /** Applies the receiver's answer: delete on 2xx and dead letters, store the next due time on a retry. */
  const record = async (tracked: Tracked, outcome: Attempted, keepalive: boolean, persisted: Promise<unknown>) => {
    const { entry } = tracked;
    const next = afterAttempt(entry, outcome, deps.now(), options, deps.random);
    // An earlier attempt's failure says nothing about the later one in flight; its success still counts.
    if (next.kind != 'delivered' && outcome.attempt != entry.attempts) return;
    if (next.kind == 'delivered') {
      // The acknowledgement is news at once (the thank-you, cx-sent); the delete must still follow the row's write.
      known.delete(entry.id);
      counts.sent++;
      emit({ type: 'sent', id: entry.id, status: next.status });
      await persisted;
      return void (await store().del(entry.id));
    }
    await persisted;
    if (next.kind == 'pause') {
      return pause(
        entry.endpoint,
        next.status,
        `it answered ${next.status}; check the endpoint URL and that it accepts this site`,
      );
    }
    if (next.kind == 'retry') {
      if (next.countsAsFailure) tracked.pageFailures++;
      if (!outcome.status) {
        counts.network++;
        if (keepalive) tracked.keepaliveRefused = true;
      }
      tracked.entry = next.entry;
      counts.retried++;
      await store().put(toRow(next.entry));
      emit({ type: 'retry', id: entry.id, attempt: next.entry.attempts, delayMs: next.delayMs, reason: next.reason });
      return wake(next.entry.dueAt);
    }
    known.delete(entry.id);
    await store().del(entry.id);
    counts.dead++;
    warnOnce(
      `cx-feedback: ${entry.endpoint} rejected a response with status ${next.status}; it was dropped (does it accept payload v1?)`,
    );
    emit({ type: 'dead', id: entry.id, reason: `rejected with status ${next.status}` });
  };

  /** The attempt count first, so that another tab sees the row was tried. */
  const saveAttempt = (tracked: Tracked) => store().put(toRow(tracked.entry));

  /**
   * Starts a POST, then `persist` (the write its outcome must follow), then records the outcome; `done` never rejects.
   * The entry counts as in flight until its outcome is recorded, so no other attempt starts in between.
   */
  const send = (tracked: Tracked, keepalive: boolean, persist: (tracked: Tracked) => Promise<unknown>) => {
    const outcome = post(tracked, keepalive);
    const attempt = tracked.entry.attempts;
    tracked.ownedByPage = true;
    const persisted = persist(tracked);
    const done = (async () => {
      try {
        // A delete or an update must come after the row it changes: record waits for `persisted`.
        await record(tracked, await outcome, keepalive, persisted);
      } catch {
        /* never into the page; the row stays queued */
      } finally {
        // A later attempt (the page-hide flush's) may be in flight: that one is still going.
        if (tracked.entry.attempts == attempt) tracked.inFlight = 'none';
      }
    })();
    return { outcome, persisted, done };
  };

  /** A drain's attempt: under the row's lock, so that each row is in flight from one tab at a time (matrix C01). */
  const attempt = async (tracked: Tracked) => {
    if (tracked.inFlight != 'none' || !allowed(tracked)) return;
    const { id } = tracked.entry;
    tracked.inFlight = 'waiting';
    try {
      const ran = await (lock ||= deps.lock(options))(id, async () => {
        // The page-hide flush may have sent it while we waited.
        if (tracked.inFlight != 'waiting') return;
        // Read again under the lock: another tab may have delivered it, or tried it and scheduled the next try.
        const stored = await store().get(id);
        if (!isRow(stored)) return void known.delete(id);
        const current = fromRow(stored);
        const tried = current.attempts != tracked.entry.attempts;
        tracked.entry = current;
        if (tried) return wake(current.dueAt);
        await send(tracked, fitsKeepalive(tracked), saveAttempt).done;
      });
      if (!ran) wake(deps.now() + options.baseMs);
    } catch {
      /* never into the page; the row stays queued */
    } finally {
      if (tracked.inFlight == 'waiting') tracked.inFlight = 'none';
    }
  };

  /** A drain's work list: its due rows, the others woken for their time (the clock may have gone back: see below). */
  const pass = async (forced: boolean) => {
    const now = deps.now();
    const { rows, aged, bad } = await readRows(store(), now, options);
    counts.invalid += bad;
    for (const row of aged) {
      counts.aged++;
      known.delete(row.id);
      emit({ type: 'dead', id: row.id, reason: `aged out after ${options.maxAgeMs / 864e5} days` });
    }
    const inStorage = new Set<string>();
    const due: Tracked[] = [];
    for (const row of rows) {
      inStorage.add(row.id);
      let tracked = known.get(row.id);
      if (!tracked) tracked = track(fromRow(row), false);
      else if (tracked.inFlight != 'none' || tracked.writing) continue;
      else tracked.entry = fromRow(row);
      const { entry } = tracked;
      // Due: its time has come, or a forced drain, or a due date further out than any delay we set (the clock went back).
      const isDue =
        entry.dueAt <= now ||
        (forced && !entry.dueFromReceiver) ||
        entry.dueAt > now + options.capMs + options.retryAfterCapMs;
      if (!allowed(tracked)) continue;
      if (isDue) due.push(tracked);
      else wake(entry.dueAt);
    }
    for (const [id, tracked] of known)
      if (!inStorage.has(id) && tracked.inFlight == 'none' && !tracked.writing) known.delete(id);
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        for (let next; (next = due.shift());) await attempt(next);
      }),
    );
  };

  /** Passes never overlap; a request during a pass runs one more pass after it (forced if any request was). */
  const requestPass = (forced: boolean): Promise<void> => {
    passRequested = forced || passRequested == 'forced' ? 'forced' : 'due';
    return (passing ||= (async () => {
      try {
        while (passRequested != 'none') {
          const forcedPass = passRequested == 'forced';
          passRequested = 'none';
          await pass(forcedPass);
        }
      } catch {
        /* storage gave up: the next trigger tries again */
      }
      passing = undefined;
    })());
  };

  /**
   * The page is being hidden or left: every due or unfinished row of ours goes out once as a keepalive fetch, which
   * outlives the page and, unlike sendBeacon, sends no Referer. A row stays until a later acknowledgement.
   */
  const flush = () => {
    const now = deps.now();
    for (const tracked of known.values()) {
      const { entry } = tracked;
      if (!tracked.ownedByPage || !allowed(tracked) || tracked.inFlight == 'keepalive' || tracked.sentAtHide) continue;
      if (entry.dueAt > now && tracked.inFlight == 'none') continue;
      tracked.sentAtHide = true;
      if (fitsKeepalive(tracked)) send(tracked, true, saveAttempt);
      else if (tracked.writing) beaconUnwritten(tracked, now);
      // Otherwise the outbox holds it and the next visit sends it.
    }
  };

  /**
   * Our keepalive budget is used up and the outbox write has not landed: nothing else can carry this answer, so it
   * goes by sendBeacon, the one case where the page's referrer policy applies (docs/reliability.md).
   */
  const beaconUnwritten = (tracked: Tracked, now: number) => {
    const { entry } = tracked;
    try {
      if (deps.beacon?.(entry.endpoint, bodyOf(entry, entry.attempts + 1))) {
        entry.attempts++;
        entry.dueAt = now + options.baseMs;
      }
    } catch {
      /* the host broke sendBeacon: the outbox write is all that is left */
    }
  };

  const onEvent = (event: Event) => {
    try {
      const { type } = event;
      if (type == 'online') {
        // A new network: what failed on the old one deserves fresh attempts (matrix R14).
        for (const tracked of known.values()) {
          tracked.pageFailures = 0;
          tracked.keepaliveRefused = false;
        }
        void requestPass(true);
      } else if (type == 'pageshow') {
        for (const tracked of known.values()) tracked.sentAtHide = false;
        // Back from the bfcache: timers may have been frozen for long (matrix R22).
        if ((event as PageTransitionEvent).persisted) void requestPass(true);
      } else if (type == 'securitypolicyviolation') {
        // blockedURI is the URL we fetched, or its origin.
        const violation = event as SecurityPolicyViolationEvent;
        if (violation.effectiveDirective == 'connect-src' && violation.blockedURI) {
          for (const { entry } of known.values()) {
            if (entry.endpoint.startsWith(violation.blockedURI)) {
              pause(entry.endpoint, 0, "the page's Content-Security-Policy blocks it; add its origin to connect-src");
            }
          }
        }
      } else if (type == 'pagehide' || deps.win!.document.visibilityState == 'hidden') flush();
      else for (const tracked of known.values()) tracked.sentAtHide = false;
    } catch {
      /* never into the page */
    }
  };
  // No `unload`: it would keep the page out of the back/forward cache (matrix R22).
  const lifecycleEvents = ['pagehide', 'visibilitychange', 'pageshow', 'online', 'securitypolicyviolation'];

  /** The checks a payload must pass before anything is queued; an error message, or the entry to queue. */
  const admit = (endpoint: string, payload: PayloadV1): string | Entry => {
    // The element builds payloads within the limits, so this only fires on a bug; the message names the field.
    const invalid = checkQueuedPayload(payload);
    if (invalid) return `cx-feedback: invalid payload: ${invalid}`;
    let url = '';
    try {
      url = new URL(endpoint, deps.win?.document.baseURI).href;
    } catch {
      /* reported below */
    }
    if (!/^https?:/.test(url)) return `cx-feedback: endpoint must be an http(s) URL: "${endpoint}"`;
    const bytes = byteLength(toJson(payload));
    if (bytes > LIMITS.payloadBytes) return `cx-feedback: payload is ${bytes} bytes, over ${LIMITS.payloadBytes}`;
    const now = deps.now();
    return {
      id: payload.id,
      endpoint: url,
      payload,
      queuedAt: now,
      dueAt: now,
      attempts: 0,
      failures: 0,
      bytes,
      heldForConsent: !consent && (consent === false || options.requireConsent),
      dueFromReceiver: false,
    };
  };

  return {
    submit(endpoint, payload) {
      const admitted = admit(endpoint, payload);
      if (typeof admitted == 'string') return Promise.resolve({ ok: false, id: String(payload?.id), error: admitted });
      const tracked = track(admitted, true);
      const { id } = admitted;
      const write = () =>
        addRow(store(), toRow(tracked.entry), options).then(
          ({ durable, dropped }) => {
            for (const row of dropped) {
              counts.dropped++;
              known.delete(row.id);
              emit({ type: 'dead', id: row.id, reason: 'outbox full' });
            }
            return durable;
          },
          () => false,
        );
      let written: Promise<boolean>;
      let delivered: Promise<boolean> = new Promise(() => {});
      if (allowed(tracked)) {
        // The send starts before the outbox write, so that a tab closed right after the tap still sends the answer.
        const sending = send(tracked, fitsKeepalive(tracked), write);
        written = sending.persisted as Promise<boolean>;
        delivered = sending.outcome.then((result) => classify(result.status) == 'ok');
        // Held until the outcome is recorded: a tab or a second copy of the script that reads the row from storage
        // meanwhile must not send it too. No one else knows the id yet, so the lock is ours at once.
        void (lock ||= deps.lock(options))(id, () => sending.done).catch(() => {});
      } else written = write();
      tracked.writing = written;
      void written.then(() => {
        tracked.writing = undefined;
      });
      return new Promise<SubmitResult>((resolve) => {
        void written.then((durable) => resolve({ ok: true, id, durable, delivered: false }));
        void delivered.then((ok) => ok && resolve({ ok: true, id, durable: false, delivered: true }));
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    drain: () => requestPass(true),
    setConsent(granted) {
      consent = !!granted;
      if (consent) void requestPass(true);
    },
    start() {
      let live = true;
      const win = deps.win;
      if (!starts++) {
        if (win) {
          lifecycleEvents.forEach((type) => win.addEventListener(type, onEvent));
          stopListening = () => lifecycleEvents.forEach((type) => win.removeEventListener(type, onEvent));
        }
        void requestPass(true);
      }
      return () => {
        if (!live) return;
        live = false;
        if (--starts) return;
        stopListening();
        clearTimeout(timer);
        timerAt = Infinity;
      };
    },
    configure(overrides) {
      for (const key of Object.keys(DEFAULTS) as (keyof Options)[]) {
        if (Object.hasOwn(overrides, key) && typeof overrides[key] == typeof DEFAULTS[key]) {
          (options as Record<string, unknown>)[key] = overrides[key];
        }
      }
    },
    stats: () => ({ ...counts, queued: known.size }),
  };
}
