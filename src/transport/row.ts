import { QueuedPayloadV1, type PayloadV1 } from '../schema/payload.ts';

/** A payload as queued: v1, or one left by an older version of the widget, which is sent as it is. */
export type Payload = PayloadV1 | { v: number; id: string };

/** One queued response as stored in IndexedDB. Keys are short because they are stored with every row. */
export type Row = {
  id: string;
  /** Endpoint, an absolute http(s) URL. */
  e: string;
  p: Payload;
  /** Queued at (local clock, ms); re-anchored when the clock was set back. */
  t: number;
  /** Due: no attempt before this time (local clock, ms). */
  d: number;
  /** Attempts made; the last one went out as `payload.attempt`. */
  a: number;
  /** Failures that count for backoff and the page budget; 429 does not count. */
  f: number;
  /** Serialized size in bytes. */
  b: number;
  /** 1: queued without consent; only a page that grants consent sends it. */
  h?: 1;
  /** Attempts made when the row was first seen past the maximum age (see readRows). */
  m?: number;
  /** 1: `d` came from the receiver (Retry-After or the 429 default), so even a forced drain waits for it. */
  r?: 1;
};

/**
 * Rows come back from storage that other versions, other tabs or a broken disk wrote: check every field. A v1 payload
 * must still pass the schema; other versions only need their id and version.
 */
export function isRow(x: unknown): x is Row {
  const r = x as Partial<Row> | null;
  const p = r?.p as { v?: unknown; id?: unknown } | null | undefined;
  return (
    !!r && typeof r == 'object' && typeof r.id == 'string' && typeof r.e == 'string' && /^https?:/.test(r.e) &&
    !!p && typeof p == 'object' && p.id === r.id && typeof p.v == 'number' &&
    [r.t, r.d, r.a, r.f, r.b].every(Number.isFinite) && (p.v != 1 || QueuedPayloadV1.safeParse(p).success)
  );
}
