/**
 * The core script's stand-in for src/schema/payload.ts (scripts/build.mjs swaps it in). The core never queues a
 * response: it only sends rows that the full script validated when it queued them, and the collector validates each
 * payload again on receipt. So reading the queue back it checks the payload's shape, not every field, and leaves
 * zod/mini (5 KiB of its 12 KiB budget) to the full script.
 */
export const QueuedPayloadV1 = {
  safeParse(p: unknown): { success: boolean; data: never; error: { issues: { path: PropertyKey[]; code: string }[] } } {
    const o = p as { v?: unknown; id?: unknown; answers?: unknown } | null;
    const success = typeof o == 'object' && o !== null && o.v === 1 && typeof o.id == 'string' && Array.isArray(o.answers);
    return { success, data: p as never, error: { issues: success ? [] : [{ path: [], code: 'invalid_type' }] } };
  },
};
