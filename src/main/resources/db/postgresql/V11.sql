-- V11 (PostgreSQL): SQLite's V11 adds prefix indexes to its word index. Here a prefix is already a range of
-- headline_words' primary key (V1), and a page newest published first walks V6's headlines_published (PostgreSQL
-- sorts the few rows of one publication time incrementally); an index in /search's full order (published_ms DESC,
-- first_seen DESC, id) was measured and left unused by the planner at 200,000 rows (SearchBench), so nothing is added:
-- this only restates V6's index, which changes nothing.
CREATE INDEX IF NOT EXISTS headlines_published ON headlines (published_ms);
