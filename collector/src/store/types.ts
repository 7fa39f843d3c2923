import type { PayloadV1 } from '../../../src/schema/payload.ts';
import type { Rollups } from './rollup-types.ts';

/**
 * What the handler, the results page and the webhook forwarder need from storage. SQLite (sqlite.ts) and PostgreSQL
 * (postgres.ts) implement it; both are exercised by the same tests. Times cross this boundary as ISO 8601 UTC strings
 * and days as "YYYY-MM-DD" (UTC), so callers never see a driver's Date objects.
 */
export type Store = {
  readonly kind: 'sqlite' | 'postgres';
  /** Inserts by payload id, ON CONFLICT DO NOTHING. With `enqueueWebhook`, an outbox row is written atomically. */
  insertResponse(response: NewResponse, options?: { enqueueWebhook?: boolean }): Promise<InsertResult>;
  listResponses(query: ListQuery): Promise<StoredResponse[]>;
  /** Keyset-paged raw responses in arrival order, for streamed exports. */
  exportPage(filters: Filters, after: ExportCursor | undefined, limit: number): Promise<StoredResponse[]>;
  /** Pre-aggregated counts behind the results page, kept current by insertResponse. */
  rollups: Rollups;
  webhookOutbox: WebhookOutbox;
  close(): Promise<void>;
};

export type NewResponse = {
  payload: PayloadV1;
  receivedAt: string;
  correctedAt: string;
  /** UTC day of correctedAt. */
  day: string;
};

export type InsertResult = 'stored' | 'duplicate';

/** A stored response as listed and exported: the payload as received plus the two server-side times. */
export type StoredResponse = PayloadV1 & { receivedAt: string; correctedAt: string };

export type ListQuery = { limit: number; touchpoint?: string; surveyId?: string };

/**
 * Filters of the exports and the results; `from` and `to` are inclusive UTC days of the clock-corrected submit time,
 * `stage` the journey stage a response names in `context.stage` ('' selects the responses that name none).
 */
export type Filters = {
  touchpoint?: string;
  surveyId?: string;
  locale?: string;
  stage?: string;
  from?: string;
  to?: string;
};

export type ExportCursor = { receivedAt: string; id: string };

/**
 * How many touchpoints, locales and stages the filter lists offer at most (the most answered): a sender can make up
 * any number of touchpoints, and a filter list of thousands would make the results page megabytes long.
 */
export const FACET_LIMIT = 100;

export type OutboxEntry = { responseId: string; attempts: number; response: StoredResponse };

export type WebhookOutbox = {
  /**
   * Claims up to `limit` live entries due at `nowMs` (oldest first) by pushing their next attempt `leaseMs` ahead,
   * so a second collector on the same database skips them, and a claim by a process that died expires by itself.
   */
  claim(nowMs: number, limit: number, leaseMs: number): Promise<OutboxEntry[]>;
  delivered(responseId: string): Promise<void>;
  failed(
    responseId: string,
    update: { attempts: number; nextAttemptAt: number; error: string; dead: boolean },
  ): Promise<void>;
  /** Earliest next_attempt_at among live entries, or null when nothing waits. */
  nextDueAt(): Promise<number | null>;
};
