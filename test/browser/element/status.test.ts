import { expect, html, waitUntil } from '@open-wc/testing';
import { getDelivery } from '../../../src/transport/index.ts';
import { mount, option, shadow, storedCount, uniqueTouchpoint } from './helpers.ts';

/** UI honesty with working storage: the thank-you shows at once; an unreachable endpoint is admitted, not hidden. */
describe('<cx-feedback> delivery status (IndexedDB outbox)', () => {
  it('an endpoint outage: thanks, then "saved, will be sent", then sent once the endpoint is back', async () => {
    const tp = uniqueTouchpoint('outage');
    const el = await mount(
      html`<cx-feedback endpoint="/__cx/collect?outage=${tp}" touchpoint=${tp} question="csat"></cx-feedback>`,
    );
    option(el, 5).click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="thanks"]')).to.not.equal(null);
    const status = () => shadow(el).querySelector('.status')?.textContent?.trim();
    await waitUntil(() => status() === 'Saved — it will be sent when you’re back online.', `status was "${status()}"`, {
      timeout: 5000,
    });
    // Durably queued: no retry button, nothing for the customer to do.
    expect(shadow(el).querySelector('.status button')).to.equal(null);
    await fetch(`/__cx/heal?key=${tp}`);
    await getDelivery().drain();
    await storedCount(tp, 1);
    await waitUntil(() => status() === '', 'status line did not clear after delivery', { timeout: 5000 });
  });
});
