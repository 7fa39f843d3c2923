/**
 * Clock-skew correction (Segment's sentAt approach, Sentry Relay's clock drift processor): a visitor's clock may be
 * days off, but it is off by the same amount at submit (createdAt) and at send (sentAt), so
 * createdAt + (receivedAt − sentAt) is the submit time on our clock. Without sentAt we keep createdAt.
 * The result is clamped into [receivedAt − MAX_AGE, receivedAt]: nothing is submitted after it arrives, and the
 * widget's outbox gives up long before MAX_AGE, so anything older is a broken clock, not an old response.
 */
export const MAX_AGE_MS = 30 * 86_400_000;

export function correctedTime(createdAt: string, sentAt: string | undefined, receivedAtMs: number): number {
  const created = Date.parse(createdAt);
  const skew = sentAt === undefined ? 0 : receivedAtMs - Date.parse(sentAt);
  return Math.min(receivedAtMs, Math.max(receivedAtMs - MAX_AGE_MS, created + skew));
}
