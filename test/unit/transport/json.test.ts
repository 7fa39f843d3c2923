import { afterEach, describe, expect, it } from 'vitest';
import { byteLength, toJson } from '../../../src/transport/json.ts';

const samples: unknown[] = [
  { v: 1, id: 'x', answers: [{ value: ['a', 'b'] }, { value: 3.5 }], ok: true, none: null },
  ['a', 1, false, null, { b: [] }],
  'quote " backslash \\ newline \n tab \t nul \u0000 line-sep \u2028 emoji 😀 é',
  { undef: undefined, fn: () => 1, n: NaN, inf: -Infinity, neg: -0, big: 1e21, small: 1e-7 },
  [undefined, () => 1],
  {},
  [],
];

describe('toJson', () => {
  it.each(samples)('parses back like JSON.stringify: %j', (value) => {
    expect(JSON.parse(toJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  describe('with a hostile page', () => {
    const proto = Array.prototype as unknown as { toJSON?: () => string };
    const objProto = Object.prototype as Record<string, unknown>;
    afterEach(() => {
      delete proto.toJSON;
      delete objProto.polluted;
    });

    it('ignores Array.prototype.toJSON (Prototype.js) and inherited keys', () => {
      proto.toJSON = function (this: unknown[]) {
        return JSON.stringify(this.slice());
      };
      objProto.polluted = 'evil';
      const out = JSON.parse(toJson({ answers: [{ value: ['a'] }] }));
      expect(out).toEqual({ answers: [{ value: ['a'] }] });
      expect(Object.hasOwn(out, 'polluted')).toBe(false);
    });
  });
});

describe('byteLength', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
  ])('%j → %i', (s, n) => {
    expect(byteLength(s)).toBe(n);
  });
});
