-- V5: last_seen, the last time a successful read of the source still showed the headline (epoch milliseconds).
-- Retention purges by it, not by first_seen: a link a source still lists (a pinned story, a slow feed with items
-- older than the retention) must stay known, or a restart would announce it again. Rows written before V5 start
-- at first_seen. Every insert sets it; a NULL (a row written by hand) counts as first_seen too.
-- The stored time may lag the last read that showed the link by up to an hour (NewsDesk.LAST_SEEN_PRECISION): reads
-- rewrite it only once it is that far behind, and the purge allows for the lag.
-- No index: the purge runs every six hours and scans the table, while reads keep rewriting last_seen, so an index
-- would be updated all day to save one scan per six hours.
ALTER TABLE headlines ADD COLUMN last_seen INTEGER;
UPDATE headlines SET last_seen = first_seen;
