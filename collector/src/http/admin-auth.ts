import { createHash, timingSafeEqual } from 'node:crypto';
import { isLoopback } from './client-address.ts';
import type { RequestInfo } from '../context.ts';

export { isLoopback } from './client-address.ts';

/**
 * Admin routes (listing, results, summary, exports) show visitors' answers, so they are never public by default:
 * with CX_ADMIN_TOKEN set they need that token. Without it only a request that is plainly from this machine's own
 * user is answered: a loopback peer, a loopback Host, no header any proxy adds, and not HTTP/1.0. A reverse proxy
 * on the same host makes every visitor a loopback peer (a plain nginx proxy_pass adds no proxy header and passes the
 * upstream's own loopback Host, but speaks HTTP/1.0, which no browser does), and a DNS-rebinding page in the
 * operator's browser connects to loopback under its own host name.
 */
export type AdminCheck = { ok: true } | { ok: false; status: 401; error: string; message: string };

/** Any of these means a proxy (or a client pretending to be one) handled the request. */
const PROXY_HEADER = /^(via|forwarded|x-real-ip|x-forwarded-.+)$/;

/** The Host header's name without its port: `localhost`, `*.localhost`, `127.x.x.x` and `[::1]` are loopback. */
export function isLoopbackHost(host: string | null): boolean {
  if (!host) return false;
  const name = host.trim().toLowerCase().replace(/:\d+$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  const bracketed = /^\[(.+)\]$/.exec(name);
  return bracketed ? isLoopback(bracketed[1]) : /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

const hasProxyHeader = (req: Request): boolean => [...req.headers.keys()].some((name) => PROXY_HEADER.test(name));

/** Compares digests so the comparison takes the same time whatever the length or content of the guess. */
const sameSecret = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

export function presentedToken(req: Request, url: URL): string | null {
  const auth = req.headers.get('authorization');
  const bearer = auth && /^Bearer\s+(.+)$/i.exec(auth.trim());
  return bearer ? bearer[1] : url.searchParams.get('token');
}

const isDirect = (req: Request, info: RequestInfo): boolean =>
  isLoopback(info.clientAddress) &&
  isLoopbackHost(req.headers.get('host')) &&
  !hasProxyHeader(req) &&
  info.httpVersion !== '1.0';

export function checkAdmin(req: Request, url: URL, info: RequestInfo, adminToken: string | undefined): AdminCheck {
  if (adminToken) {
    const token = presentedToken(req, url);
    if (token !== null && sameSecret(token, adminToken)) return { ok: true };
    const message = 'send the admin token as "Authorization: Bearer <CX_ADMIN_TOKEN>" or ?token=';
    return { ok: false, status: 401, error: 'unauthorized', message };
  }
  if (isDirect(req, info)) return { ok: true };
  return {
    ok: false,
    status: 401,
    error: 'admin_token_required',
    message:
      'without CX_ADMIN_TOKEN the admin routes answer only direct requests from this machine (loopback address ' +
      'and Host, no proxy headers, not HTTP/1.0); set CX_ADMIN_TOKEN and send it as "Authorization: Bearer <token>" ' +
      'or ?token=',
  };
}
