import { afterEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/schema/payload.ts';
import { readConfig } from '../src/config.ts';
import { createHandler } from '../src/handler.ts';
import { forwardsResponse, isNegativeAnswer, parseWebhookFilter } from '../src/webhook/filter.ts';
import { startWebhookForwarder } from '../src/webhook/forwarder.ts';
import { memoryStore } from './support/memory-sqlite.ts';
import { LOCAL, payload, post } from './support/payload.ts';
import { startReceiver } from './support/webhook-receiver.ts';

const SECRET = 'whsec_dGVzdC1zZWNyZXQtZm9yLWN4LWZlZWRiYWNr';
const answer = (type: string, value: Answer['value'], more: Partial<Answer> = {}): Answer => ({
  questionId: 'q',
  type,
  value,
  ...more,
});

describe('a negative answer', () => {
  it.each([
    ['nps 6 (detractor)', answer('nps', 6), true],
    ['nps 7 (passive)', answer('nps', 7), false],
    ['csat 2', answer('csat', 2), true],
    ['csat 4', answer('csat', 4), false],
    ['ces 3', answer('ces', 3), true],
    ['emoji 1', answer('emoji', 1), true],
    ['thumbs 0', answer('thumbs', 0), true],
    ['thumbs 1', answer('thumbs', 1), false],
    ['expectation 1 (worse than expected)', answer('expectation', 1), true],
    ['expectation 2', answer('expectation', 2), false],
    ['task 0 (did not find it)', answer('task', 0), true],
    ['task 1 (partly)', answer('task', 1), false],
    ['reaction frustrated', answer('reaction', 'frustrated'), true],
    ['reaction happy', answer('reaction', 'happy'), false],
    ['reaction neutral', answer('reaction', 'neutral'), false],
    ['a custom reaction the survey calls negative', answer('reaction', 'meh', { valence: 'negative' }), true],
    ['a custom reaction of no stated valence', answer('reaction', 'meh'), false],
    ['several reactions, one negative', answer('reaction', ['happy', 'confused']), true],
    ['a text', answer('text', 'terrible'), false],
    ['a choice', answer('choice', 'price'), false],
    ['a kind this release does not know', answer('stars', 1), false],
  ])('%s → %s', (_name, given, negative) => {
    expect(isNegativeAnswer(given)).toBe(negative);
  });
});

describe('which responses a filter forwards', () => {
  const negative = forwardsResponse({ kind: 'negative' });
  const touchpoints = forwardsResponse({ kind: 'touchpoints', touchpoints: ['checkout', 'help-*'] });
  it.each([
    ['no filter: everything', forwardsResponse(undefined), payload({ answers: [answer('nps', 10)] }), true],
    ['negative: first answer negative', negative, payload({ answers: [answer('nps', 2), answer('text', '')] }), true],
    ['negative: a later one only', negative, payload({ answers: [answer('nps', 10), answer('csat', 1)] }), false],
    ['touchpoints: a listed one', touchpoints, payload({ touchpoint: 'checkout' }), true],
    ['touchpoints: a prefix match', touchpoints, payload({ touchpoint: 'help-returns' }), true],
    ['touchpoints: the prefix itself', touchpoints, payload({ touchpoint: 'help-' }), true],
    ['touchpoints: another', touchpoints, payload({ touchpoint: 'checkout-2' }), false],
  ])('%s → %s', (_name, forwards, response, expected) => {
    expect(forwards(response)).toBe(expected);
  });
});

describe('CX_WEBHOOK_FILTER', () => {
  const webhook = { CX_WEBHOOK_URL: 'https://hooks.example/cx', CX_WEBHOOK_SECRET: SECRET };
  it.each([
    ['negative', { kind: 'negative' }],
    [' negative ', { kind: 'negative' }],
    ['checkout, help-*', { kind: 'touchpoints', touchpoints: ['checkout', 'help-*'] }],
  ])('reads %j', (value, filter) => {
    const read = readConfig({ ...webhook, CX_WEBHOOK_FILTER: value });
    expect(read).toMatchObject({ ok: true, config: { webhook: { filter } } });
  });

  it.each([
    ['negative,checkout', 'CX_WEBHOOK_FILTER: "negative" cannot be combined with touchpoints'],
    ['checkout,help me', 'CX_WEBHOOK_FILTER: "help me" is not a touchpoint'],
    [',', 'CX_WEBHOOK_FILTER: expected "negative" or a list of touchpoints'],
  ])('refuses %j at start, saying what is allowed', (value, message) => {
    const read = readConfig({ ...webhook, CX_WEBHOOK_FILTER: value });
    const problems = read.ok ? '' : read.problems.join('\n');
    expect(problems).toContain(message);
    expect(problems).toContain('expected "negative" or a list of touchpoints, e.g. checkout,help-*');
  });

  it('is refused without a webhook to filter', () => {
    const read = readConfig({ CX_WEBHOOK_FILTER: 'negative' });
    expect(read.ok ? '' : read.problems.join('\n')).toContain('CX_WEBHOOK_FILTER chooses what CX_WEBHOOK_URL receives');
  });

  it('parses alone as the config reads it', () => {
    expect(() => parseWebhookFilter('<b>')).toThrow(/"<b>" is not a touchpoint/);
  });
});

describe('forwarding with a filter', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('sends a negative answer as an alert, drops a positive one from the outbox unsent', async () => {
    const receiver = await startReceiver(SECRET);
    const store = memoryStore();
    const filter = parseWebhookFilter('negative');
    const forwarder = startWebhookForwarder({ store, url: receiver.url, secret: SECRET, filter, log: () => {} });
    cleanups.push(
      () => store.close(),
      () => forwarder.stop(),
      receiver.close,
    );
    const handle = createHandler({ store, webhook: forwarder });
    const happy = payload({ answers: [answer('reaction', 'delighted')] });
    const unhappy = payload({ answers: [answer('task', 0)] });
    expect((await handle(post(happy), LOCAL)).status).toBe(201);
    expect((await handle(post(unhappy), LOCAL)).status).toBe(201);
    await receiver.received(1);
    await forwarder.idle();
    expect(receiver.deliveries.map((d) => [d.id, d.verified])).toEqual([[unhappy.id, true]]);
    expect(await store.webhookOutbox.nextDueAt()).toBeNull();
    expect(await store.listResponses({ limit: 10 })).toHaveLength(2); // filtered means not sent, never not stored
  });

  it('sends only the listed touchpoints', async () => {
    const receiver = await startReceiver(SECRET);
    const store = memoryStore();
    const filter = parseWebhookFilter('checkout,help-*');
    const forwarder = startWebhookForwarder({ store, url: receiver.url, secret: SECRET, filter, log: () => {} });
    cleanups.push(
      () => store.close(),
      () => forwarder.stop(),
      receiver.close,
    );
    const handle = createHandler({ store, webhook: forwarder });
    const sent = [payload({ touchpoint: 'checkout' }), payload({ touchpoint: 'help-faq' })];
    for (const p of [sent[0]!, payload({ touchpoint: 'home' }), sent[1]!]) await handle(post(p), LOCAL);
    await receiver.received(2);
    await forwarder.idle();
    expect(receiver.deliveries.map((d) => d.id).sort()).toEqual(sent.map((p) => p.id).sort());
    expect(await store.webhookOutbox.nextDueAt()).toBeNull();
  });
});
