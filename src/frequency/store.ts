import * as z from 'zod/mini';

/**
 * Touchpoint state: one small JSON object in localStorage under one key, no cookies. Keys are one letter because the
 * object is written on every show and kept for years; the schema below says what each holds. Storage can throw
 * (sandboxed iframes, Safari private mode, quota): then this page keeps the state in memory, so rules still hold
 * for the visit.
 */
const time = z.optional(z.number());

const Entry = z.object({
  /** Times shown (a snoozed showing does not count). */
  n: time,
  /** Answered at (epoch ms). */
  a: time,
  /** Dismissed at. */
  d: time,
  /** Snoozed ("Ask me later") at. */
  z: time,
  /** The visitor's sampling draw for this survey, in [0, 100). */
  r: time,
});

export const State = z.object({
  /** Last time an interrupting widget was shown: starts the site-wide cooldown. */
  c: time,
  /** Per survey id. */
  s: z.optional(z.record(z.string(), Entry)),
  /** Cross-tab claims: survey id → claim expiry (coordinator). */
  o: z.optional(z.record(z.string(), z.number())),
});

export type State = z.infer<typeof State>;
export type Entry = z.infer<typeof Entry>;

export const STORAGE_KEY = 'cx-feedback:v1';

export type Store = { load(): State; save(state: State): void; clear(): void };

export function createStore(storage: () => Storage = () => localStorage): Store {
  let memory: string | null = null;
  let failed = false;
  const read = (): string | null => {
    if (!failed) {
      try {
        return storage().getItem(STORAGE_KEY);
      } catch {
        failed = true;
      }
    }
    return memory;
  };
  const write = (json: string | null) => {
    memory = json;
    try {
      // A failed write would leave reads returning the old value, so from then on this page trusts memory only.
      if (!failed) json == null ? storage().removeItem(STORAGE_KEY) : storage().setItem(STORAGE_KEY, json);
    } catch {
      failed = true;
    }
  };
  return {
    load() {
      try {
        const parsed = State.safeParse(JSON.parse(read() ?? '{}'));
        if (parsed.success) return parsed.data;
      } catch {
        /* not JSON: start over */
      }
      return {};
    },
    save: (state) => write(JSON.stringify(state)),
    clear: () => write(null),
  };
}

/** The page's store; every widget and the coordinator share it (and its in-memory fallback). */
export const store: Store = createStore();
