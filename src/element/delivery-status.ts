import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PayloadV1 } from '../schema/payload.ts';
import type { DeliveryEvent, SubmitResult } from '../transport/index.ts';
import { getDelivery } from '../transport/index.ts';
import { emit } from './events.ts';

/**
 * What the card says about its responses. queued: durably in the outbox; offline: queued, but the endpoint could not
 * be reached yet; memory: nothing durable holds it (offer a retry if it fails); sent: acknowledged; failed: given up.
 */
export type Status = 'idle' | 'queued' | 'offline' | 'memory' | 'sent' | 'failed';

/** What can happen to the responses of one card, as far as its status line is concerned. */
export type StatusEvent =
  | { type: 'submitted'; result: SubmitResult; first: boolean }
  | { type: 'sent' | 'dead' | 'retry' }
  | { type: 'retry-clicked' | 'reset' };

/** The status after `event`: pure, table-tested (test/unit/delivery-status.test.ts). */
export function nextStatus(status: Status, event: StatusEvent): Status {
  switch (event.type) {
    case 'reset':
      return 'idle';
    case 'retry-clicked':
      return 'memory';
    case 'sent':
      return 'sent';
    case 'dead':
      return 'failed';
    case 'retry':
      // Durably queued: say so honestly. Held only in memory: it would be lost with the tab, so offer a retry.
      return status == 'queued' ? 'offline' : status == 'memory' ? 'failed' : status;
    case 'submitted': {
      const { result } = event;
      if (!result.ok) return 'failed';
      if (result.delivered) return 'sent';
      // A follow-up queued after the first answer was acknowledged does not take the "sent" back.
      return status != 'sent' || event.first ? (result.durable ? 'queued' : 'memory') : status;
    }
  }
}

/**
 * Delivery of one card's responses: hands each payload to the page's delivery, follows what happens to it (only its
 * own responses), keeps the status line's state and fires `cx-sent` and `cx-error` (kind `delivery`) on the element.
 */
export class DeliveryStatus implements ReactiveController {
  status: Status = 'idle';
  private readonly ids = new Set<string>();
  private stops: Array<() => void> = [];

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    const delivery = getDelivery();
    this.stops.push(
      delivery.start(),
      delivery.subscribe((event) => this.onDelivery(event)),
    );
  }

  hostDisconnected(): void {
    // Delivery is not tied to the element: queued responses keep going after it is removed.
    this.stops.splice(0).forEach((stop) => stop());
  }

  /** Sends a payload; `first` is the card's first answer (its status wins over a follow-up's). */
  async send(endpoint: string, payload: PayloadV1, first: boolean): Promise<void> {
    this.ids.add(payload.id);
    const result = await getDelivery().submit(endpoint, payload);
    this.apply({ type: 'submitted', result, first });
    if (!result.ok) emit(this.host, 'cx-error', { kind: 'delivery', message: result.error, id: payload.id });
  }

  reset(): void {
    this.apply({ type: 'reset' });
  }

  /** The visitor asked to try again (a response held only in memory failed). */
  retry(): void {
    this.apply({ type: 'retry-clicked' });
    void getDelivery().drain();
  }

  private onDelivery(event: DeliveryEvent): void {
    if (!('id' in event) || !this.ids.has(event.id)) return;
    if (event.type == 'sent') emit(this.host, 'cx-sent', { id: event.id, status: event.status });
    if (event.type == 'dead') emit(this.host, 'cx-error', { kind: 'delivery', message: event.reason, id: event.id });
    if (event.type == 'sent' || event.type == 'dead' || event.type == 'retry') this.apply({ type: event.type });
  }

  private apply(event: StatusEvent): void {
    const next = nextStatus(this.status, event);
    if (next == this.status) return;
    this.status = next;
    this.host.requestUpdate();
  }
}
