import type { RedactionKind } from '../schema/payload.ts';

/**
 * Best-effort removal of personal data from free text before it is queued: e-mail addresses, phone numbers, payment
 * card numbers (Luhn-checked), IBANs (mod-97-checked) and credentials in URLs. Checksums keep order numbers, dates,
 * prices and versions intact; a missed phone number is likelier than a mangled answer, by design.
 */
const digits = (s: string) => s.replace(/\D/g, '');

const luhn = (d: string) => {
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    const n = +d[d.length - 1 - i]! * (i % 2 ? 2 : 1);
    sum += n > 9 ? n - 9 : n;
  }
  return sum % 10 == 0;
};

/** ISO 13616: move the country code and check digits to the end, letters count as 10–35, remainder mod 97 is 1. */
const iban = (s: string) => {
  s = s.replace(/ /g, '');
  let m = 0;
  for (const c of s.slice(4) + s.slice(0, 4)) m = (m * (c > '9' ? 100 : 10) + parseInt(c, 36)) % 97;
  return m == 1 && s.length > 14 && digits(s.slice(4)).length > 7;
};

/** Redacts the longest prefix of `m` that ends before a separator (or at its end) and passes `ok`. */
const leading = (m: string, ok: (s: string) => boolean, mark: string) => {
  for (let i = m.length; i > 0; i--)
    if ((i == m.length || /[ -]/.test(m[i]!)) && ok(m.slice(0, i))) return mark + m.slice(i);
};

const DATE = /^\d{1,4}([./-])\d{1,2}\1\d{1,4}$/;

/** Order matters: credentials before e-mail (user:pass@host looks like one), IBAN and card before phone. */
const RULES: [RedactionKind, RegExp, (m: string) => string | undefined][] = [
  [
    'url-credentials',
    /\b[a-z][a-z\d+.-]*:\/\/[^\s/?#@]+@/gi,
    (m) => m.slice(0, m.indexOf('//') + 2) + '[credentials]@',
  ],
  ['email', /[\w.%+-]+@[a-z\d-]+(?:\.[a-z\d-]+)*\.[a-z]{2,}/gi, () => '[email]'],
  ['iban', /\b[a-z]{2}\d\d(?: ?[a-z\d]){11,30}/gi, (m) => leading(m, iban, '[iban]')],
  [
    'card',
    /\b[2-6](?:[ -]?\d){12,}/g,
    (m) => leading(m, (s) => digits(s).length > 12 && digits(s).length < 20 && luhn(digits(s)), '[card]'),
  ],
  [
    'phone',
    // +country or 00country …; a national number with trunk 0; or North American 3-3-4 (optionally 1-).
    /(?:\+|\b00)[1-9][\d ()/.-]{5,20}\d|\(?\b0\d{1,4}\)?[ /.-]?\d[\d /.-]{4,14}\d|(?:\b1[ .-]?)?\(?\b\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b/g,
    (m) => (digits(m).length > 6 && digits(m).length < 16 && !DATE.test(m) ? '[phone]' : undefined),
  ],
];

export function scrub(text: string): { text: string; kinds: RedactionKind[] } {
  const kinds: RedactionKind[] = [];
  for (const [kind, re, redact] of RULES)
    text = text.replace(re, (m) => {
      const out = redact(m);
      if (out === undefined) return m;
      if (!kinds.includes(kind)) kinds.push(kind);
      return out;
    });
  return { text, kinds };
}
