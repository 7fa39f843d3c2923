import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks signatures (standardwebhooks.com): HMAC-SHA256 over "<webhook-id>.<webhook-timestamp>.<body>"
 * with the secret's bytes, sent as "v1,<base64>". Secrets are "whsec_" + base64 of 24 to 64 random bytes, as the
 * specification requires.
 */
export const SECRET_PREFIX = 'whsec_';
export const MIN_SECRET_BYTES = 24;

export function secretBytes(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error(`webhook secret must look like ${SECRET_PREFIX}<base64>`);
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  if (key.length < MIN_SECRET_BYTES) {
    throw new Error(`webhook secret must decode to at least ${MIN_SECRET_BYTES} bytes, got ${key.length}`);
  }
  return key;
}

export function sign(secret: string, id: string, timestampSeconds: number, body: string): string {
  return `v1,${createHmac('sha256', secretBytes(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`;
}

export type VerifyInput = { id: string | null; timestamp: string | null; signature: string | null; body: string };

/**
 * What a receiver does: recompute the signature and compare in constant time against each "v1,…" entry of the
 * space-separated header, and refuse timestamps more than `toleranceSeconds` away (replay protection).
 */
export function verify(secret: string, input: VerifyInput, nowSeconds: number, toleranceSeconds = 300): boolean {
  const { id, timestamp, signature, body } = input;
  if (!id || !timestamp || !signature || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(sign(secret, id, Number(timestamp), body));
  return signature.split(' ').some((candidate) => {
    const got = Buffer.from(candidate);
    return got.length === expected.length && timingSafeEqual(got, expected);
  });
}
