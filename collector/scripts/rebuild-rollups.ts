import { readConfig } from '../src/config.ts';
import { openStore } from '../src/store/open.ts';

/**
 * Recreates the results rollups from the stored responses (the raw rows are the source of truth):
 *   npx tsx collector/scripts/rebuild-rollups.ts        (same DATABASE_URL / CX_DB_PATH as the collector)
 * Safe while the collector runs: the rebuild holds the write lock (SQLite) or a SHARE lock on responses
 * (PostgreSQL), so inserts wait for it instead of being counted twice or lost. A migration that creates the
 * rollups fills them the same way on start.
 */
const config = readConfig(process.env);
if (!config.ok) {
  console.error(`cx-rebuild-rollups: ${config.problems.join('; ')}`);
  process.exit(1);
}
const store = await openStore(config.config.database);
try {
  const start = performance.now();
  const read = await store.rollups.rebuild();
  console.log(`rebuilt the rollups from ${read} responses in ${((performance.now() - start) / 1000).toFixed(1)} s`);
} finally {
  await store.close();
}
