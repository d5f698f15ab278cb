-- Outbox: one row per (chat, headline) delivery, written BEFORE the message is sent, so a crash loses nothing.
-- Only ids are stored: the text is rendered from the headline at send time (100k chats must fit in a small heap).
-- chat_id has no foreign key on purpose: chats live on another branch/table and may migrate to new ids.
-- Times are epoch milliseconds. status: pending, delivered, stale, dropped (chat gone), failed (rejected/no headline).
CREATE TABLE IF NOT EXISTS outbox (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id      INTEGER NOT NULL,
    chat_kind    TEXT    NOT NULL,
    headline_id  INTEGER NOT NULL REFERENCES headlines(id) ON DELETE CASCADE,
    enqueued_ms  INTEGER NOT NULL,
    not_before_ms INTEGER NOT NULL DEFAULT 0,
    status       TEXT    NOT NULL DEFAULT 'pending',
    finished_ms  INTEGER,
    UNIQUE (chat_id, headline_id)
);

-- Paging over chats with pending rows, and one chat's pending rows in order; delivered rows stay out of the index.
CREATE INDEX IF NOT EXISTS outbox_pending_by_chat ON outbox(chat_id, id) WHERE status = 'pending';

-- The stale sweep.
CREATE INDEX IF NOT EXISTS outbox_pending_by_age ON outbox(enqueued_ms) WHERE status = 'pending';

-- ON DELETE CASCADE from history retention would otherwise scan the whole outbox per deleted headline.
CREATE INDEX IF NOT EXISTS outbox_by_headline ON outbox(headline_id);
