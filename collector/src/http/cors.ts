import type { Headers } from './respond.ts';

/** `'*'`: any origin may POST (the default: a feedback widget is usually embedded on sites you list later). */
export type AllowedOrigins = '*' | readonly string[];

export type CorsDecision = { allowed: boolean; headers: Headers };

/**
 * CORS for the public POST route. The widget sends CORS-simple requests (text/plain, no credentials), so browsers
 * only preflight other clients. Requests without an Origin header (curl, servers) are not browser cross-origin
 * requests and are allowed. Retry-After is exposed because it is not a CORS-safelisted response header, and the
 * widget needs it to honour a 429.
 */
export function corsFor(origin: string | null, allowed: AllowedOrigins): CorsDecision {
  const base: Headers = { vary: 'Origin', 'access-control-expose-headers': 'Retry-After' };
  if (allowed === '*') return { allowed: true, headers: { ...base, 'access-control-allow-origin': '*' } };
  if (origin === null) return { allowed: true, headers: base };
  if (allowed.includes(origin)) return { allowed: true, headers: { ...base, 'access-control-allow-origin': origin } };
  return { allowed: false, headers: base };
}

export function preflightHeaders(req: Request, decision: CorsDecision): Headers {
  return {
    ...decision.headers,
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': req.headers.get('access-control-request-headers') ?? 'content-type',
    'access-control-max-age': '86400',
  };
}

/** Parses CX_ALLOWED_ORIGINS: empty or "*" → any; otherwise a comma list of exact origins (no trailing slash). */
export function parseAllowedOrigins(value: string | undefined): AllowedOrigins {
  const list = (value ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  return list.length === 0 || list.includes('*') ? '*' : list;
}
