import { expect, waitUntil } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import { lookup } from '../../../src/api/registry.ts';
import { Touchpoint } from '../../../src/element/touchpoint.ts';
import { STORAGE_KEY } from '../../../src/frequency/store.ts';

/**
 * The Touchpoint controller on its own, with a stand-in host: it reads the touchpoint attributes from the host's
 * properties and acts on the card only through the callbacks it was given.
 */
class Host extends ReactiveElement {
  mode = 'popover';
  anchor = '';
  trigger = '';
  url = '';
  frequency = '';
  recontactDays = '';
  cooldownDays = '';
  snoozeDays = '';
  sample = '';
  priority = '';
  calls: string[] = [];
  reveals = true;
  readonly touchpoint = new Touchpoint(this, {
    reveal: (trigger) => (this.calls.push(`reveal ${trigger}`), this.reveals),
    conceal: (reason) => void this.calls.push(`conceal ${reason}`),
    setTargeted: (on) => void this.calls.push(`targeted ${on}`),
    prepare: () => void this.calls.push('prepare'),
  });
}
customElements.define('touchpoint-controller-host', Host);

let n = 0;
const host = (props: Partial<Host> = {}): Host => {
  const el = Object.assign(document.createElement('touchpoint-controller-host') as Host, props);
  document.body.append(el);
  return el;
};

describe('Touchpoint controller', () => {
  beforeEach(() => localStorage.removeItem(STORAGE_KEY));
  afterEach(() => document.querySelectorAll('touchpoint-controller-host').forEach((el) => el.remove()));

  it('a popover whose event fired prepares (the placement chunk) before it reveals, then closes its slot', async () => {
    const name = `tp-controller-${++n}`;
    const el = host({ trigger: `event:${name}` });
    el.touchpoint.start({ id: name, touchpoint: name });
    expect(el.calls).to.deep.equal(['targeted true']);
    document.dispatchEvent(new CustomEvent(name));
    await waitUntil(() => el.calls.includes(`reveal event:${name}`), 'never revealed');
    expect(el.calls).to.deep.equal(['targeted true', 'prepare', `reveal event:${name}`]);
    el.touchpoint.closed();
  });

  it('reads the settings from properties: a bad mode is reported once and read as inline, which reveals on load', () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args[0]);
    try {
      const el = host({ mode: 'sideways' });
      el.touchpoint.start({ id: 'bad-mode', touchpoint: 'bad-mode' });
      expect(el.touchpoint.mode).to.equal('inline');
      expect(el.calls).to.deep.equal(['targeted true', 'reveal load']);
      expect(warnings).to.deep.equal([
        'cx-feedback: mode="sideways" is not valid; expected inline, popover or floating (mode of touchpoint ""); using the default',
      ]);
    } finally {
      console.warn = warn;
    }
  });

  it('on a page its url does not match it does not arm, and tells the card to hide its launcher', () => {
    const el = host({ mode: 'floating', url: 'contains:/no-such-page' });
    el.touchpoint.start({ id: 'elsewhere', touchpoint: 'elsewhere' });
    expect(el.calls).to.deep.equal(['targeted false', 'conceal route']);
  });

  it('registers for the JS API: hide() goes through the conceal callback, and stop() unregisters', () => {
    const el = host({ mode: 'inline' });
    el.touchpoint.start({ id: 'api-hide', touchpoint: 'api-hide' });
    lookup('api-hide').forEach((widget) => widget.hide());
    expect(el.calls).to.deep.equal(['targeted true', 'reveal load', 'conceal api']);
    el.touchpoint.stop();
    expect(lookup('api-hide')).to.deep.equal([]);
  });
});
