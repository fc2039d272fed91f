-- Issue 7, found by bench/outage: "which meters of feeder X sent a last gasp in the last 15 minutes"
-- (OutageStore.lastGasps, GET /api/feeders/{feeder}/last-gasps).
--
-- 1. It was answered from ix_meter_event_type_time (event_type, occurred_at, usage_point_id): every
--    recent last gasp of the whole fleet was read, and its usage point looked up to filter by feeder,
--    so the answer grew with the storm elsewhere on the grid (216 ms for one feeder with 7 500 recent
--    last gasps of the fleet, 1.2 M events stored). No other query reads meter_event by type and time
--    (the usage point page reads by usage point, a meter's events by the primary key): it goes.
-- 2. Without it PostgreSQL went usage points of the feeder -> their recent events through
--    ix_meter_event_usage_point (usage_point_id, occurred_at), but as a parallel plan driven by a
--    sequential scan of usage_point (60 ms on 2 busy cores; the same plan run serially: 8 ms): each
--    of the feeder's ~1 000 probes read a heap row to check the type. With the type in the index and
--    the meter at its end the probes are index-only, the serial plan (ix_usage_point_feeder, then one
--    index-only probe per usage point) is the cheapest, and it costs the same whatever happens on the
--    other feeders. The new index replaces ix_meter_event_usage_point (same leading column: the usage
--    point page and the foreign key use it as well), so a stored event still updates two indexes.
-- V17 is another branch's; Flyway applies the versions it finds in order (see sql/README.md).
DROP INDEX ix_meter_event_type_time;
DROP INDEX ix_meter_event_usage_point;
CREATE INDEX ix_meter_event_usage_point_type ON meter_event (usage_point_id, event_type, occurred_at, meter_id);
