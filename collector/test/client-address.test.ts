import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientAddress, parseTrustProxy, rateLimitKey } from '../src/http/client-address.ts';
import { createHandler } from '../src/handler.ts';
import type { HandlerOptions } from '../src/handler.ts';
import type { Store } from '../src/store/types.ts';
import { memoryStore } from './support/memory-sqlite.ts';
import { payload, post } from './support/payload.ts';

describe('rateLimitKey', () => {
  it.each([
    ['203.0.113.7', 64, '203.0.113.7'],
    ['::ffff:203.0.113.7', 64, '203.0.113.7'],
    ['127.0.0.1', 64, 'loopback'],
    ['127.9.9.9', 64, 'loopback'],
    ['::1', 64, 'loopback'],
    ['::ffff:127.0.0.1', 64, 'loopback'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', 64, '2001:0db8:0001:0002:0000:0000:0000:0000/64'],
    ['2001:DB8:1:2::1', 64, '2001:0db8:0001:0002:0000:0000:0000:0000/64'],
    ['2001:db8:1:2::1', 48, '2001:0db8:0001:0000:0000:0000:0000:0000/48'],
    ['2001:db8:1:2::1', 128, '2001:0db8:0001:0002:0000:0000:0000:0001/128'],
    ['2001:db8::1.2.3.4', 128, '2001:0db8:0000:0000:0000:0000:0102:0304/128'],
    ['fe80::1%eth0', 64, 'fe80:0000:0000:0000:0000:0000:0000:0000/64'],
  ])('%s with /%i → %s', (address, prefix, key) => {
    expect(rateLimitKey(address, prefix)).toBe(key);
  });
});

describe('clientAddress behind trusted proxies', () => {
  const cidrs = parseTrustProxy('127.0.0.1, 10.0.0.0/8, fd00::/8');
  it.each([
    ['no trust: the socket', '127.0.0.1', '198.51.100.1', undefined, '127.0.0.1'],
    ['1 hop: what our proxy saw', '127.0.0.1', '198.51.100.1', { hops: 1 }, '198.51.100.1'],
    ['1 hop: a forged left entry is ignored', '127.0.0.1', '6.6.6.6, 198.51.100.1', { hops: 1 }, '198.51.100.1'],
    ['2 hops', '10.0.0.2', '198.51.100.1, 10.0.0.9', { hops: 2 }, '198.51.100.1'],
    ['more hops than entries: the left-most', '127.0.0.1', '198.51.100.1', { hops: 5 }, '198.51.100.1'],
    ['hop reports garbage: the socket', '127.0.0.1', 'unknown', { hops: 1 }, '127.0.0.1'],
    ['CIDRs: skips trusted hops from the right', '127.0.0.1', '6.6.6.6, 198.51.100.1, 10.1.2.3', cidrs, '198.51.100.1'],
    ['CIDRs: an untrusted peer is the client', '192.0.2.5', '198.51.100.1', cidrs, '192.0.2.5'],
    ['CIDRs: IPv6 proxy', 'fd00::5', '2001:db8::7', cidrs, '2001:db8::7'],
    ['no header: the socket', '127.0.0.1', null, { hops: 1 }, '127.0.0.1'],
  ])('%s', (_name, socket, header, trust, expected) => {
    expect(clientAddress(socket, header, trust)).toBe(expected);
  });

  it.each([['10.0.0.0/33'], ['not-an-ip'], ['10.0.0.0/8/1'], ['::1/129']])('refuses CX_TRUST_PROXY=%s', (value) => {
    expect(() => parseTrustProxy(value)).toThrow(/not an IP address or CIDR network/);
  });
});

describe('rate limiting keys', () => {
  let store: Store;
  beforeEach(() => {
    store = memoryStore();
  });
  afterEach(() => store.close());
  const statuses = async (options: Partial<HandlerOptions>, requests: [string, Record<string, string>?][]) => {
    const h = createHandler({ store, rateLimitPerMinute: 2, ...options });
    const out: number[] = [];
    for (const [address, headers] of requests)
      out.push((await h(post(payload(), { headers }), { clientAddress: address })).status);
    return out;
  };

  it('one IPv6 /64 is one client, however many addresses it uses', async () => {
    const within = ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:ffff::3'].map((a): [string] => [a]);
    expect(await statuses({}, within)).toEqual([201, 201, 429]);
    expect(await statuses({}, [['2001:db8:1:3::1']])).toEqual([201]);
  });

  it('::1, 127.0.0.1 and ::ffff:127.0.0.1 are one client', async () => {
    expect(await statuses({}, [['::1'], ['127.0.0.1'], ['::ffff:127.0.0.1']])).toEqual([201, 201, 429]);
  });

  it("behind a trusted proxy, each visitor has their own bucket; without trust they share the proxy's", async () => {
    const visitors: [string, Record<string, string>][] = ['198.51.100.1', '198.51.100.2', '198.51.100.3'].map((v) => [
      '127.0.0.1',
      { 'x-forwarded-for': v },
    ]);
    expect(await statuses({ trustProxy: { hops: 1 } }, visitors)).toEqual([201, 201, 201]);
    expect(await statuses({}, visitors)).toEqual([201, 201, 429]);
  });
});
