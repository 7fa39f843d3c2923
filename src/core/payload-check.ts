/**
 * The core script's stand-in for src/schema/payload.ts (scripts/build.mjs swaps it in). It checks a payload's shape,
 * not every field, and leaves zod/mini (5 KiB of its 12 KiB budget) out of the core. That is enough because the
 * payloads it queues and sends come from our own code: rows the full script queued on earlier visits, and what the
 * survey UI submits through the delivery it borrows, built within the limits by src/survey/payload.ts (which cuts what
 * could outgrow them); the collector validates every field again on receipt.
 */
export const QueuedPayloadV1 = {
  safeParse(p: unknown): { success: boolean; data: never; error: { issues: { path: PropertyKey[]; code: string }[] } } {
    const o = p as { v?: unknown; id?: unknown; answers?: unknown } | null;
    const success = typeof o == 'object' && o !== null && o.v === 1 && typeof o.id == 'string' && Array.isArray(o.answers);
    return { success, data: p as never, error: { issues: success ? [] : [{ path: [], code: 'invalid_type' }] } };
  },
};
