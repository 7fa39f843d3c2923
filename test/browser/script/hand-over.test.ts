import { expect, waitUntil } from '@open-wc/testing';
import { startUi } from '../../../src/script/ui.ts';

// Not helpers.ts: it defines the element, and here startUi must be what defines it.
const ENDPOINT = '/__cx/collect';

describe('startUi: the entry hands its triggers over to the elements', () => {
  it('stops the entry watching in the task that defines the element: an event of the very next task opens the popover', async () => {
    const tp = `hand-over-${Date.now().toString(36)}`;
    const el = document.createElement('cx-feedback');
    const attributes = {
      endpoint: ENDPOINT,
      touchpoint: tp,
      question: 'csat',
      mode: 'popover',
      trigger: `event:${tp}`,
    };
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    el.setAttribute('cooldown-days', '0');
    document.body.append(el);
    let definedAtHandOver: boolean | undefined;
    startUi(() => {
      // The entry stops listening here; the page fires its event at the first moment after that.
      definedAtHandOver = !!customElements.get('cx-feedback');
      setTimeout(() => document.dispatchEvent(new CustomEvent(tp)));
    });
    await waitUntil(() => el.shadowRoot?.querySelector('.card'), 'the event fired right after the hand-over was lost', {
      timeout: 5000,
    });
    expect(definedAtHandOver).to.equal(false);
    el.remove();
  });
});
