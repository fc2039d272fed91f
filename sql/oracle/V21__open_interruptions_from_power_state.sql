-- Oracle 23ai. Reviewed, not executed on our machines.
-- Twin of sql/common/V21__open_interruptions_from_power_state.sql (the reasons are there): open
-- interruptions are read from usage_point_power, no longer stored in power_interruption.
DELETE FROM power_interruption WHERE on_at IS NULL;
COMMENT ON TABLE power_interruption IS 'Ended interruptions per usage point, from its last gasp to its power restore; MOMENTARY when shorter than the policy''s momentary time. The open one of a usage point out is its usage_point_power row (state OUT since off_at).';
