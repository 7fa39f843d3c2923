import type { Context, RequestInfo } from './context.ts';
import { checkAdmin } from './http/admin-auth.ts';
import { clientAddress, rateLimitKey } from './http/client-address.ts';
import type { TrustProxy } from './http/client-address.ts';
import { parseAllowedOrigins } from './http/cors.ts';
import type { AllowedOrigins } from './http/cors.ts';
import { createRateLimiter } from './http/rate-limit.ts';
import { json, jsonError } from './http/respond.ts';
import { createTouchpointGate } from './ingest/touchpoints.ts';
import { exportRoute } from './routes/export.ts';
import { ingest } from './routes/ingest.ts';
import { listResponses } from './routes/list.ts';
import { withCookieToken } from './results/session.ts';
import { resultsCss, resultsRoute, touchpointRoute } from './routes/results.ts';
import { summaryCsvRoute, summaryRoute } from './routes/summary.ts';
import type { Store } from './store/types.ts';

export type HandlerOptions = {
  store: Store;
  /** Origins that may POST; `'*'` (default) for any. A comma list string (CX_ALLOWED_ORIGINS) is accepted too. */
  allowedOrigins?: AllowedOrigins | string;
  /** Bearer token for the admin routes; without it they answer loopback clients only. */
  adminToken?: string;
  /** POSTs per minute per client address (token bucket). Default 120. */
  rateLimitPerMinute?: number;
  /** Proxies whose X-Forwarded-For is believed for rate limiting (CX_TRUST_PROXY). Default: none. */
  trustProxy?: TrustProxy;
  /** IPv6 clients share a rate-limit bucket per prefix of this length. Default 64. */
  ipv6PrefixLength?: number;
  /** Only these touchpoints are accepted (a trailing * matches any rest); others get 422. Default: any. */
  touchpoints?: readonly string[];
  /** Largest accepted body. Default 64 KiB. */
  maxBodyBytes?: number;
  /** Webhook forwarding: new responses get an outbox row in the same transaction, then `wake()` is called. */
  webhook?: { wake(): void };
  now?: () => number;
};

export type Handler = (req: Request, info: RequestInfo) => Promise<Response>;

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
export const DEFAULT_RATE_LIMIT = 120;
export const DEFAULT_IPV6_PREFIX = 64;

type AdminRoute = (url: URL, ctx: Context) => Response | Promise<Response>;
const ADMIN_ROUTES: Record<string, AdminRoute> = {
  '/responses': listResponses,
  '/results': resultsRoute,
  '/results/touchpoint': touchpointRoute,
  '/export/summary.csv': summaryCsvRoute,
  '/api/summary': summaryRoute,
  '/export.csv': (url, ctx) => exportRoute(url, ctx, 'csv'),
  '/export.ndjson': (url, ctx) => exportRoute(url, ctx, 'ndjson'),
};

/** The collector as one Web-standard function: Request in, Response out. Node, Deno, Bun or a test can call it. */
export function createHandler(options: HandlerOptions): Handler {
  const now = options.now ?? Date.now;
  const ctx: Context = {
    store: options.store,
    allowedOrigins:
      typeof options.allowedOrigins === 'string'
        ? parseAllowedOrigins(options.allowedOrigins)
        : (options.allowedOrigins ?? '*'),
    adminToken: options.adminToken || undefined,
    rateLimit: createRateLimiter(options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT, now),
    rateLimitKey: (req, info) =>
      rateLimitKey(
        clientAddress(info.clientAddress, req.headers.get('x-forwarded-for'), options.trustProxy),
        options.ipv6PrefixLength ?? DEFAULT_IPV6_PREFIX,
      ),
    touchpoints: options.touchpoints?.length ? createTouchpointGate(options.touchpoints) : undefined,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    now,
    webhook: options.webhook,
  };

  return async (req, info) => {
    const url = new URL(req.url);
    const path = url.pathname;
    try {
      if (path === '/responses' && (req.method === 'POST' || req.method === 'OPTIONS'))
        return await ingest(req, info, ctx);
      if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) return health(ctx);
      if (path === '/results.css' && (req.method === 'GET' || req.method === 'HEAD')) return resultsCss();
      const admin = ADMIN_ROUTES[path];
      if (!admin) return jsonError(404, 'not_found', `no route for ${path}`);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return jsonError(405, 'method_not_allowed', `${req.method} is not allowed on ${path}`, {
          allow: path === '/responses' ? 'GET, HEAD, POST, OPTIONS' : 'GET, HEAD',
        });
      }
      const access = checkAdmin(req, withCookieToken(req, url), info, ctx.adminToken);
      if (!access.ok)
        return jsonError(
          access.status,
          access.error,
          access.message,
          access.status === 401 ? { 'www-authenticate': 'Bearer realm="cx-feedback"' } : {},
        );
      return await admin(url, ctx);
    } catch (err) {
      console.error(`cx-collector: ${req.method} ${path} failed:`, err);
      return jsonError(500, 'internal_error', 'the collector failed to answer this request; see its log');
    }
  };
}

/** `refused.unknownTouchpoints` counts responses refused by CX_TOUCHPOINTS since start (not stored anywhere else). */
const health = (ctx: Context): Response =>
  json(200, {
    status: 'ok',
    store: ctx.store.kind,
    ...(ctx.touchpoints ? { refused: { unknownTouchpoints: ctx.touchpoints.refused } } : {}),
  });
