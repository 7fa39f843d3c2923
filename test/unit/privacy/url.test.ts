import { describe, expect, it } from 'vitest';
import { pageUrl } from '../../../src/privacy/url.ts';

describe('pageUrl', () => {
  it.each([
    ['https://shop.example/checkout?email=a@b.c&step=2#pay', [], 'https://shop.example/checkout'],
    ['https://shop.example/checkout?email=a@b.c&step=2#pay', ['step'], 'https://shop.example/checkout?step=2'],
    [
      'https://shop.example/a?utm_source=x&step=2&step=3',
      ['step', 'utm_source'],
      'https://shop.example/a?utm_source=x&step=2&step=3',
    ],
    ['https://shop.example/a?other=1', ['step'], 'https://shop.example/a'],
    ['https://user:pw@shop.example/a', [], 'https://shop.example/a'],
    ['http://localhost:8080/', [], 'http://localhost:8080/'],
    ['not a url', [], ''],
  ] as const)('%s keep %j', (href, keep, expected) => {
    expect(pageUrl(href, keep)).toBe(expected);
  });

  it('caps the length at the schema limit', () => {
    expect(pageUrl(`https://x.example/${'a'.repeat(5000)}`)).toHaveLength(2048);
  });
});
