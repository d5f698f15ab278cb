-- V6 (PostgreSQL): the time lists sort by, baselines told apart from news, and per-chat settings (see SQLite's V6).
-- SQLite computes published_ms of older rows from published_at; a PostgreSQL database is created empty at this
-- version (khobor migrate copies published_ms as computed), so rows here can only be ones written by hand.
ALTER TABLE headlines ADD COLUMN published_ms BIGINT;
UPDATE headlines SET published_ms = first_seen WHERE published_ms IS NULL;
CREATE INDEX headlines_published ON headlines (published_ms);

ALTER TABLE headlines ADD COLUMN baseline INTEGER NOT NULL DEFAULT 0;

CREATE TABLE IF NOT EXISTS chat_settings (
    chat_id      BIGINT  PRIMARY KEY REFERENCES chats(id) ON DELETE CASCADE,
    zone         TEXT    NOT NULL DEFAULT 'Asia/Dhaka',
    link_preview INTEGER NOT NULL DEFAULT 0,
    quiet        INTEGER NOT NULL DEFAULT 0,
    hourly       INTEGER NOT NULL DEFAULT 0
);
