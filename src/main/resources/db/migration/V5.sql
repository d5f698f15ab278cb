-- V5: last_seen, the last time a successful read of the source still showed the headline (epoch milliseconds).
-- Retention purges by it, not by first_seen: a link a source still lists (a pinned story, a slow feed with items
-- older than the retention) must stay known, or a restart would announce it again. Rows written before V5 start
-- at first_seen; a NULL (a row inserted by code that does not set it) counts as first_seen too.
-- No index: the purge runs every six hours and scans the table, while every poll rewrites last_seen, so an index
-- would be updated on every poll to save one scan per six hours.
ALTER TABLE headlines ADD COLUMN last_seen INTEGER;
UPDATE headlines SET last_seen = first_seen;
