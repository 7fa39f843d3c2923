-- The rollups are folded straight from `responses`, so an insert writes nothing for them (005's queue row was one
-- more row and index entry per response). `tx_id` is the inserting transaction's id; `rollup_watermark.folded` is
-- the snapshot the last fold read under: a response is counted exactly when its transaction is visible in that
-- snapshot. Comparing snapshots rather than ids means a transaction that commits after a newer one, with a smaller
-- id, is still folded (it is in the snapshot's in-progress list until it commits). See
-- collector/src/store/rollup-postgres.ts.
-- Existing rows all get this migration's transaction id; the collector that applies it rebuilds the rollups, which
-- also counts whatever was still queued in 005's table.
ALTER TABLE responses ADD COLUMN tx_id xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX responses_tx ON responses (tx_id);

CREATE TABLE rollup_watermark (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  folded   pg_snapshot NOT NULL
);
INSERT INTO rollup_watermark (folded) VALUES (pg_current_snapshot());

DROP TABLE rollup_queue;
