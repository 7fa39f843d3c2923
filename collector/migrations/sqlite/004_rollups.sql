-- Pre-aggregated counts for the results page and /api/summary, maintained in the same transaction as each insert
-- and recreated from the raw tables by `npx tsx collector/scripts/rebuild-rollups.ts` (the raw rows stay the truth).
-- At a million responses the page reads about a hundred thousand of these rows instead of a million answers.
-- `value` is the answer as text ('9', 'frustrated'); `level` the question's CX-pyramid level (default or override);
-- `valence` a reaction's ('' when unknown or not a reaction); `stage` the journey stage ('' when none). `shard` is
-- always 0 here: SQLite has one writer at a time (PostgreSQL spreads concurrent writers over shards).
CREATE TABLE rollup_answers (
  day         TEXT NOT NULL,
  touchpoint  TEXT NOT NULL,
  survey_id   TEXT NOT NULL,
  locale      TEXT NOT NULL,
  stage       TEXT NOT NULL,
  question_id TEXT NOT NULL,
  type        TEXT NOT NULL,
  level       TEXT NOT NULL,
  value       TEXT NOT NULL,
  valence     TEXT NOT NULL,
  shard       INTEGER NOT NULL DEFAULT 0,
  n           INTEGER NOT NULL,
  PRIMARY KEY (day, touchpoint, survey_id, locale, stage, question_id, type, level, value, valence, shard)
) WITHOUT ROWID;

-- The same counts without locale and survey: what the page reads when no locale is chosen (most of the time).
-- A quarter to a sixth of the rows of rollup_answers, so the unfiltered overview stays fast at a million responses.
CREATE TABLE rollup_totals (
  day         TEXT NOT NULL,
  touchpoint  TEXT NOT NULL,
  stage       TEXT NOT NULL,
  question_id TEXT NOT NULL,
  type        TEXT NOT NULL,
  level       TEXT NOT NULL,
  value       TEXT NOT NULL,
  valence     TEXT NOT NULL,
  shard       INTEGER NOT NULL DEFAULT 0,
  n           INTEGER NOT NULL,
  PRIMARY KEY (day, touchpoint, stage, question_id, type, level, value, valence, shard)
) WITHOUT ROWID;

-- First responses (not follow-ups) per day and group.
CREATE TABLE rollup_responses (
  day        TEXT NOT NULL,
  touchpoint TEXT NOT NULL,
  survey_id  TEXT NOT NULL,
  locale     TEXT NOT NULL,
  stage      TEXT NOT NULL,
  shard      INTEGER NOT NULL DEFAULT 0,
  n          INTEGER NOT NULL,
  PRIMARY KEY (day, touchpoint, survey_id, locale, stage, shard)
) WITHOUT ROWID;

-- A touchpoint's comments over a period (the drill-down's themes) without walking its ratings.
CREATE INDEX answers_touchpoint_comments ON answers (touchpoint, day)
  WHERE (type = 'text' AND value_text IS NOT NULL) OR other_text IS NOT NULL;
