import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { en } from '../../../src/i18n/en.ts';
import { hasStrings, loadStrings, strings } from '../../../src/i18n/load.ts';
import { i18nController } from '../../../src/i18n/controller.ts';

const FIXTURES = '/test/browser/i18n/fixtures/locales/';
const htmlLang = document.documentElement.getAttribute('lang');
afterEach(() => {
  if (htmlLang === null) document.documentElement.removeAttribute('lang');
  else document.documentElement.setAttribute('lang', htmlLang);
});

/** The smallest element wired the way <cx-feedback> is meant to be. */
class I18nProbe extends LitElement {
  static override properties = { strings: {} };
  declare strings: unknown;
  readonly i18n = i18nController(this, { strings: () => this.strings, locales: () => this.getAttribute('locales') });
  override render() {
    return html`<p lang=${this.i18n.lang} dir=${this.i18n.dir}>${this.i18n.t.send}|${this.i18n.t.close}</p>`;
  }
}
customElements.define('i18n-probe', I18nProbe);

const shown = (el: I18nProbe) => {
  const p = el.shadowRoot!.querySelector('p')!;
  return { text: p.textContent, lang: p.lang, dir: p.dir };
};

describe('loadStrings in the browser', () => {
  it('fetches a served locale file relative to the page and caches it', async () => {
    expect(hasStrings('de')).to.equal(false);
    const de = await loadStrings('de-AT', FIXTURES);
    expect(de.send).to.equal('Senden');
    expect(de.skip).to.equal(en.skip); // missing from the file: English
    expect(strings('de').send).to.equal('Senden');
    expect(await loadStrings('de', 'https://unused.invalid/')).to.equal(de);
  });

  it('falls back to English when the file is missing', async () => {
    const fr = await loadStrings('fr', FIXTURES);
    expect(fr).to.equal(en);
    expect(hasStrings('fr')).to.equal(false);
  });
});

describe('i18nController', () => {
  it('shows English while loading, then the ancestor’s language', async () => {
    // Looked at before the strings can arrive: fixture() may wait a frame, in which a local file can load (WebKit).
    const wrap = fixtureSync(html`<div lang="he-IL"><i18n-probe locales=${FIXTURES}></i18n-probe></div>`);
    const el = wrap.querySelector('i18n-probe') as I18nProbe;
    expect(el.i18n.loading).to.equal(true);
    expect(el.i18n.requested).to.equal('he-IL');
    // The first render comes in a microtask, before the file's response (a task) can.
    await el.updateComplete;
    expect(shown(el)).to.deep.equal({ text: 'Send|Close', lang: 'en', dir: 'ltr' });

    await loadStrings('he', FIXTURES); // the controller's own request, shared
    await el.updateComplete;
    expect(el.i18n.loading).to.equal(false);
    expect(shown(el)).to.deep.equal({ text: 'שליחה|סגירה', lang: 'he', dir: 'rtl' });
  });

  it('follows a live change of <html lang> and applies overrides', async () => {
    document.documentElement.setAttribute('lang', 'en');
    const el = await fixture<I18nProbe>(
      html`<i18n-probe locales=${FIXTURES} .strings=${'{"close":"Done"}'}></i18n-probe>`,
    );
    expect(shown(el).text).to.equal('Send|Done');

    document.documentElement.setAttribute('lang', 'de-CH');
    await loadStrings('de', FIXTURES);
    await el.updateComplete;
    expect(shown(el)).to.deep.equal({ text: 'Senden|Done', lang: 'de', dir: 'ltr' });
  });

  it('stays in English when the language cannot be loaded', async () => {
    const el = await fixture<I18nProbe>(html`<i18n-probe lang="es" locales="/nowhere/"></i18n-probe>`);
    await loadStrings('es', '/nowhere/');
    await el.updateComplete;
    expect(el.i18n.loading).to.equal(false);
    expect(shown(el)).to.deep.equal({ text: 'Send|Close', lang: 'en', dir: 'ltr' });
  });

  it('speaks an unsupported language when the overrides translate every key', async () => {
    const fa = Object.fromEntries(Object.keys(en).map((key) => [key, `fa:${key}`]));
    const el = await fixture<I18nProbe>(html`<i18n-probe lang="fa-IR" .strings=${fa}></i18n-probe>`);
    expect(el.i18n.loading).to.equal(false);
    expect(shown(el)).to.deep.equal({ text: 'fa:send|fa:close', lang: 'fa-IR', dir: 'rtl' });
  });

  it('stops following lang once disconnected', async () => {
    const wrap = await fixture(html`<div lang="en"><i18n-probe></i18n-probe></div>`);
    const el = wrap.querySelector('i18n-probe') as I18nProbe;
    el.remove();
    // Were it still watching, either change would move its language away from "en".
    wrap.setAttribute('lang', 'ja');
    document.documentElement.setAttribute('lang', 'it');
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    expect(el.i18n.requested).to.equal('en');
  });
});
