import { expect, fixture, html } from '@open-wc/testing';
import { installGlobalApi } from '../../../src/api/global.ts';
import { register, type Widget } from '../../../src/api/registry.ts';
import { STORAGE_KEY } from '../../../src/frequency/store.ts';
import { explain, isDebug, setDebug } from '../../../src/triggers/debug.ts';
import { startTrigger } from '../../../src/triggers/index.ts';
import { recorder, tick, until } from './helpers.ts';

/** The documented snippet, run as a page would run it (a classic inline script). */
const SNIPPET =
  'window.cxFeedback = window.cxFeedback || function(){(cxFeedback.q = cxFeedback.q || []).push(arguments)}';
const runSnippet = () => {
  const s = document.createElement('script');
  s.textContent = SNIPPET;
  document.head.append(s);
  s.remove();
};

const call = (...args: unknown[]) => (window.cxFeedback as (...a: unknown[]) => void)(...args);

function widget(surveyId: string, touchpoint: string) {
  const calls: string[] = [];
  const w: Widget = {
    surveyId,
    touchpoint,
    show: (trigger) => calls.push(`show:${trigger}`),
    hide: () => calls.push('hide'),
  };
  return { w, calls };
}

function captureConsole(method: 'warn' | 'info') {
  const original = console[method];
  const lines: unknown[][] = [];
  console[method] = (...a: unknown[]) => void lines.push(a);
  return { lines, restore: () => void (console[method] = original) };
}

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
  delete window.cxFeedback;
  setDebug(undefined);
});

describe('global API', () => {
  it('replays calls queued by the snippet before the script loaded, in order', async () => {
    runSnippet();
    call('track', 'order-complete');
    call('debug', true);
    expect(window.cxFeedback?.q?.length).to.equal(2);
    const element = await fixture<HTMLElement>(html`<div></div>`);
    const r = recorder();
    cleanups.push(
      startTrigger({ kind: 'event', value: 'order-complete' }, { element, fire: r.fire, quiet: { settle: 0 } }),
    );
    cleanups.push(installGlobalApi());
    expect(window.cxFeedback?.loaded).to.equal(true);
    expect(isDebug()).to.equal(true);
    await until(r.fired);
  });

  it('works without the snippet', () => {
    cleanups.push(installGlobalApi());
    call('debug', true);
    expect(isDebug()).to.equal(true);
  });

  it('show and hide reach widgets by survey id or touchpoint', async () => {
    cleanups.push(installGlobalApi());
    const a = widget('checkout-ces', 'checkout');
    const b = widget('article-thumbs', 'article');
    cleanups.push(register(a.w), register(b.w));
    call('show', 'checkout');
    call('show', 'checkout-ces');
    call('hide', 'article-thumbs');
    await until(() => a.calls.length == 2);
    expect(a.calls).to.deep.equal(['show:api', 'show:api']);
    expect(b.calls).to.deep.equal(['hide']);
  });

  it('show waits for a widget that registers later (queued before the elements upgraded)', async () => {
    runSnippet();
    call('show', 'late-survey');
    cleanups.push(installGlobalApi());
    const late = widget('late-survey', 'late');
    cleanups.push(register(late.w));
    await until(() => late.calls.length == 1);
    const other = widget('late-survey', 'again');
    cleanups.push(register(other.w));
    await tick(30);
    expect(other.calls).to.deep.equal([]);
  });

  it('show waits while the visitor is typing', async () => {
    cleanups.push(installGlobalApi());
    const input = await fixture<HTMLInputElement>(html`<input />`);
    input.focus();
    const a = widget('s', 't');
    cleanups.push(register(a.w));
    call('show', 's');
    await tick(100);
    expect(a.calls).to.deep.equal([]);
    input.blur();
    await until(() => a.calls.length == 1, 3000);
  });

  it('an unregistered widget is no longer reached', async () => {
    cleanups.push(installGlobalApi());
    const a = widget('s', 't');
    register(a.w)();
    call('hide', 's');
    expect(a.calls).to.deep.equal([]);
  });

  it('track dispatches a document event with the given detail', () => {
    cleanups.push(installGlobalApi());
    let detail: unknown;
    document.addEventListener('plan-upgraded', (e) => (detail = (e as CustomEvent).detail), { once: true });
    call('track', 'plan-upgraded', { plan: 'pro' });
    expect(detail).to.deep.equal({ plan: 'pro' });
  });

  it('reset clears the frequency state and tells the element side', () => {
    let resets = 0;
    cleanups.push(installGlobalApi({ reset: () => resets++ }));
    localStorage.setItem(STORAGE_KEY, '{"c":1}');
    call('reset');
    expect(localStorage.getItem(STORAGE_KEY)).to.equal(null);
    expect(resets).to.equal(1);
  });

  it('consent and debug take booleans (and the strings "true"/"false")', () => {
    const seen: boolean[] = [];
    cleanups.push(installGlobalApi({ consent: (granted) => seen.push(granted) }));
    call('consent', true);
    call('consent', false);
    call('consent', 'false');
    call('consent', 'true');
    expect(seen).to.deep.equal([true, false, false, true]);
    call('debug', 'false');
    expect(isDebug(document.createElement('div'))).to.equal(false);
  });

  it('unknown commands and bad arguments warn once each, naming the allowed commands, and never throw', () => {
    const warn = captureConsole('warn');
    try {
      cleanups.push(
        installGlobalApi({
          consent: () => {
            throw new Error('handler broke');
          },
        }),
      );
      expect(() => call('open', 'x')).not.to.throw();
      expect(() => call('show')).not.to.throw();
      expect(() => call('consent', true)).not.to.throw();
      expect(warn.lines.length).to.equal(3);
      expect(String(warn.lines[0][0])).to.equal(
        'cx-feedback: cxFeedback("open") is not a command; use one of show, hide, track, reset, consent, debug',
      );
      expect(String(warn.lines[1][0])).to.contain('cxFeedback("show", …) ignored: it needs a name');
      expect(String(warn.lines[2][0])).to.contain('handler broke');
    } finally {
      warn.restore();
    }
  });

  it('a second copy of the script keeps the first API', () => {
    const first = installGlobalApi();
    cleanups.push(first);
    const api = window.cxFeedback;
    installGlobalApi()();
    expect(window.cxFeedback).to.equal(api);
  });

  it('uninstall removes only its own function', () => {
    installGlobalApi()();
    expect(window.cxFeedback).to.equal(undefined);
  });
});

describe('debug mode', () => {
  it('explain is silent unless debugging, then prefixed', async () => {
    const info = captureConsole('info');
    try {
      const plain = await fixture<HTMLElement>(html`<div></div>`);
      const debugging = await fixture<HTMLElement>(html`<div debug></div>`);
      explain(plain, 'sampled out');
      expect(info.lines).to.deep.equal([]);
      explain(debugging, 'sampled out');
      expect(info.lines).to.deep.equal([['cx-feedback: sampled out', debugging]]);
      setDebug(true);
      explain(plain, 'trigger not fired');
      expect(info.lines.length).to.equal(2);
    } finally {
      info.restore();
    }
  });

  it('?cx-debug in the URL turns it on', () => {
    const home = location.href;
    try {
      expect(isDebug()).to.equal(false);
      history.replaceState(null, '', '?cx-debug');
      expect(isDebug()).to.equal(true);
      history.replaceState(null, '', '?a=1&cx-debug=1');
      expect(isDebug()).to.equal(true);
      history.replaceState(null, '', '?cx-debugger');
      expect(isDebug()).to.equal(false);
    } finally {
      history.replaceState(null, '', home);
    }
  });
});
