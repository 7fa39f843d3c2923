// Regenerates schema/payload.v1.schema.json from the zod schema (the single source of truth).
// Run: npx tsx scripts/json-schema.ts   (test/unit/json-schema.test.ts fails when the file is stale)
import { writeFileSync } from 'node:fs';
import { payloadJsonSchema } from '../test/unit/support/json-schema.ts';

writeFileSync(
  new URL('../schema/payload.v1.schema.json', import.meta.url),
  `${JSON.stringify(payloadJsonSchema(), null, 2)}\n`,
);
console.log('wrote schema/payload.v1.schema.json');
