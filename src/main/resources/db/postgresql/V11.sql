-- V11 (PostgreSQL): SQLite's V11 adds prefix indexes to its word index. Here a prefix is already a range of
-- headline_words' primary key (V1); what the ranked pages also need is each word's headlines newest first without a
-- sort, so the published time is looked up through this index.
CREATE INDEX IF NOT EXISTS headlines_published_id ON headlines (published_ms DESC, id);
