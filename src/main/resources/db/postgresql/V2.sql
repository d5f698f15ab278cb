-- V2 (PostgreSQL): chats that talked to the bot, their subscription, keywords and source choices.
CREATE TABLE IF NOT EXISTS chats (
    id              BIGINT  PRIMARY KEY,
    kind            TEXT    NOT NULL,
    active          INTEGER NOT NULL DEFAULT 1,
    inactive_reason TEXT,
    subscribed      INTEGER NOT NULL DEFAULT 0,
    subscribed_at   BIGINT,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL
);

CREATE INDEX IF NOT EXISTS chats_pushable ON chats(active, subscribed);

CREATE TABLE IF NOT EXISTS chat_keywords (
    chat_id    BIGINT NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
    keyword    TEXT   NOT NULL,
    key        TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (chat_id, key)
);

CREATE TABLE IF NOT EXISTS chat_sources (
    chat_id   BIGINT  NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
    source_id TEXT    NOT NULL,
    enabled   INTEGER NOT NULL,
    PRIMARY KEY (chat_id, source_id)
);
