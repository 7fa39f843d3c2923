import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { PayloadV1 } from '../../src/schema/payload.ts';
import { INVALID_PAYLOADS, QUEUED_ONLY_PAYLOADS, VALID_PAYLOADS } from './support/payload-corpus.ts';
import { payloadJsonSchema } from './support/json-schema.ts';

// The file the build copies to dist/payload.v1.schema.json, which is what receivers in other languages validate with.
const published = JSON.parse(readFileSync(new URL('../../schema/payload.v1.schema.json', import.meta.url), 'utf8'));

describe('published JSON Schema of payload v1', () => {
  it('matches the zod schema exactly (regenerate with `npx tsx scripts/json-schema.ts`)', () => {
    expect(published).toEqual(payloadJsonSchema());
  });

  it('requires the fields every receiver relies on', () => {
    const schema = payloadJsonSchema() as { required: string[] };
    expect(schema.required).toEqual(
      expect.arrayContaining(['v', 'id', 'surveyId', 'touchpoint', 'answers', 'context', 'metadata', 'createdAt']),
    );
  });
});

describe("the JSON Schema (Ajv, draft 2020-12) and the collector's zod schema judge the corpus alike", () => {
  const ajv = new Ajv2020({ strict: true, allErrors: false });
  addFormats.default(ajv);
  const validate = ajv.compile(published);
  // JSON Schema sees JSON: what JSON.stringify drops (undefined fields) or turns to null (NaN) is what a receiver gets.
  const asSent = (payload: unknown): unknown => JSON.parse(JSON.stringify(payload) ?? 'null');

  it.each(VALID_PAYLOADS)('accepts %s', (_, payload) => {
    expect(PayloadV1.safeParse(payload).success).toBe(true);
    expect(validate(asSent(payload)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([...INVALID_PAYLOADS, ...QUEUED_ONLY_PAYLOADS])('refuses %s', (_, payload) => {
    expect(PayloadV1.safeParse(payload).success).toBe(false);
    expect(validate(asSent(payload))).toBe(false);
  });
});
