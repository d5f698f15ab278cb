-- V9 (digests): twice-daily digests and quiet hours that hold pushes for one digest at their end.
--
-- twice_at: 0 (the default) for no twice-daily digests; else the morning hour (7, 8 or 9) in the chat's zone: what
-- arrives goes as one digest at that hour and twelve hours later. Replaces "once an hour" when set.
ALTER TABLE chat_settings ADD COLUMN twice_at INTEGER NOT NULL DEFAULT 0;
-- quiet_hold: 1 when pushes in the quiet hours are held for one digest at their end rather than sent silently.
ALTER TABLE chat_settings ADD COLUMN quiet_hold INTEGER NOT NULL DEFAULT 0;
