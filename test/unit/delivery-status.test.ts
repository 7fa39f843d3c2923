import { describe, expect, it } from 'vitest';
import { nextStatus, type Status, type StatusEvent } from '../../src/element/delivery-status.ts';
import type { SubmitResult } from '../../src/transport/index.ts';

const submitted = (result: SubmitResult, first = true): StatusEvent => ({ type: 'submitted', result, first });
const acked = { ok: true, id: 'x', durable: true, delivered: true } as const;
const durable = { ok: true, id: 'x', durable: true, delivered: false } as const;
const inMemory = { ok: true, id: 'x', durable: false, delivered: false } as const;
const refused = { ok: false, id: 'x', error: 'no endpoint' } as const;

describe('nextStatus: what the card says about its responses', () => {
  const table: [Status, StatusEvent, Status][] = [
    ['idle', submitted(acked), 'sent'],
    ['idle', submitted(durable), 'queued'],
    ['idle', submitted(inMemory), 'memory'],
    ['idle', submitted(refused), 'failed'],
    // A follow-up queued after the first answer was acknowledged does not take "sent" back; the first answer's does.
    ['sent', submitted(durable, false), 'sent'],
    ['sent', submitted(durable, true), 'queued'],
    ['queued', { type: 'retry' }, 'offline'],
    ['memory', { type: 'retry' }, 'failed'],
    ['sent', { type: 'retry' }, 'sent'],
    ['offline', { type: 'sent' }, 'sent'],
    ['queued', { type: 'dead' }, 'failed'],
    ['failed', { type: 'retry-clicked' }, 'memory'],
    ['failed', { type: 'reset' }, 'idle'],
  ];
  it.each(table)('%s, then %j: %s', (status, event, expected) => {
    expect(nextStatus(status, event)).toBe(expected);
  });
});
