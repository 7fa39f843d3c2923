/**
 * JSON for plain data, independent of the host page: a page may replace JSON.stringify or add
 * Array.prototype.toJSON (Prototype.js turns arrays into strings that way; getsentry/sentry-javascript#2205).
 * Only own enumerable keys are written, so inherited (polluted) properties never reach the wire.
 */
const str = (s: string): string =>
  '"' +
  s.replace(/["\\\u0000-\u001f\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) +
  '"';

export function toJson(v: unknown): string {
  if (typeof v == 'string') return str(v);
  if (typeof v == 'boolean' || (typeof v == 'number' && isFinite(v))) return '' + v;
  if (Array.isArray(v)) return '[' + v.map((x) => toJson(x ?? null)).join() + ']';
  if (!v || typeof v != 'object') return 'null';
  const o = v as Record<string, unknown>;
  return (
    '{' +
    Object.keys(o)
      .filter((k) => o[k] !== undefined && typeof o[k] != 'function')
      .map((k) => str(k) + ':' + toJson(o[k]))
      .join() +
    '}'
  );
}

/** UTF-8 size: what the keepalive quota and the receiver's body cap count. */
export const byteLength = (s: string): number => new TextEncoder().encode(s).length;
