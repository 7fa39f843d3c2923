import { isRow, type Row } from './row.ts';

/** Where rows live: IndexedDB, memory, or both (store.ts). Implementations must not reject. */
export interface Store {
  all(): Promise<unknown[]>;
  get(id: string): Promise<unknown>;
  /** Resolves true when the row is durable (on disk), false when only memory holds it. */
  put(row: Row): Promise<boolean>;
  del(id: unknown): Promise<unknown>;
}

export type Bounds = { maxRows: number; maxBytes: number; maxAgeMs: number; minTries: number };

const DAY = 864e5;

/**
 * Reads the outbox: garbage rows are deleted (`bad` counts them), rows past the maximum age are deleted and returned
 * in `aged`, the rest come back oldest first. The age check is tolerant of wrong clocks (matrix R26/R27): a row
 * stamped more than a day in the future means the clock was set back, so its age restarts now; and a row past the
 * maximum age still gets `minTries` more attempts before it goes, so a clock that jumps forward (or is corrected
 * after running a year late) cannot drop a row the receiver would take. Rows held for consent are never attempted,
 * so for them the clock alone decides.
 */
export async function readRows(
  store: Store,
  now: number,
  o: Bounds,
): Promise<{ rows: Row[]; aged: Row[]; bad: number }> {
  const rows: Row[] = [];
  const aged: Row[] = [];
  let bad = 0;
  for (const x of await store.all()) {
    if (!isRow(x)) {
      bad++;
      await store.del((x as { id?: unknown } | null)?.id);
      continue;
    }
    const old = now - x.t > o.maxAgeMs;
    if (old && (x.h || x.a - (x.m ?? x.a) >= o.minTries)) {
      aged.push(x);
      await store.del(x.id);
      continue;
    }
    // Stamped in the future: the clock was set back. Restart the age rather than keep the row as long as it is off.
    const future = x.t > now + DAY;
    if (future) x.t = now;
    // First seen past the age: remember its attempts; it gets minTries more.
    const first = old && x.m === undefined;
    if (first) x.m = x.a;
    if (future || first) await store.put(x);
    rows.push(x);
  }
  return { rows: rows.sort((a, b) => a.t - b.t), aged, bad };
}

/**
 * Adds (or replaces, same id) a row within the bounds: the newest rows are kept, older ones beyond `maxRows` or
 * `maxBytes` are deleted and returned so the caller can count and report them. Resolves whether the row is durable.
 */
export async function addRow(store: Store, row: Row, o: Bounds): Promise<{ durable: boolean; dropped: Row[] }> {
  const older = (await store.all()).filter((x): x is Row => isRow(x) && x.id != row.id).sort((a, b) => b.t - a.t);
  const dropped: Row[] = [];
  let n = 1;
  let bytes = row.b;
  // Keep the newest rows that fit; once one does not, it and everything older goes.
  for (const r of older) if (dropped.length || ++n > o.maxRows || (bytes += r.b) > o.maxBytes) dropped.push(r);
  for (const r of dropped) await store.del(r.id);
  return { durable: await store.put(row), dropped };
}
