import * as z from 'zod/mini';
import { PayloadV1 } from '../../../src/schema/payload.ts';

/** The published JSON Schema of payload v1, derived from the zod schema. */
export function payloadJsonSchema(): Record<string, unknown> {
  return {
    // The input's form: a receiver ignores fields it does not know, so the schema must not refuse them.
    ...z.toJSONSchema(PayloadV1, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://cx-feedback.dev/schema/payload.v1.schema.json',
    title: 'cx-feedback response payload, version 1',
  };
}
