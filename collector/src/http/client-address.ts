import { BlockList, isIP } from 'node:net';

/**
 * Who a request comes from, for rate limiting: the socket's peer, or, behind proxies the operator trusts
 * (CX_TRUST_PROXY), the client address the nearest untrusted hop reported in X-Forwarded-For.
 */

/** `::ffff:203.0.113.7` → `203.0.113.7`; a zone id (`fe80::1%eth0`) is dropped; lower case. */
export function normalizeAddress(address: string): string {
  const plain = address.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(plain);
  return mapped ? mapped[1] : plain;
}

export function isLoopback(address: string): boolean {
  const a = normalizeAddress(address);
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

/** An IPv6 address as a 128-bit number (handles `::` and an embedded IPv4 tail). */
function ipv6Bits(address: string): bigint {
  let text = address;
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const missing = 8 - groups(head).length - groups(tail).length;
  const all =
    tail === undefined ? groups(head) : [...groups(head), ...Array<string>(missing).fill('0'), ...groups(tail)];
  return all.reduce((bits, group) => (bits << 16n) | BigInt(parseInt(group || '0', 16)), 0n);
}

/**
 * The rate-limit bucket of an address. One IPv6 subscriber usually gets a whole /64 (and can pick any address in
 * it), so IPv6 addresses are keyed by their first `ipv6PrefixLength` bits; all loopback addresses are one bucket.
 */
export function rateLimitKey(address: string, ipv6PrefixLength: number): string {
  const a = normalizeAddress(address);
  if (isLoopback(a)) return 'loopback';
  if (isIP(a) !== 6) return a;
  const shift = BigInt(128 - ipv6PrefixLength);
  const prefix = (ipv6Bits(a) >> shift) << shift;
  return `${prefix
    .toString(16)
    .padStart(32, '0')
    .replace(/(.{4})(?!$)/g, '$1:')}/${ipv6PrefixLength}`;
}

/** Proxies in front of the collector: the number of hops, or the addresses and networks they connect from. */
export type TrustProxy = { hops: number } | { networks: BlockList; description: string };

/** CX_TRUST_PROXY: "1" (hops) or "10.0.0.0/8,::1" (addresses and CIDR networks). Throws with what is allowed. */
export function parseTrustProxy(value: string): TrustProxy {
  if (/^\d+$/.test(value.trim())) return { hops: Number(value.trim()) };
  const networks = new BlockList();
  for (const entry of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(normalizeAddress(address));
    const length = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    const max = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || !Number.isInteger(length) || length < 0 || length > max) {
      throw new Error(`"${entry}" is not an IP address or CIDR network (e.g. 10.0.0.0/8, 127.0.0.1, fd00::/8)`);
    }
    networks.addSubnet(normalizeAddress(address), length, family === 6 ? 'ipv6' : 'ipv4');
  }
  return { networks, description: value };
}

const trusted = (networks: BlockList, address: string): boolean => {
  const a = normalizeAddress(address);
  const family = isIP(a);
  return family !== 0 && networks.check(a, family === 6 ? 'ipv6' : 'ipv4');
};

/**
 * The client's address. X-Forwarded-For lists the client and each proxy it passed, each hop appending its peer, so
 * only the right-most entries (written by our own proxies) can be believed: we walk from the socket leftwards over
 * trusted hops and stop at the first address a trusted proxy reported. Anything left of that is the client's word.
 */
export function clientAddress(
  socketAddress: string,
  forwardedFor: string | null,
  trust: TrustProxy | undefined,
): string {
  if (!trust || !forwardedFor) return socketAddress;
  const chain = [...forwardedFor.split(',').map((s) => s.trim()), socketAddress];
  if ('hops' in trust) {
    const candidate = chain[Math.max(0, chain.length - 1 - trust.hops)];
    return isIP(normalizeAddress(candidate)) ? candidate : socketAddress;
  }
  for (let i = chain.length - 1; i > 0; i--) {
    if (!trusted(trust.networks, chain[i])) return chain[i];
    // A trusted proxy reported something that is no address: believe nothing further left.
    if (!isIP(normalizeAddress(chain[i - 1]))) return chain[i];
  }
  return chain[0];
}
