import type { AllowedOrigins } from './http/cors.ts';
import type { RateLimiter } from './http/rate-limit.ts';
import type { TouchpointGate } from './ingest/touchpoints.ts';
import type { Store } from './store/types.ts';

/** What every route gets: the resolved handler options. */
export type Context = {
  store: Store;
  allowedOrigins: AllowedOrigins;
  adminToken: string | undefined;
  rateLimit: RateLimiter;
  /** The rate-limit bucket of a request (client address behind trusted proxies, IPv6 /64, loopback as one). */
  rateLimitKey: (req: Request, info: RequestInfo) => string;
  /** CX_TOUCHPOINTS: only these touchpoints are stored; undefined = any. */
  touchpoints: TouchpointGate | undefined;
  maxBodyBytes: number;
  now: () => number;
  /** Present when webhook forwarding is on: new responses get an outbox row, then the forwarder is woken. */
  webhook: { wake(): void } | undefined;
};

export type RequestInfo = {
  clientAddress: string;
  /** "1.0", "1.1", … when the server knows it: nginx's default proxy_pass speaks 1.0, browsers never do. */
  httpVersion?: string;
};
