-- V10: a chat's choice of sections (/sources → বিভাগ): a row per chat, source and chosen section (headlines.category,
-- as stored). A source with no rows for a chat sends everything, sections that appear later included; with rows, only
-- headlines filed under one of them. Moved with the chat when a group becomes a supergroup (ChatMigration).
-- Self-contained: only this table, so it applies whatever ran before it.
CREATE TABLE IF NOT EXISTS chat_sections (
    chat_id   INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
    source_id TEXT    NOT NULL,
    category  TEXT    NOT NULL,
    PRIMARY KEY (chat_id, source_id, category)
);
