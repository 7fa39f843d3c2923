/**
 * A tiny escaping template tag: every interpolated value is HTML-escaped unless it is itself the result of `h`.
 * Visitors write the comments shown on the results page, so nothing they send may become markup.
 */
const SAFE = Symbol('safe-html');
export type Html = { readonly [SAFE]: true; readonly html: string };

export const raw = (html: string): Html => ({ [SAFE]: true, html });

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

const render = (v: Value): string => {
  if (v === null || v === undefined || v === false || v === true) return '';
  if (Array.isArray(v)) return v.map(render).join('');
  if (typeof v === 'object' && SAFE in v) return (v as Html).html;
  return escapeHtml(String(v));
};

export function h(strings: TemplateStringsArray, ...values: Value[]): Html {
  return raw(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''));
}
