-- PostgreSQL only: the database itself refuses a second open installation for a usage point or a
-- meter, backing up the rule that UsagePoint enforces in Java (two concurrent installs that both
-- passed the check in memory cannot both commit). The constraints are deferred to commit because a
-- meter exchange closes one installation and opens the next in the same transaction, and Hibernate
-- writes the insert before the update. H2 has neither partial nor deferrable exclusion constraints.
ALTER TABLE meter_installation ADD CONSTRAINT ex_installation_open_usage_point
    EXCLUDE USING btree (usage_point_id WITH =) WHERE (installed_to IS NULL) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE meter_installation ADD CONSTRAINT ex_installation_open_meter
    EXCLUDE USING btree (meter_id WITH =) WHERE (installed_to IS NULL) DEFERRABLE INITIALLY DEFERRED;

-- Case-insensitive prefix search on serial numbers and usage point codes, whatever the collation.
CREATE INDEX ix_meter_serial_prefix ON meter (lower(serial_number) varchar_pattern_ops);
CREATE INDEX ix_usage_point_code_prefix ON usage_point (lower(code) varchar_pattern_ops);
