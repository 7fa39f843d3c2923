import { randomUUID } from 'node:crypto';
import type { Answer, PayloadV1 } from '../../../src/schema/payload.ts';
import type { NewResponse } from '../../src/store/types.ts';

/** A valid v1 payload; override what the test is about. */
export function payload(overrides: Partial<PayloadV1> = {}): PayloadV1 {
  return {
    v: 1,
    id: randomUUID(),
    surveyId: 'post-purchase',
    touchpoint: 'checkout',
    answers: [{ questionId: 'nps', type: 'nps', value: 9 }],
    context: { url: 'https://shop.example/thanks', locale: 'en' },
    metadata: {},
    createdAt: '2026-03-10T12:00:00.000Z',
    ...overrides,
  };
}

export const answer = (type: Answer['type'], value: Answer['value'], questionId: string = type): Answer => ({
  questionId,
  type,
  value,
});

/** A payload as the store receives it, with server times derived from createdAt. */
export function record(p: PayloadV1, receivedAt = p.createdAt): NewResponse {
  return { payload: p, receivedAt, correctedAt: p.createdAt, day: p.createdAt.slice(0, 10) };
}

export const post = (body: string | object, init: { headers?: Record<string, string>; path?: string } = {}): Request =>
  new Request(`http://collector.test${init.path ?? '/responses'}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'text/plain;charset=UTF-8', ...init.headers },
  });

/** A GET as a browser on this machine sends it: with a loopback Host header (admin routes without a token check it). */
export const get = (path: string, headers: Record<string, string> = {}): Request =>
  new Request(`http://collector.test${path}`, { headers: { host: '127.0.0.1:8787', ...headers } });

export const LOCAL = { clientAddress: '127.0.0.1' };
export const REMOTE = { clientAddress: '203.0.113.7' };
