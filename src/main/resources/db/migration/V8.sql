-- V8 (/announce): an outbox row carries either a headline or an admin's announcement.
--
-- announcements: one per /announce preview. status: draft (preview shown, waiting for the confirm button),
-- cancelled, sending (confirmed, its outbox rows written in the same transaction), reported (every row finished and
-- the admin told the count). html is the message exactly as sent, already escaped.
CREATE TABLE IF NOT EXISTS announcements (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    admin_chat_id INTEGER NOT NULL,
    admin_user_id INTEGER NOT NULL,
    html          TEXT    NOT NULL,
    status        TEXT    NOT NULL DEFAULT 'draft',
    created_ms    INTEGER NOT NULL,
    confirmed_ms  INTEGER
);
CREATE INDEX IF NOT EXISTS announcements_sending ON announcements(id) WHERE status = 'sending';

-- SQLite cannot change a column's constraints: the outbox is rebuilt with headline_id nullable and announcement_id
-- added (exactly one of them set), each unique per chat, and every row kept with its id.
CREATE TABLE outbox_v8 (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id         INTEGER NOT NULL,
    chat_kind       TEXT    NOT NULL,
    headline_id     INTEGER REFERENCES headlines(id) ON DELETE CASCADE,
    announcement_id INTEGER REFERENCES announcements(id),
    enqueued_ms     INTEGER NOT NULL,
    not_before_ms   INTEGER NOT NULL DEFAULT 0,
    status          TEXT    NOT NULL DEFAULT 'pending',
    finished_ms     INTEGER,
    CHECK ((headline_id IS NULL) <> (announcement_id IS NULL)),
    UNIQUE (chat_id, headline_id),
    UNIQUE (chat_id, announcement_id)
);
INSERT INTO outbox_v8(id, chat_id, chat_kind, headline_id, enqueued_ms, not_before_ms, status, finished_ms)
    SELECT id, chat_id, chat_kind, headline_id, enqueued_ms, not_before_ms, status, finished_ms FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v8 RENAME TO outbox;

CREATE INDEX IF NOT EXISTS outbox_pending_by_chat ON outbox(chat_id, id) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS outbox_pending_by_age ON outbox(enqueued_ms) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS outbox_by_headline ON outbox(headline_id);
CREATE INDEX IF NOT EXISTS outbox_by_announcement ON outbox(announcement_id) WHERE announcement_id IS NOT NULL;
