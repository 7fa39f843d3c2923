import { describe, expect, it } from 'vitest';
import { wantsPrivacy } from '../../../src/privacy/signals.ts';

describe('wantsPrivacy', () => {
  it.each([
    [{ globalPrivacyControl: true }, true],
    [{ globalPrivacyControl: false }, false],
    [{ doNotTrack: '1' }, true],
    [{ doNotTrack: 'yes' }, true],
    [{ doNotTrack: '0' }, false],
    [{ doNotTrack: null }, false],
    [{ doNotTrack: 'unspecified' }, false],
    [{}, false],
  ])('%j → %s', (nav, expected) => {
    expect(wantsPrivacy(nav)).toBe(expected);
  });
});
