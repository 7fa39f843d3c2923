import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { payloadJsonSchema } from './support/json-schema.ts';

describe('published JSON Schema of payload v1', () => {
  it('matches the zod schema exactly (regenerate with `npx tsx scripts/json-schema.ts`)', () => {
    const published = JSON.parse(readFileSync(new URL('../../schema/payload.v1.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(payloadJsonSchema());
  });

  it('requires the fields every receiver relies on', () => {
    const schema = payloadJsonSchema() as { required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['v', 'id', 'surveyId', 'touchpoint', 'answers', 'context', 'metadata', 'createdAt']));
  });
});
