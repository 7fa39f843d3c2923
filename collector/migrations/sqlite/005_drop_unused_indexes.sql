-- Indexes that served the per-survey summary, which aggregated raw answers before the rollups existed. Nothing reads
-- them now (the results read the rollups; lists and exports go by received_at; follow-up scores by root_id; the
-- drill-down's texts by the comment indexes), and every insert paid for them: about half the index entries written
-- per response.
DROP INDEX IF EXISTS responses_group_day;
DROP INDEX IF EXISTS responses_locale;
DROP INDEX IF EXISTS responses_first;
DROP INDEX IF EXISTS answers_type_day;
DROP INDEX IF EXISTS answers_group;
DROP INDEX IF EXISTS answers_ratings;
