-- V11: the word index gets prefix indexes for prefixes of 2 to 6 characters. A query word is a prefix (ঢাকা finds
-- ঢাকায়, ঢাকার), and without them FTS5 merges the lists of every indexed word that starts with it on each query: a short
-- common one (পর: পরে, পরিবার, পরীক্ষা ...) cost 4-5 ms of the 20 ms a search may take at 200,000 headlines; with
-- them about 1 ms (bench/run search). The index grows about 3.7 times, to about 0.3 of the history's size.
-- Rebuilt from the headlines (external content, as V1), so it applies to a database with rows; the triggers are V1's.
-- A rebuild of 200,000 headlines takes about a minute on a busy 2-core machine, once.
DROP TRIGGER IF EXISTS headlines_fts_insert;
DROP TRIGGER IF EXISTS headlines_fts_delete;
DROP TRIGGER IF EXISTS headlines_fts_update;
DROP TABLE IF EXISTS headlines_fts;

CREATE VIRTUAL TABLE headlines_fts USING fts5(
    key,
    content = 'headlines',
    content_rowid = 'id',
    prefix = '2 3 4 5 6',
    tokenize = "unicode61 remove_diacritics 0 categories 'L* M* Nd'"
);

INSERT INTO headlines_fts (headlines_fts) VALUES ('rebuild');

CREATE TRIGGER headlines_fts_insert AFTER INSERT ON headlines BEGIN INSERT INTO headlines_fts (rowid, key) VALUES (new.id, new.key); END;

CREATE TRIGGER headlines_fts_delete AFTER DELETE ON headlines BEGIN INSERT INTO headlines_fts (headlines_fts, rowid, key) VALUES ('delete', old.id, old.key); END;

CREATE TRIGGER headlines_fts_update AFTER UPDATE OF key ON headlines BEGIN INSERT INTO headlines_fts (headlines_fts, rowid, key) VALUES ('delete', old.id, old.key); INSERT INTO headlines_fts (rowid, key) VALUES (new.id, new.key); END;
