-- The service capacity of a usage point: what its connection can carry (the breaker, fuse or
-- transformer rating, or the contracted capacity). The VEE max-demand rule compares interval demand
-- with it; NULL while the CIS has not said, and then the rule does not judge the usage point.
ALTER TABLE usage_point ADD service_capacity_kw NUMERIC(12,3);
ALTER TABLE usage_point ADD CONSTRAINT ck_usage_point_capacity CHECK (service_capacity_kw > 0);
COMMENT ON COLUMN usage_point.service_capacity_kw IS 'Service capacity in kW (breaker, fuse or transformer rating, or contracted); NULL when unknown. VEE max-demand reports interval demand above it.';
