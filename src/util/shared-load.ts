/**
 * One load shared by every caller while it is in flight, and started again by the next caller once it failed.
 *
 * A caller that joined a load started before it asked (a hovered launcher warming the chunk up, an idle-time
 * prefetch) gets one attempt of its own when that load fails: what it asks for is never refused on the strength of an
 * attempt made earlier, under conditions that may have passed since (a dropped connection, a deploy in progress).
 */
export function sharedLoad<T>(start: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  const begin = (): Promise<T> =>
    (pending ??= start().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
  return () => {
    if (!pending) return begin();
    return pending.catch(begin);
  };
}
