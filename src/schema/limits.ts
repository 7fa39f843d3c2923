/**
 * Input caps, enforced before anything is queued (the collector applies the same ones). Sized so that one response
 * stays far below the 64 KiB keepalive budget that a page shares with its host.
 */
export const LIMITS = {
  idLength: 64,
  promptLength: 300,
  labelLength: 80,
  questions: 10,
  options: 12,
  answers: 20,
  textLength: 5000,
  metadataKeys: 20,
  metadataKeyLength: 40,
  metadataValueLength: 500,
  urlLength: 2048,
  /** context.trigger, e.g. `click:<selector>` (a longer one is cut, not refused). */
  triggerLength: 120,
  /** Serialized payload, UTF-8 bytes. */
  payloadBytes: 24 * 1024,
} as const;
