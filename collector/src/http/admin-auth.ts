import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Admin routes (listing, results, summary, exports) show visitors' answers, so they are never public by default:
 * with CX_ADMIN_TOKEN set they need that token; without it only this machine may look. A request that carries
 * proxy headers is not trusted as local even from a loopback address, because a reverse proxy on the same host
 * would otherwise make every visitor look local.
 */
export type AdminCheck = { ok: true } | { ok: false; status: 401 | 403; error: string; message: string };

const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

export function isLoopback(address: string): boolean {
  const a = address.toLowerCase();
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a) || /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

/** Compares digests so the comparison takes the same time whatever the length or content of the guess. */
const sameSecret = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

export function presentedToken(req: Request, url: URL): string | null {
  const auth = req.headers.get('authorization');
  const bearer = auth && /^Bearer\s+(.+)$/i.exec(auth.trim());
  return bearer ? bearer[1] : url.searchParams.get('token');
}

export function checkAdmin(req: Request, url: URL, clientAddress: string, adminToken: string | undefined): AdminCheck {
  if (adminToken) {
    const token = presentedToken(req, url);
    if (token !== null && sameSecret(token, adminToken)) return { ok: true };
    return { ok: false, status: 401, error: 'unauthorized', message: 'send the admin token as "Authorization: Bearer <CX_ADMIN_TOKEN>" or ?token=' };
  }
  if (isLoopback(clientAddress) && !PROXY_HEADERS.some((h) => req.headers.has(h))) return { ok: true };
  return {
    ok: false,
    status: 403,
    error: 'forbidden',
    message: 'admin routes are only served to this machine (loopback) unless CX_ADMIN_TOKEN is set; set CX_ADMIN_TOKEN to use them remotely',
  };
}
