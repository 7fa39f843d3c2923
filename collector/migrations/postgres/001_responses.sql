-- Same shape as migrations/sqlite/001_responses.sql (see the comments there); timestamps are timestamptz here.
CREATE TABLE responses (
  id           text PRIMARY KEY,
  survey_id    text NOT NULL,
  touchpoint   text NOT NULL,
  locale       text NOT NULL,
  follow_up_of text,
  root_id      text NOT NULL,
  created_at   timestamptz NOT NULL,
  sent_at      timestamptz,
  received_at  timestamptz NOT NULL,
  corrected_at timestamptz NOT NULL,
  day          text NOT NULL,
  payload      jsonb NOT NULL
);
CREATE INDEX responses_received ON responses (received_at DESC, id DESC);
CREATE INDEX responses_group_day ON responses (touchpoint, survey_id, day);
CREATE INDEX responses_locale ON responses (locale);

CREATE TABLE answers (
  response_id  text NOT NULL REFERENCES responses (id),
  root_id      text NOT NULL,
  question_id  text NOT NULL,
  type         text NOT NULL,
  value_num    double precision,
  value_text   text,
  other_text   text,
  touchpoint   text NOT NULL,
  survey_id    text NOT NULL,
  locale       text NOT NULL,
  day          text NOT NULL,
  corrected_at timestamptz NOT NULL,
  UNIQUE (root_id, question_id)
);
CREATE INDEX answers_type_day ON answers (type, day);
CREATE INDEX answers_group ON answers (touchpoint, survey_id, type, day);
CREATE INDEX answers_response ON answers (response_id);
CREATE INDEX answers_comments ON answers (corrected_at DESC)
  WHERE (type = 'text' AND value_text IS NOT NULL) OR other_text IS NOT NULL;
