-- Oracle 23ai. Reviewed, not executed on our machines.
-- Twin of sql/common/V18__feeder_last_gasps_index.sql (issue 7, found by bench/outage): the last gasps of
-- a feeder are found from its usage points (ix_usage_point_feeder) and their recent last gasps, read
-- from the index alone (ix_meter_event_usage_point_type), not from every recent last gasp of the fleet
-- (ix_meter_event_type_time, which no other query needs). The new index replaces
-- ix_meter_event_usage_point (same leading column: the usage point page and the foreign key use it).
DROP INDEX ix_meter_event_type_time;
DROP INDEX ix_meter_event_usage_point;
CREATE INDEX ix_meter_event_usage_point_type ON meter_event (usage_point_id, event_type, occurred_at, meter_id);
