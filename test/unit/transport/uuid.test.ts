import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/transport/uuid.ts';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('uses crypto.randomUUID when present', () => {
    expect(newId({ randomUUID: () => 'from-randomUUID' } as unknown as Crypto)).toBe('from-randomUUID');
  });

  it('falls back to getRandomValues (http pages have no randomUUID)', () => {
    const fill = (bytes: number) =>
      ({
        getRandomValues: <T extends ArrayBufferView>(a: T) => ((a as unknown as Uint8Array).fill(bytes), a),
      }) as unknown as Crypto;
    expect(newId(fill(0))).toBe('00000000-0000-4000-8000-000000000000');
    expect(newId(fill(255))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });

  it('fallback ids are v4 and distinct', () => {
    const c = { getRandomValues: crypto.getRandomValues.bind(crypto) } as Crypto;
    const ids = new Set(Array.from({ length: 200 }, () => newId(c)));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(V4);
  });
});
