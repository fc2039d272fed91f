-- The power-state index of V15, (state, usage_point_id), took an entry for every power state written:
-- in a storm of last gasps every usage point's row is inserted or updated once or twice per detection
-- step, and each time its index entry too. Its one reader, detection's "last gasps that have waited the
-- momentary time" (OutageStore.pendingSince: state = 'PENDING' AND off_at <= ?), needs only the pending
-- ones; usage points out or on are found through their feeders. A partial index keeps only those.
-- PostgreSQL only (H2 has no partial indexes; Oracle keeps V15's index): a version the others skip.
DROP INDEX ix_usage_point_power_state;
CREATE INDEX ix_usage_point_power_pending ON usage_point_power (off_at) WHERE state = 'PENDING';
