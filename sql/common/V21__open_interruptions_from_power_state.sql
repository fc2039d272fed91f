-- An interruption that has not ended is no longer written to power_interruption: it is the usage
-- point's power state (usage_point_power: state OUT since off_at), which detection writes anyway. In a
-- storm this saves one row per usage point out (100 000 inserts for 100 000 last gasps, bench/outage);
-- the row is written once, ended, at the power restore. Readers (OutageStore.interruptions,
-- OutageStore.sustained) add the OUT power states as open sustained interruptions.
DELETE FROM power_interruption WHERE on_at IS NULL;
COMMENT ON TABLE power_interruption IS 'Ended interruptions per usage point, from its last gasp to its power restore; MOMENTARY when shorter than the policy''s momentary time. The open one of a usage point out is its usage_point_power row (state OUT since off_at).';
