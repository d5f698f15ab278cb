-- V10 (PostgreSQL): a chat's choice of sections (see SQLite's V10).
CREATE TABLE IF NOT EXISTS chat_sections (
    chat_id   BIGINT NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
    source_id TEXT   NOT NULL,
    category  TEXT   NOT NULL,
    PRIMARY KEY (chat_id, source_id, category)
);
