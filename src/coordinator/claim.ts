import type { Store } from '../frequency/store.ts';

/**
 * Cross-tab claims: "survey X is open in some tab until <expiry>", kept in the shared state so another tab of the same
 * site does not open X too. A tab that closes without releasing (crash, killed process) only blocks X until the
 * claim expires. Storage failing means no claims: each tab then decides alone, which is the graceful degradation.
 */
export const CLAIM_MS = 10 * 60e3;

/** Takes the claim unless another tab holds a live one; `mine` are the ids this tab holds. */
export function claim(store: Store, id: string, now: number, mine: Set<string>): boolean {
  const state = store.load();
  const o = (state.o ??= {});
  for (const k in o) if (o[k] <= now) delete o[k];
  if (o[id] && !mine.has(id)) return false;
  o[id] = now + CLAIM_MS;
  mine.add(id);
  store.save(state);
  return true;
}

export function unclaim(store: Store, id: string, mine: Set<string>): void {
  if (!mine.delete(id)) return;
  const state = store.load();
  delete state.o?.[id];
  store.save(state);
}
