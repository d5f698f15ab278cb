-- V1: the headline history and per-source read state (news feature).
-- Times are INTEGER epoch milliseconds (UTC), except published_at: the ISO-8601 text the source gave, offset kept.
-- SqliteDatabase splits this file on a semicolon at the end of a line, so each trigger stays on one line.

CREATE TABLE headlines (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id     TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    key           TEXT    NOT NULL,
    url           TEXT    NOT NULL,
    canonical_url TEXT    NOT NULL,
    published_at  TEXT,
    first_seen    INTEGER NOT NULL,
    UNIQUE (source_id, canonical_url)
);

CREATE INDEX headlines_first_seen ON headlines (first_seen);

-- first_read_at NULL means the baseline of the source is not taken yet (a conditional-GET cursor may exist before it).
CREATE TABLE source_state (
    source_id     TEXT PRIMARY KEY,
    first_read_at INTEGER,
    last_read_at  INTEGER,
    etag          TEXT,
    last_modified TEXT
);

-- Word search over the search key. Tokens are runs of letters, marks and decimal digits, exactly the words of
-- BengaliText.words: the default unicode61 splits Bengali words at every vowel sign. External content, kept in step
-- with headlines by the triggers below, so purging history also purges the index.
CREATE VIRTUAL TABLE headlines_fts USING fts5(
    key,
    content = 'headlines',
    content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 0 categories 'L* M* Nd'"
);

CREATE TRIGGER headlines_fts_insert AFTER INSERT ON headlines BEGIN INSERT INTO headlines_fts (rowid, key) VALUES (new.id, new.key); END;

CREATE TRIGGER headlines_fts_delete AFTER DELETE ON headlines BEGIN INSERT INTO headlines_fts (headlines_fts, rowid, key) VALUES ('delete', old.id, old.key); END;

CREATE TRIGGER headlines_fts_update AFTER UPDATE OF key ON headlines BEGIN INSERT INTO headlines_fts (headlines_fts, rowid, key) VALUES ('delete', old.id, old.key); INSERT INTO headlines_fts (rowid, key) VALUES (new.id, new.key); END;
