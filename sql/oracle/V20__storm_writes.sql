-- Oracle 23ai. Reviewed, not executed on our machines.
-- Twin of sql/common/V20__storm_writes.sql (the reasons are there): the per-row foreign keys of the
-- tables a storm of power events writes go; the detection generation counter is added.
ALTER TABLE meter_event DROP CONSTRAINT fk_meter_event_meter;
ALTER TABLE meter_event DROP CONSTRAINT fk_meter_event_usage_point;
ALTER TABLE usage_point_power DROP CONSTRAINT fk_usage_point_power_up;
ALTER TABLE outage_meter DROP CONSTRAINT fk_outage_meter_outage;
ALTER TABLE outage_meter DROP CONSTRAINT fk_outage_meter_up;
ALTER TABLE outage_policy ADD (detection_generation NUMBER(19) DEFAULT 0 NOT NULL);
COMMENT ON COLUMN outage_policy.detection_generation IS 'Counts the changes outage detection made (each step, each close): a node keeps its picture of the grid only while no other node changed it.';
