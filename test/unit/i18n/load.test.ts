import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { BUILT_IN } from '../../../src/i18n/build-locales.ts';

type Load = typeof import('../../../src/i18n/load.ts');
const BASE = 'https://cdn.test/cx/locales/';

// Module state (the cache) is the point of these tests, so each one gets a fresh copy of the module.
let mod: Load;
let freshEn: typeof en;
let fetchMock: ReturnType<typeof vi.fn>;
let warn: MockInstance<typeof console.warn>;

const respond = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status }));

beforeEach(async () => {
  vi.resetModules();
  mod = await import('../../../src/i18n/load.ts');
  freshEn = (await import('../../../src/i18n/en.ts')).en;
  fetchMock = vi.fn(() => respond(BUILT_IN.de));
  vi.stubGlobal('fetch', fetchMock);
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('localeUrl', () => {
  it.each([
    ['https://cdn.test/cx/locales/', 'https://cdn.test/cx/locales/de.json'],
    ['https://cdn.test/cx/locales', 'https://cdn.test/cx/locales/de.json'],
    ['https://example.test/i18n/cx-{lang}.json', 'https://example.test/i18n/cx-de.json'],
    ['https://example.test/api/strings?lang={lang}', 'https://example.test/api/strings?lang=de'],
  ])('%s → %s', (base, url) => {
    expect(mod.localeUrl('de', base).href).toBe(url);
  });

  it('defaults to locales/<lang>.json next to the code', () => {
    expect(mod.localeUrl('fr').href).toMatch(/\/src\/i18n\/locales\/fr\.json$/);
  });
});

describe('loadStrings', () => {
  it('resolves English at once, without a request', async () => {
    await expect(mod.loadStrings('en-US', BASE)).resolves.toBe(freshEn);
    await expect(mod.loadStrings('xx', BASE)).resolves.toBe(freshEn);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('fetches a language once, shared by concurrent and later callers', async () => {
    expect(mod.hasStrings('de-AT')).toBe(false);
    expect(mod.strings('de-AT').send).toBe(en.send);
    const [a, b] = await Promise.all([mod.loadStrings('de-AT', BASE), mod.loadStrings('de-CH', BASE)]);
    expect(a).toEqual(BUILT_IN.de);
    expect(b).toBe(a);
    await expect(mod.loadStrings('de', BASE)).resolves.toBe(a);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledWith(`${BASE}de.json`, { credentials: 'omit' });
    expect(mod.hasStrings('de')).toBe(true);
    expect(mod.strings('de-DE').send).toBe(BUILT_IN.de.send);
  });

  it('puts per-element overrides above the language', async () => {
    await mod.loadStrings('de', BASE);
    const s = mod.strings('de', { send: 'Abschicken' });
    expect(s.send).toBe('Abschicken');
    expect(s.close).toBe(BUILT_IN.de.close);
    expect(mod.strings('en', { skip: 'Not now' })).toEqual({ ...en, skip: 'Not now' });
  });

  it('falls back to English with one warning when the file is missing, and retries later', async () => {
    fetchMock.mockImplementation(() => respond('not found', 404));
    await expect(mod.loadStrings('fr', BASE)).resolves.toBe(freshEn);
    await expect(mod.loadStrings('fr', BASE)).resolves.toBe(freshEn);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(mod.hasStrings('fr')).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /^cx-feedback: could not load the "fr" strings from https:\/\/cdn\.test\/cx\/locales\/fr\.json \(Error: HTTP 404\)/,
    );

    fetchMock.mockImplementation(() => respond(BUILT_IN.fr));
    await expect(mod.loadStrings('fr', BASE)).resolves.toEqual(BUILT_IN.fr);
  });

  it('falls back to English when the network fails or the body is not JSON', async () => {
    fetchMock.mockImplementationOnce(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(mod.loadStrings('ja', BASE)).resolves.toBe(freshEn);
    fetchMock.mockImplementationOnce(() => Promise.resolve(new Response('<!doctype html>', { status: 200 })));
    await expect(mod.loadStrings('ja', BASE)).resolves.toBe(freshEn);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('uses the valid part of a damaged file and warns about the rest', async () => {
    fetchMock.mockImplementation(() => respond({ send: 'Envoyer', bogus: 'x', close: 3 }));
    const s = await mod.loadStrings('fr', BASE);
    expect(s).toEqual({ ...en, send: 'Envoyer' });
    // In the order of the file.
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      `cx-feedback: strings: unknown key "bogus"; the keys are listed in docs/i18n.md (in ${BASE}fr.json)`,
      `cx-feedback: strings.close: expected a non-empty string, got 3 (in ${BASE}fr.json)`,
    ]);
  });

  it('warns and shows English when no URL can be formed', async () => {
    await expect(mod.loadStrings('es', 'http://[::1/')).resolves.toBe(freshEn);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/^cx-feedback: no URL to load the "es" strings from/);
  });
});
