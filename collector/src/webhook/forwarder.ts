import type { OutboxEntry, Store } from '../store/types.ts';
import { DEFAULT_BACKOFF, backoffDelay, parseRetryAfter } from './backoff.ts';
import type { BackoffOptions } from './backoff.ts';
import { forwardsResponse } from './filter.ts';
import type { WebhookFilter } from './filter.ts';
import { sign } from './sign.ts';
import { redactUrl } from './target.ts';

export type ForwarderOptions = {
  store: Store;
  url: string;
  secret: string;
  /** CX_WEBHOOK_FILTER: only these responses are sent; without it, every new response. */
  filter?: WebhookFilter;
  backoff?: BackoffOptions;
  /** After this many failed attempts an entry is marked dead (kept in webhook_outbox for inspection). */
  maxAttempts?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  log?: (message: string) => void;
};

export type Forwarder = {
  wake(): void;
  stop(): Promise<void>;
  /** Resolves once nothing due is left (tests). */ idle(): Promise<void>;
};

const BATCH = 20;
/** A claimed entry is not retried by anyone else for this long (must exceed one attempt's timeout). */
const LEASE_MS = 60_000;
/** Even with nothing due we look again this often, for rows written by another collector on the same database. */
const POLL_MS = 30_000;

/** The webhook body: a Standard Webhooks style envelope around the stored response. */
export const webhookBody = (entry: OutboxEntry): string =>
  JSON.stringify({ type: 'response.created', timestamp: entry.response.receivedAt, data: entry.response });

/**
 * Delivers each new response to CX_WEBHOOK_URL at least once. The outbox row was written with the response, so
 * a crash or restart simply continues from the table; a 2xx deletes the row, anything else schedules a retry.
 */
export function startWebhookForwarder(options: ForwarderOptions): Forwarder {
  const { store, url, secret } = options;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const maxAttempts = options.maxAttempts ?? 15;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const log = options.log ?? ((m: string) => console.warn(`cx-collector webhook: ${m}`));
  const forwards = forwardsResponse(options.filter);

  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  /** A wake-up that came while a pass was running: run one more pass after it, so no new row waits for the poll. */
  let rerun = false;

  async function deliver(entry: OutboxEntry): Promise<void> {
    // Filtered here rather than at ingest so the outbox stays the one record of what is owed: a response the filter
    // leaves out has its row removed in the pass after it was stored, and changing the filter needs no migration.
    if (!forwards(entry.response)) return store.webhookOutbox.delivered(entry.responseId);
    const body = webhookBody(entry);
    const timestamp = Math.floor(now() / 1000);
    let failure: string;
    let retryAfterMs: number | undefined;
    try {
      const res = await doFetch(url, {
        method: 'POST',
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          'content-type': 'application/json',
          'webhook-id': entry.responseId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': sign(secret, entry.responseId, timestamp, body),
        },
      });
      await res.body?.cancel().catch(() => {});
      if (res.ok) return store.webhookOutbox.delivered(entry.responseId);
      failure = `HTTP ${res.status}`;
      retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), now());
    } catch (err) {
      // Stored in webhook_outbox.last_error and logged: never with the URL's query (it may hold a key).
      failure = (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).split(url).join(redactUrl(url));
    }
    const attempts = entry.attempts + 1;
    const dead = attempts >= maxAttempts;
    if (dead)
      log(`giving up on ${entry.responseId} after ${attempts} attempts (${failure}); it stays in webhook_outbox`);
    await store.webhookOutbox.failed(entry.responseId, {
      attempts,
      nextAttemptAt: now() + backoffDelay(attempts, backoff, random, retryAfterMs),
      error: failure,
      dead,
    });
  }

  async function drain(): Promise<void> {
    for (;;) {
      const batch = await store.webhookOutbox.claim(now(), BATCH, LEASE_MS);
      await Promise.all(batch.map(deliver));
      if (batch.length < BATCH || stopped) return;
    }
  }

  async function schedule(): Promise<void> {
    if (stopped) return;
    const at = await store.webhookOutbox.nextDueAt().catch(() => null);
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, at === null ? POLL_MS : Math.min(POLL_MS, Math.max(0, at - now())));
    timer.unref?.();
  }

  function run(): void {
    if (stopped) return;
    if (running) {
      rerun = true;
      return;
    }
    clearTimeout(timer);
    running = drain()
      .catch((err: unknown) => log(`delivery loop failed: ${err instanceof Error ? err.message : String(err)}`))
      .then(schedule)
      .finally(() => {
        running = undefined;
        if (rerun) {
          rerun = false;
          run();
        }
      });
  }

  run();
  return {
    wake: run,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
    async idle() {
      while (running) await running;
    },
  };
}
