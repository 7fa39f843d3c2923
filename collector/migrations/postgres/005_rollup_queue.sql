-- Responses stored but not yet counted in the rollups. An insert appends its row here, which takes no lock another
-- insert waits for; a background pass (collector/src/store/rollup-postgres.ts) folds the queue into the rollups in
-- batches, and every read of the rollups folds what is queued first, so figures are never behind what was stored.
CREATE TABLE IF NOT EXISTS rollup_queue (
  response_id text PRIMARY KEY,
  day text NOT NULL,
  kept text[] NOT NULL
);
