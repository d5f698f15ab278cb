-- V9 (PostgreSQL, digests): twice-daily digests and quiet hours that hold pushes (see SQLite's V9).
ALTER TABLE chat_settings ADD COLUMN twice_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE chat_settings ADD COLUMN quiet_hold INTEGER NOT NULL DEFAULT 0;
