import type { PayloadV1 } from '../schema/payload.ts';
import { checkQueuedPayload } from './payload-check.ts';

/** A payload as queued: v1, or one left by an older version of the widget, which is sent as it is. */
export type Payload = PayloadV1 | { v: number; id: string };

/**
 * One queued response as the delivery code sees it. Stored in IndexedDB as a `Row` (short keys, below): earlier
 * releases wrote that format, and a visitor's outbox must survive an upgrade of the script.
 */
export type Entry = {
  id: string;
  /** An absolute http(s) URL. */
  endpoint: string;
  payload: Payload;
  /** Local clock, ms; re-anchored when the clock was set back. */
  queuedAt: number;
  /** No attempt before this time (local clock, ms). */
  dueAt: number;
  /** Attempts made; the last one went out as `payload.attempt`. */
  attempts: number;
  /** Failures that count for backoff and the page budget; 429 does not count. */
  failures: number;
  /** Serialized size in bytes. */
  bytes: number;
  /** Queued without consent: only a page that grants consent sends it. */
  heldForConsent: boolean;
  /** Attempts made when the entry was first seen past the maximum age (see readRows). */
  attemptsWhenAged?: number;
  /** `dueAt` came from the receiver (Retry-After or the 429 default), so even a forced drain waits for it. */
  dueFromReceiver: boolean;
};

/** The storage format of an Entry. */
export type Row = {
  id: string;
  e: string;
  p: Payload;
  t: number;
  d: number;
  a: number;
  f: number;
  b: number;
  h?: 1;
  m?: number;
  r?: 1;
};

export const fromRow = (row: Row): Entry => ({
  id: row.id,
  endpoint: row.e,
  payload: row.p,
  queuedAt: row.t,
  dueAt: row.d,
  attempts: row.a,
  failures: row.f,
  bytes: row.b,
  heldForConsent: row.h === 1,
  attemptsWhenAged: row.m,
  dueFromReceiver: row.r === 1,
});

export function toRow(entry: Entry): Row {
  const row: Row = {
    id: entry.id,
    e: entry.endpoint,
    p: entry.payload,
    t: entry.queuedAt,
    d: entry.dueAt,
    a: entry.attempts,
    f: entry.failures,
    b: entry.bytes,
  };
  if (entry.heldForConsent) row.h = 1;
  if (entry.attemptsWhenAged !== undefined) row.m = entry.attemptsWhenAged;
  if (entry.dueFromReceiver) row.r = 1;
  return row;
}

/**
 * Rows come back from storage that other versions, other tabs or a broken disk wrote: check every field. A v1 payload
 * must still pass the schema; other versions only need their id and version.
 */
export function isRow(x: unknown): x is Row {
  const r = x as Partial<Row> | null;
  const p = r?.p as { v?: unknown; id?: unknown } | null | undefined;
  return (
    !!r &&
    typeof r == 'object' &&
    typeof r.id == 'string' &&
    typeof r.e == 'string' &&
    /^https?:/.test(r.e) &&
    !!p &&
    typeof p == 'object' &&
    p.id === r.id &&
    typeof p.v == 'number' &&
    [r.t, r.d, r.a, r.f, r.b].every(Number.isFinite) &&
    (p.v != 1 || !checkQueuedPayload(p))
  );
}
