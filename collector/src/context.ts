import type { AllowedOrigins } from './http/cors.ts';
import type { RateLimiter } from './http/rate-limit.ts';
import type { Store } from './store/types.ts';

/** What every route gets: the resolved handler options. */
export type Context = {
  store: Store;
  allowedOrigins: AllowedOrigins;
  adminToken: string | undefined;
  rateLimit: RateLimiter;
  maxBodyBytes: number;
  now: () => number;
  /** Present when webhook forwarding is on: new responses get an outbox row, then the forwarder is woken. */
  webhook: { wake(): void } | undefined;
};

export type RequestInfo = { clientAddress: string };
