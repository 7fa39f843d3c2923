/**
 * Token bucket per client address: `perMinute` tokens, refilled continuously, so a burst of a full minute's worth
 * is allowed and then one request every 60/perMinute seconds. Time comes from `now` so tests need no waiting.
 */
export type RateLimiter = (key: string) => { ok: true } | { ok: false; retryAfterSeconds: number };

/** Past this many tracked addresses, full (idle) buckets are forgotten; they would be full again anyway. */
const MAX_TRACKED = 10_000;

export function createRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  const ratePerMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();

  const refill = (b: { tokens: number; at: number }, t: number) => {
    b.tokens = Math.min(perMinute, b.tokens + (t - b.at) * ratePerMs);
    b.at = t;
  };

  return (key) => {
    const t = now();
    let bucket = buckets.get(key);
    if (!bucket) {
      if (buckets.size >= MAX_TRACKED) {
        for (const [k, b] of buckets) {
          refill(b, t);
          if (b.tokens >= perMinute) buckets.delete(k);
        }
      }
      bucket = { tokens: perMinute, at: t };
      buckets.set(key, bucket);
    }
    refill(bucket, t);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000)) };
  };
}
