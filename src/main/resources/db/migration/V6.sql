-- V6 (readers in control): the time lists sort by, baselines told apart from news, and per-chat settings.
--
-- published_ms: the publication time /latest and /search order by (epoch milliseconds): the source's own time, or
-- first_seen when the source gave none or a time more than 5 minutes after first_seen (a clock in the future would
-- pin an item to the top). Ties go to the later sighting, then by id ascending, which is feed order. Rows written before V6
-- are computed here from published_at (ISO-8601 with offset; SQLite's julianday reads it, NULL when it cannot).
ALTER TABLE headlines ADD COLUMN published_ms INTEGER;
UPDATE headlines SET published_ms = CASE
    WHEN CAST(ROUND((julianday(published_at) - 2440587.5) * 86400000) AS INTEGER) <= first_seen + 300000
    THEN CAST(ROUND((julianday(published_at) - 2440587.5) * 86400000) AS INTEGER)
    ELSE first_seen END;
CREATE INDEX headlines_published ON headlines (published_ms);

-- baseline: 1 for a headline stored by the first read of its source (never pushed); /stats counts only the others.
-- Rows written before V6 cannot be told apart and count as news.
ALTER TABLE headlines ADD COLUMN baseline INTEGER NOT NULL DEFAULT 0;

-- Per-chat settings (/settings). A chat without a row has the defaults: Bangladesh time, no link previews, no quiet
-- hours. Moved with the chat when a group becomes a supergroup (ChatMigration).
CREATE TABLE IF NOT EXISTS chat_settings (
    chat_id      INTEGER PRIMARY KEY REFERENCES chats(id) ON DELETE CASCADE,
    zone         TEXT    NOT NULL DEFAULT 'Asia/Dhaka',  -- Asia/Dhaka or Asia/Kolkata: every time shown to the chat
    link_preview INTEGER NOT NULL DEFAULT 0,             -- 1: pushes show the link's preview
    quiet        INTEGER NOT NULL DEFAULT 0,             -- 1: pushes between 23:00 and 07:00 (chat's zone) are silent
    hourly       INTEGER NOT NULL DEFAULT 0              -- 1: what arrives in an hour goes at the next full hour, together
);
