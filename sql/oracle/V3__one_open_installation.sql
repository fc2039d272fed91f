-- Oracle 23ai. Reviewed, not executed on our machines.
--
-- The Oracle counterpart of sql/postgresql/V3__one_open_installation.sql, as far as Oracle can go.
--
-- PostgreSQL refuses a second open installation (installed_to IS NULL) per usage point and per meter
-- with partial exclusion constraints DEFERRABLE INITIALLY DEFERRED. Oracle has neither partial nor
-- exclusion constraints; the nearest is a unique function-based index whose key is NULL for closed
-- installations (Oracle does not index entirely NULL keys), so only open installations compete:
--     CREATE UNIQUE INDEX ... ON meter_installation (CASE WHEN installed_to IS NULL THEN <column> END)
-- Such an index is checked at every statement and cannot be deferred to commit.
--
-- Per usage point: LEFT OUT. A meter exchange (UsagePoint.exchange, used by MeterRegistry.exchange,
-- the REST exchange and the registry import) closes the old installation and opens the new one in
-- one transaction, and Hibernate flushes inserts before updates: the new open row would be inserted
-- while the old one is still open, and every exchange would fail with ORA-00001. The index could
-- only be added once the application flushes the closing update before the insert on Oracle
-- (em.flush() between removeMeter and install); today nothing does. Until then UsagePoint's
-- check in Java is the only guard on Oracle, as on H2:
--     CREATE UNIQUE INDEX ex_installation_open_usage_point
--         ON meter_installation (CASE WHEN installed_to IS NULL THEN usage_point_id END);
--
-- Per meter: ADDED. No single operation closes and reopens an installation of the same meter: an
-- exchange opens one for the new meter, which has none open (Meter.checkCanBeInstalledFrom), and
-- closes the old meter's. Only a registry import chunk in which one row frees a meter (exchange at
-- one usage point) and a later row installs it elsewhere writes the insert before the update in one
-- transaction; that chunk then fails on this index and the import redoes it row by row, one
-- transaction per row, where both rows succeed.
CREATE UNIQUE INDEX ex_installation_open_meter
    ON meter_installation (CASE WHEN installed_to IS NULL THEN meter_id END);

-- Case-insensitive prefix search on serial numbers and usage point codes (lower(...) LIKE 'abc%').
-- Oracle can range-scan these function-based indexes for a LIKE whose pattern does not start with a
-- wildcard, with the default binary NLS_COMP / NLS_SORT; under a linguistic sort it would not.
CREATE INDEX ix_meter_serial_prefix ON meter (LOWER(serial_number));
CREATE INDEX ix_usage_point_code_prefix ON usage_point (LOWER(code));
