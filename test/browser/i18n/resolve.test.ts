import { expect, fixture, html } from '@open-wc/testing';
import { resolveLang, watchLang } from '../../../src/i18n/resolve.ts';

const htmlLang = document.documentElement.getAttribute('lang');
afterEach(() => {
  if (htmlLang === null) document.documentElement.removeAttribute('lang');
  else document.documentElement.setAttribute('lang', htmlLang);
});

/** A host whose shadow root holds `inner`; returns [host, the element found in the shadow root]. */
async function shadowed(outer: ReturnType<typeof html>, inner: string): Promise<[HTMLElement, Element]> {
  const host = await fixture<HTMLElement>(outer);
  const target = host.querySelector('.host') ?? host;
  target.attachShadow({ mode: 'open' }).innerHTML = inner;
  return [host, target.shadowRoot!.querySelector('.target')!];
}

/** Resolves after every MutationObserver created before this call has seen the pending records. */
const observersDone = (): Promise<void> => new Promise((resolve) => queueMicrotask(resolve));

describe('resolveLang', () => {
  it('reads the element’s own lang first', async () => {
    const el = await fixture(html`<div lang="de"><span lang="pt-br"></span></div>`);
    expect(resolveLang(el.firstElementChild!)).to.equal('pt-BR');
  });

  it('falls back to the nearest ancestor with lang', async () => {
    const el = await fixture(html`<div lang="fr"><section lang="he-IL"><p><span class="t"></span></p></section></div>`);
    expect(resolveLang(el.querySelector('.t')!)).to.equal('he-IL');
  });

  it('skips an empty or malformed lang', async () => {
    const el = await fixture(
      html`<div lang="ja"><section lang="not a tag"><p lang=""><span class="t"></span></p></section></div>`,
    );
    expect(resolveLang(el.querySelector('.t')!)).to.equal('ja');
  });

  it('crosses a shadow root to the host’s ancestors', async () => {
    const [, target] = await shadowed(
      html`<div lang="ar-EG"><div class="host"></div></div>`,
      '<p><span class="target"></span></p>',
    );
    expect(resolveLang(target)).to.equal('ar-EG');
  });

  it('crosses nested shadow roots and prefers a lang inside them', async () => {
    const [, middle] = await shadowed(
      html`<div lang="sv"><div class="host"></div></div>`,
      '<div class="target"></div>',
    );
    middle.attachShadow({ mode: 'open' }).innerHTML = '<b class="deep"></b>';
    const deep = middle.shadowRoot!.querySelector('.deep')!;
    expect(resolveLang(deep)).to.equal('sv');
    middle.setAttribute('lang', 'nl');
    expect(resolveLang(deep)).to.equal('nl');
  });

  it('uses <html lang> when no ancestor has one, even for a detached element', async () => {
    document.documentElement.setAttribute('lang', 'zh-Hant-TW');
    const el = await fixture(html`<div><span></span></div>`);
    expect(resolveLang(el.firstElementChild!)).to.equal('zh-Hant-TW');
    expect(resolveLang(document.createElement('span'))).to.equal('zh-Hant-TW');
  });

  it('uses navigator.language when nothing on the page says', async () => {
    document.documentElement.removeAttribute('lang');
    const el = await fixture(html`<div></div>`);
    // MiniBrowser started without a locale reports "C", which is no language tag: then English.
    let expected = 'en';
    try {
      expected = Intl.getCanonicalLocales(navigator.language)[0];
    } catch {
      /* not a tag */
    }
    expect(resolveLang(el)).to.equal(expected);
  });
});

describe('watchLang', () => {
  it('fires when <html lang> changes, and not after stop()', async () => {
    document.documentElement.setAttribute('lang', 'en');
    const el = await fixture(html`<div></div>`);
    const seen: string[] = [];
    const stop = watchLang(el, (lang) => seen.push(lang));

    document.documentElement.setAttribute('lang', 'de');
    await observersDone();
    expect(seen).to.deep.equal(['de']);

    stop();
    document.documentElement.setAttribute('lang', 'fr');
    await observersDone();
    expect(seen).to.deep.equal(['de']);
  });

  it('fires for an ancestor beyond a shadow root and for the element itself, only when the result changes', async () => {
    const [host, target] = await shadowed(
      html`<div lang="en"><div class="host"></div></div>`,
      '<section><p class="target"></p></section>',
    );
    const seen: string[] = [];
    const stop = watchLang(target, (lang) => seen.push(lang));

    host.setAttribute('lang', 'ja');
    await observersDone();
    target.parentElement!.setAttribute('lang', 'he');
    await observersDone();
    host.setAttribute('lang', 'it'); // hidden by the nearer lang="he": no change
    await observersDone();
    target.setAttribute('lang', 'ar');
    await observersDone();
    document.body.setAttribute('lang', 'pl'); // not an ancestor that matters here
    await observersDone();
    document.body.removeAttribute('lang');

    expect(seen).to.deep.equal(['ja', 'he', 'ar']);
    stop();
  });
});
