import type { PayloadV1 } from '../../../src/schema/payload.ts';
import type { Row } from '../../../src/transport/row.ts';

let n = 0;
/** A distinct valid v4 UUID per call. */
export const uuid = () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;

export const payload = (id = uuid(), text = 'fine'): PayloadV1 => ({
  v: 1,
  id,
  surveyId: 's',
  touchpoint: 't',
  answers: [{ questionId: 'q', type: 'text', value: text }],
  context: { url: 'https://shop.example/', locale: 'en' },
  metadata: {},
  createdAt: '2026-11-23T10:00:00.000Z',
});

export const row = (over: Partial<Row> = {}): Row => {
  const p = payload(over.id);
  return { id: p.id, e: 'https://collector.example/r', p, t: 1000, d: 1000, a: 0, f: 0, b: 300, ...over };
};
