/**
 * The admin token travels in a cookie once a browser has shown it: a `?token=` link is answered with a redirect to
 * the same view without it, setting an HttpOnly, SameSite=Strict cookie. So every filter and drill-down link on the
 * page can be copied and shared without handing over the token, and the token stays out of history and Referer.
 */
export const COOKIE = 'cx_admin';
const MAX_AGE_S = 12 * 3600;

export function cookieToken(req: Request): string | null {
  const header = req.headers.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/**
 * The URL the admin check should see: with the cookie's token as `?token=` when the request has neither an
 * Authorization header nor a token of its own (the check itself is unchanged).
 */
export function withCookieToken(req: Request, url: URL): URL {
  const token = cookieToken(req);
  if (!token || req.headers.has('authorization') || url.searchParams.has('token')) return url;
  const copy = new URL(url);
  copy.searchParams.set('token', token);
  return copy;
}

/** 303 to the same view without `token`, remembering it in the cookie (Secure when the page came over https). */
export function dropTokenFromUrl(url: URL): Response | null {
  const token = url.searchParams.get('token');
  if (token === null) return null;
  const clean = new URL(url);
  clean.searchParams.delete('token');
  const secure = url.protocol === 'https:' ? '; Secure' : '';
  return new Response(null, {
    status: 303,
    headers: {
      location: `${clean.pathname}${clean.search}`,
      'set-cookie': `${COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${MAX_AGE_S}${secure}`,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    },
  });
}
