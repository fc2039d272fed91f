-- Issue 7, found by bench/outage: a storm of 100 000 last gasps writes some 700 000 rows (the events,
-- the detector's queue, power states, interruptions, outage memberships), and every foreign key
-- check is a lookup per row run by a trigger: on these tables they doubled the cost of the storm's
-- writes (20 000 power states: 440 ms with the key, 230 ms without). The ids come from the registry
-- in the same transaction that writes them (ingest maps serials to meters and usage points, the
-- detector writes only the usage points and outages it has just read), and usage points, meters and
-- outages are never deleted, so the keys checked nothing the code does not already guarantee.
-- interval_read has never had one, for the same reason (V5). The keys of the small tables stay
-- (outage_notice -> outage, outage -> parent outage).
ALTER TABLE meter_event DROP CONSTRAINT fk_meter_event_meter;
ALTER TABLE meter_event DROP CONSTRAINT fk_meter_event_usage_point;
ALTER TABLE usage_point_power DROP CONSTRAINT fk_usage_point_power_up;
ALTER TABLE outage_meter DROP CONSTRAINT fk_outage_meter_outage;
ALTER TABLE outage_meter DROP CONSTRAINT fk_outage_meter_up;

-- Outage detection keeps what it knows about the grid in memory between the steps of a storm
-- (docs/outages.md, "The picture in memory"). Every step and every operator's close add one, under
-- the detection lock: a node whose last step left a different number reloads its picture.
ALTER TABLE outage_policy ADD COLUMN detection_generation BIGINT DEFAULT 0 NOT NULL;
COMMENT ON COLUMN outage_policy.detection_generation IS 'Counts the changes outage detection made (each step, each close): a node keeps its picture of the grid only while no other node changed it.';
