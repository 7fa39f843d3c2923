/**
 * A response id: UUID v4, fixed at submit and kept across every retry so the receiver can insert by id.
 * crypto.randomUUID exists only in secure contexts; plain-http pages get the same format from getRandomValues.
 */
export function newId(c: Crypto = crypto): string {
  if (typeof c.randomUUID == 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64; // version 4
  b[8] = (b[8] & 63) | 128; // variant 10xx
  const h = Array.from(b, (x) => (x + 256).toString(16).slice(1)).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
