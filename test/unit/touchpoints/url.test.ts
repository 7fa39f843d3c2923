import { describe, expect, it } from 'vitest';
import { matchesUrl } from '../../../src/placement/route.ts';
import { isProblem, parseUrl } from '../../../src/triggers/parse.ts';

const at = (href: string) => new URL(href);

describe('matchesUrl', () => {
  it.each([
    ['/checkout', 'https://shop.example/checkout/pay', true],
    ['/checkout', 'https://shop.example/cart?next=/checkout', true],
    ['contains:/checkout', 'https://shop.example/cart', false],
    ['exact:https://shop.example/cart', 'https://shop.example/cart', true],
    ['exact:https://shop.example/cart', 'https://shop.example/cart?x=1', true],
    ['exact:https://shop.example/cart', 'https://shop.example/cart/', false],
    ['exact:/cart', 'https://shop.example/cart#top', true],
    ['exact:/cart', 'https://shop.example/carts', false],
    ['exact:https://shop.example/cart?x=1', 'https://shop.example/cart?x=1', true],
    ['regex:^/orders/\\d+$', 'https://shop.example/orders/42', true],
    ['regex:^/orders/\\d+$', 'https://shop.example/orders/42/edit', false],
    ['regex:^/orders/\\d+$', 'https://shop.example/orders/abc', false],
    ['regex:^https://shop\\.example/', 'https://shop.example/a', true],
    ['regex:^https://shop\\.example/', 'https://other.example/a', false],
  ])('%s on %s → %s', (target, href, expected) => {
    const parsed = parseUrl(target);
    if (isProblem(parsed)) throw new Error(parsed.problem);
    expect(matchesUrl(parsed, at(href))).toBe(expected);
  });
});
