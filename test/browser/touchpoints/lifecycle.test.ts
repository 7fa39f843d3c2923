import { expect, fixture, html } from '@open-wc/testing';
import { createCoordinator } from '../../../src/coordinator/index.ts';
import { createStore } from '../../../src/frequency/store.ts';
import { anchorPopover } from '../../../src/placement/popover.ts';
import { watchRoute } from '../../../src/placement/route.ts';
import { startTrigger } from '../../../src/triggers/index.ts';
import type { Trigger } from '../../../src/triggers/parse.ts';
import { frames, trackResources, until } from './helpers.ts';

const coordinator = createCoordinator(createStore(() => sessionStorage));

/**
 * A stand-in for <cx-feedback>'s wiring: on connect it arms every trigger kind, watches the route and (once a trigger
 * fired) opens an anchored card through the coordinator; on disconnect it calls every stop.
 */
class TouchpointHost extends HTMLElement {
  stops: (() => void)[] = [];
  opened = 0;
  requested = false;
  connectedCallback() {
    this.requested = false;
    const anchor = document.querySelector('#anchor');
    const triggers: Trigger[] = [
      { kind: 'load' },
      { kind: 'delay', value: 0 },
      { kind: 'scroll', value: 0 },
      { kind: 'visible' },
      { kind: 'exit' },
      { kind: 'event', value: 'go' },
      { kind: 'click', value: '#anchor' },
      { kind: 'idle', value: 5 },
      { kind: 'manual' },
    ];
    for (const t of triggers)
      this.stops.push(
        startTrigger(t, { element: this, anchor, fire: () => this.open(), quiet: { settle: 0, recheck: 10 } }),
      );
    this.stops.push(
      watchRoute(() => {}),
      watchRoute(() => {}, null),
    );
  }
  open() {
    // Several triggers may fire; like the element, a host holds at most one request.
    if (this.requested) return;
    this.requested = true;
    const card = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    card.innerHTML = '<div style="width:100px;height:50px">card</div>';
    const id = `host-${this.opened++}`;
    const cancel = coordinator.requestOpen({
      id,
      open: () =>
        this.stops.push(anchorPopover(document.querySelector('#anchor')!, card.firstElementChild as HTMLElement)),
    });
    this.stops.push(cancel);
  }
  disconnectedCallback() {
    this.stops.splice(0).forEach((s) => s());
  }
}
customElements.define('touchpoint-host', TouchpointHost);

describe('connect / disconnect many times', () => {
  it('leaves no listeners, observers or timers behind', async () => {
    const page = await fixture<HTMLElement>(html`<div><button id="anchor">Buy</button></div>`);
    const track = trackResources();
    try {
      const before = track.count();
      for (let i = 0; i < 30; i++) {
        const host = document.createElement('touchpoint-host') as TouchpointHost;
        page.append(host);
        if (i % 3 == 0) {
          // Let some of them fire and open their card before they go.
          document.dispatchEvent(new Event('go'));
          await until(() => host.opened > 0);
          await frames(1);
        }
        host.remove();
      }
      expect(track.count()).to.deep.equal(before);
    } finally {
      track.restore();
    }
  });

  it('a disconnected host does not open anything later', async () => {
    const page = await fixture<HTMLElement>(html`<div><button id="anchor">Buy</button></div>`);
    const host = document.createElement('touchpoint-host') as TouchpointHost;
    page.append(host);
    host.remove();
    document.dispatchEvent(new Event('go'));
    page.querySelector<HTMLElement>('#anchor')!.click();
    await frames(3);
    expect(host.opened).to.equal(0);
  });
});
