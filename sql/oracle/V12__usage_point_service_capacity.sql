-- Oracle 23ai. Reviewed, not executed on our machines.
-- Twin of sql/common/V12__usage_point_service_capacity.sql.
ALTER TABLE usage_point ADD service_capacity_kw NUMBER(12,3);
ALTER TABLE usage_point ADD CONSTRAINT ck_usage_point_capacity CHECK (service_capacity_kw > 0);
COMMENT ON COLUMN usage_point.service_capacity_kw IS 'Service capacity in kW (breaker, fuse or transformer rating, or contracted); NULL when unknown. VEE max-demand reports interval demand above it.';
