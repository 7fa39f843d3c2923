import { State } from './state.ts';

export type { Entry } from './state.ts';
export { State };

/**
 * Where the touchpoint state (state.ts) lives. Storage can throw (sandboxed iframes, Safari private mode, quota): then
 * this page keeps the state in memory, so rules still hold for the visit.
 */
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
