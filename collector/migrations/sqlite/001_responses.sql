-- One row per received payload, keyed by the id the widget fixed at submit: re-deliveries hit the primary key and are
-- dropped (INSERT … ON CONFLICT DO NOTHING), which is what makes delivery exactly-once on this side.
CREATE TABLE responses (
  id           TEXT PRIMARY KEY,
  survey_id    TEXT NOT NULL,
  touchpoint   TEXT NOT NULL,
  locale       TEXT NOT NULL,
  -- A follow-up names the first response; root_id is that id (or the row's own id) so both group together.
  follow_up_of TEXT,
  root_id      TEXT NOT NULL,
  created_at   TEXT NOT NULL,   -- client clock, ISO 8601
  sent_at      TEXT,            -- client clock, ISO 8601
  received_at  TEXT NOT NULL,   -- server clock, ISO 8601 UTC
  corrected_at TEXT NOT NULL,   -- created_at shifted by the measured clock skew, ISO 8601 UTC
  day          TEXT NOT NULL,   -- UTC day of corrected_at (YYYY-MM-DD), precomputed so both stores bucket alike
  payload      TEXT NOT NULL    -- the validated payload as JSON, for listing and export
);
CREATE INDEX responses_received ON responses (received_at DESC, id DESC);
CREATE INDEX responses_group_day ON responses (touchpoint, survey_id, day);
CREATE INDEX responses_locale ON responses (locale);

-- Answers flattened for aggregation: the summary is a GROUP BY over this one table. A rating repeated by a follow-up
-- for the same question counts once (unique root_id + question_id; the first to arrive wins).
CREATE TABLE answers (
  response_id TEXT NOT NULL REFERENCES responses (id),
  root_id     TEXT NOT NULL,
  question_id TEXT NOT NULL,
  type        TEXT NOT NULL,
  value_num   REAL,            -- rating answers
  value_text  TEXT,            -- text answers; choice answers as a JSON array
  other_text  TEXT,            -- free text typed into a choice question's "Other" field
  touchpoint  TEXT NOT NULL,
  survey_id   TEXT NOT NULL,
  locale      TEXT NOT NULL,
  day         TEXT NOT NULL,
  corrected_at TEXT NOT NULL,
  UNIQUE (root_id, question_id)
);
CREATE INDEX answers_type_day ON answers (type, day);
CREATE INDEX answers_group ON answers (touchpoint, survey_id, type, day);
CREATE INDEX answers_response ON answers (response_id);
-- Latest comments: a partial index keeps "newest free text" a short index walk however many ratings there are.
CREATE INDEX answers_comments ON answers (corrected_at DESC)
  WHERE (type = 'text' AND value_text IS NOT NULL) OR other_text IS NOT NULL;
