-- See migrations/sqlite/003_covering_indexes.sql.
CREATE INDEX answers_ratings ON answers (touchpoint, survey_id, question_id, type, value_num, day, locale)
  WHERE value_num IS NOT NULL;
CREATE INDEX responses_first ON responses (touchpoint, survey_id, day, locale)
  WHERE follow_up_of IS NULL;
