/**
 * Free text as the payload schema accepts it. A visitor can paste anything and scrubbing changes lengths, so the
 * widget cleans and cuts text itself rather than queue a payload the collector would refuse (and the answer be lost).
 */

/** Drops NUL characters and replaces lone UTF-16 surrogates with U+FFFD: the schema refuses both. */
export function wellFormed(text: string): string {
  return text
    .replace(/\u0000/g, '')
    .replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, (unit) => (unit.length > 1 ? unit : '\uFFFD'));
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/**
 * At most `max` UTF-16 code units (the unit of the schema's lengths), cut before a whole grapheme (an emoji with its
 * modifiers stays whole or goes) where Intl.Segmenter exists, else before a whole code point: a plain slice can split
 * a surrogate pair, and a lone surrogate makes the whole payload unstorable.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (typeof Intl.Segmenter === 'function') {
    let end = 0;
    for (const { index, segment } of new Intl.Segmenter().segment(text)) {
      if (index + segment.length > max) break;
      end = index + segment.length;
    }
    return text.slice(0, end);
  }
  return text.slice(0, isHigh(text.charCodeAt(max - 1)) && isLow(text.charCodeAt(max)) ? max - 1 : max);
}
