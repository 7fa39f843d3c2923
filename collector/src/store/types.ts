import type { PayloadV1 } from '../../../src/schema/payload.ts';
import type { RatingKind } from '../../../src/schema/scales.ts';
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
  ratingCounts(filters: Filters): Promise<RatingCountRow[]>;
  responseCounts(filters: Filters): Promise<ResponseCountRow[]>;
  /** Newest free-text answers (text questions and choice "Other" fields) plus the ratings of their responses. */
  latestComments(filters: Filters, limit: number): Promise<{ comments: CommentRow[]; ratings: RootRatingRow[] }>;
  /**
   * Values to offer as filters: the `limit` (default FACET_LIMIT) most answered of each, by name. A sender can make up
   * any number of touchpoints and surveys; a filter list of thousands would make the results page megabytes long.
   */
  facets(limit?: number): Promise<Facets>;
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

/** Results filters; `from` and `to` are inclusive UTC days of the clock-corrected submit time. */
export type Filters = { touchpoint?: string; surveyId?: string; locale?: string; from?: string; to?: string };

export type ExportCursor = { receivedAt: string; id: string };

export type RatingCountRow = {
  touchpoint: string;
  surveyId: string;
  questionId: string;
  type: RatingKind;
  value: number;
  day: string;
  n: number;
};

/** First responses (not follow-ups) per group and day. */
export type ResponseCountRow = { touchpoint: string; surveyId: string; day: string; n: number };

export type CommentRow = {
  responseId: string;
  rootId: string;
  touchpoint: string;
  surveyId: string;
  questionId: string;
  text: string;
  locale: string;
  correctedAt: string;
};

export type RootRatingRow = { rootId: string; questionId: string; type: RatingKind; value: number };

export type Facets = {
  touchpoints: string[];
  surveys: string[];
  locales: string[];
  /** Present when a list was cut to the limit: how many values each list left out (for a "more" link). */
  hidden?: { touchpoints: number; surveys: number; locales: number };
};

export const FACET_LIMIT = 100;

export type OutboxEntry = { responseId: string; attempts: number; response: StoredResponse };

export type WebhookOutbox = {
  /**
   * Claims up to `limit` live entries due at `nowMs` (oldest first) by pushing their next attempt `leaseMs` ahead,
   * so a second collector on the same database skips them, and a claim by a process that died expires by itself.
   */
  claim(nowMs: number, limit: number, leaseMs: number): Promise<OutboxEntry[]>;
  delivered(responseId: string): Promise<void>;
  failed(responseId: string, update: { attempts: number; nextAttemptAt: number; error: string; dead: boolean }): Promise<void>;
  /** Earliest next_attempt_at among live entries, or null when nothing waits. */
  nextDueAt(): Promise<number | null>;
};
