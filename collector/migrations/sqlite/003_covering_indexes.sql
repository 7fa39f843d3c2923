-- Covering indexes for the summary's two GROUP BY queries, so at 100 000 responses they read small index entries
-- instead of table rows (which carry the payload JSON). Measured effect in docs/collector.md.
CREATE INDEX answers_ratings ON answers (touchpoint, survey_id, question_id, type, value_num, day, locale)
  WHERE value_num IS NOT NULL;
CREATE INDEX responses_first ON responses (touchpoint, survey_id, day, locale)
  WHERE follow_up_of IS NULL;
