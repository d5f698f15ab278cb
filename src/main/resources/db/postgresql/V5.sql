-- V5 (PostgreSQL): last_seen, the last time a read of the source still showed the headline (see SQLite's V5).
ALTER TABLE headlines ADD COLUMN last_seen BIGINT;
UPDATE headlines SET last_seen = first_seen;
