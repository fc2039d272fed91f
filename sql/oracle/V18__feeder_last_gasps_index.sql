-- Oracle 23ai. Reviewed, not executed on our machines.
-- Twin of sql/common/V18__feeder_last_gasps_index.sql (issue 7, found by bench/outage): the last gasps of
-- a feeder are found from its usage points (ix_usage_point_feeder) and their recent events
-- (ix_meter_event_usage_point), not from every recent last gasp of the fleet
-- (ix_meter_event_type_time), which no other query needs.
DROP INDEX ix_meter_event_type_time;
