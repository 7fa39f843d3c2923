/**
 * JSON for plain data, independent of the host page: a page may replace JSON.stringify or add
 * Array.prototype.toJSON (Prototype.js turns arrays into strings that way; getsentry/sentry-javascript#2205).
 * Only own enumerable keys are written, so inherited (polluted) properties never reach the wire.
 */
const str = (s: string): string =>
  '"' + s.replace(/["\\\u0000-\u001f\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) + '"';

export function toJson(v: unknown): string {
  if (typeof v == 'string') return str(v);
  if (typeof v == 'number') return isFinite(v) ? '' + v : 'null';
  if (typeof v == 'boolean') return '' + v;
  if (Array.isArray(v)) {
    let out = '';
    for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + toJson(v[i] ?? null);
    return '[' + out + ']';
  }
  if (v && typeof v == 'object') {
    const o = v as Record<string, unknown>;
    let out = '';
    for (const k of Object.keys(o)) if (o[k] !== undefined && typeof o[k] != 'function') out += (out ? ',' : '') + str(k) + ':' + toJson(o[k]);
    return '{' + out + '}';
  }
  return 'null';
}

/** UTF-8 size: what the keepalive quota and the receiver's body cap count. */
export const byteLength = (s: string): number => new TextEncoder().encode(s).length;
