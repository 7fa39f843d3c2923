/** Small Response builders so every route answers in the same shapes. */
export type Headers = Record<string, string>;

export const json = (status: number, body: unknown, headers: Headers = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });

/** Errors are JSON `{ error, message }` (plus `issues` for payload problems) so a client can log them verbatim. */
export const jsonError = (
  status: number,
  error: string,
  message: string,
  headers: Headers = {},
  extra: Record<string, unknown> = {},
): Response => json(status, { error, message, ...extra }, headers);

/** Results pages: a CSP that allows only our own stylesheet; no script runs on them at all. */
export const ADMIN_PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export const html = (status: number, body: string, headers: Headers = {}): Response =>
  new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': ADMIN_PAGE_CSP,
      // Admin URLs may carry ?token=…; never leak it to other sites through Referer.
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      ...headers,
    },
  });
