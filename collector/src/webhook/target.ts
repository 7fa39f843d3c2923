/**
 * CX_WEBHOOK_URL checks. A URL with user:password cannot be fetched at all (fetch refuses it) and would put the
 * password into logs and webhook_outbox.last_error, so it is refused at start; Authorization headers are not
 * supported, use the signature (or a secret path segment). Only http and https are sent to. Where the URL points
 * (even inside the operator's own network) is the operator's choice; redirects are never followed.
 */
export function webhookUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'expected an absolute http(s) URL, e.g. https://hooks.example.com/cx';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `scheme ${url.protocol.replace(/:$/, '')} is not allowed; expected http or https`;
  }
  if (url.username || url.password) {
    return (
      'must not contain user:password@ (fetch cannot send it and it would be logged); ' +
      'verify the webhook-signature header instead, or put a secret in the path'
    );
  }
  return undefined;
}

/** A URL as it may appear in logs: no user info, no query, no fragment (either may hold a key). */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}${url.pathname}${url.search ? '?…' : ''}`;
  } catch {
    return '(unreadable URL)';
  }
}
