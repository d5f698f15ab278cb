-- Chats that talked to the bot, their subscription, keywords and source choices.
-- Times are epoch milliseconds (UTC). Statements end with a semicolon at the end of a line (see SqliteDatabase.migrate).
CREATE TABLE IF NOT EXISTS chats (
    id            INTEGER PRIMARY KEY,          -- Telegram chat id (negative for groups)
    kind          TEXT    NOT NULL,             -- ChatKind name: PRIVATE, GROUP, SUPERGROUP, CHANNEL
    active        INTEGER NOT NULL DEFAULT 1,   -- 0 after Telegram said blocked, kicked or not found
    inactive_reason TEXT,                       -- Telegram's description, for operators
    subscribed    INTEGER NOT NULL DEFAULT 0,   -- 1 between /start and /stop
    subscribed_at INTEGER,                      -- last /start: only headlines first seen after it are pushed
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);

CREATE INDEX IF NOT EXISTS chats_pushable ON chats(active, subscribed);

-- A chat with no keywords gets every headline, one with keywords only matching ones.
CREATE TABLE IF NOT EXISTS chat_keywords (
    chat_id    INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
    keyword    TEXT    NOT NULL,                -- as typed (NFC, whitespace collapsed), shown escaped
    key        TEXT    NOT NULL,                -- BengaliText.searchKey(keyword), what matching and duplicates use
    created_at INTEGER NOT NULL,
    PRIMARY KEY (chat_id, key)
);

-- Explicit per-chat source choices; a source without a row is enabled.
CREATE TABLE IF NOT EXISTS chat_sources (
    chat_id   INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
    source_id TEXT    NOT NULL,
    enabled   INTEGER NOT NULL,
    PRIMARY KEY (chat_id, source_id)
);
