import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { mount, option, shadow, storedCount, uniqueTouchpoint } from './helpers.ts';

/**
 * UI honesty without storage (its own test file, so its own page: the outbox is opened once per page). With no
 * IndexedDB the answer lives only in memory; when sending fails too, the customer is told and offered a retry.
 */
describe('<cx-feedback> without any storage', () => {
  before(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });

  it('sending fails: an error and a retry button; retry delivers it', async () => {
    const tp = uniqueTouchpoint('nostore');
    const el = await mount(
      html`<cx-feedback endpoint="/__cx/collect?outage=${tp}" touchpoint=${tp} question="thumbs"></cx-feedback>`,
    );
    const submitted = oneEvent(el, 'cx-submit');
    option(el, 1).click();
    await submitted;
    const button = () => shadow(el).querySelector<HTMLButtonElement>('.status button');
    await waitUntil(button, 'no retry button after the failed send', { timeout: 5000 });
    expect(shadow(el).querySelector('.status')?.textContent).to.equal(
      'Sorry, your feedback couldn’t be sent. Try again',
    );
    await fetch(`/__cx/heal?key=${tp}`);
    button()!.click();
    await storedCount(tp, 1);
    await waitUntil(() => !button(), 'retry button stayed after delivery', { timeout: 5000 });
  });
});
