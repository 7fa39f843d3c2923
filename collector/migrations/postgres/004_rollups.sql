-- See migrations/sqlite/004_rollups.sql. Here `shard` is the writing connection's backend pid modulo 64, so
-- concurrent inserts into the same day × touchpoint × value rarely wait on one another's row lock.
CREATE TABLE rollup_answers (
  day         text NOT NULL,
  touchpoint  text NOT NULL,
  survey_id   text NOT NULL,
  locale      text NOT NULL,
  stage       text NOT NULL,
  question_id text NOT NULL,
  type        text NOT NULL,
  level       text NOT NULL,
  value       text NOT NULL,
  valence     text NOT NULL,
  shard       smallint NOT NULL DEFAULT 0,
  n           integer NOT NULL,
  PRIMARY KEY (day, touchpoint, survey_id, locale, stage, question_id, type, level, value, valence, shard)
);

-- See migrations/sqlite/004_rollups.sql: the counts without locale and survey.
CREATE TABLE rollup_totals (
  day         text NOT NULL,
  touchpoint  text NOT NULL,
  stage       text NOT NULL,
  question_id text NOT NULL,
  type        text NOT NULL,
  level       text NOT NULL,
  value       text NOT NULL,
  valence     text NOT NULL,
  shard       smallint NOT NULL DEFAULT 0,
  n           integer NOT NULL,
  PRIMARY KEY (day, touchpoint, stage, question_id, type, level, value, valence, shard)
);

CREATE TABLE rollup_responses (
  day        text NOT NULL,
  touchpoint text NOT NULL,
  survey_id  text NOT NULL,
  locale     text NOT NULL,
  stage      text NOT NULL,
  shard      smallint NOT NULL DEFAULT 0,
  n          integer NOT NULL,
  PRIMARY KEY (day, touchpoint, survey_id, locale, stage, shard)
);

CREATE INDEX answers_touchpoint_comments ON answers (touchpoint, day)
  WHERE (type = 'text' AND value_text IS NOT NULL) OR other_text IS NOT NULL;
