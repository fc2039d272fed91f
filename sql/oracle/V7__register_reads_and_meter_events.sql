-- Oracle 23ai. Reviewed, not executed on our machines.
-- Twin of sql/common/V7__register_reads_and_meter_events.sql. Oracle refuses TIMESTAMP WITH TIME ZONE
-- in a primary key (ORA-02329), so read_at and occurred_at are plain TIMESTAMPs holding the UTC
-- instant; the Oracle store (not written yet) binds them as UTC.
-- Neither table is partitioned yet: register reads are a few per meter and day, events fewer still
-- (a last-gasp storm is thousands per minute, not millions); the indexes below serve the queries
-- of the usage point page and of outage detection.

-- A register read belongs to a register channel (reading type without an interval length) of the
-- usage point where the meter was installed at the read instant; identified by (channel, read_at).
CREATE TABLE register_read (
    channel_id    NUMBER(19) NOT NULL,
    read_at       TIMESTAMP NOT NULL,
    read_value    NUMBER(18,6) NOT NULL,
    quality       NUMBER(10) NOT NULL,
    source        CHAR(1)       NOT NULL,
    version       NUMBER(10) NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    import_id     NUMBER(19),
    CONSTRAINT pk_register_read PRIMARY KEY (channel_id, read_at),
    CONSTRAINT fk_register_read_channel FOREIGN KEY (channel_id) REFERENCES channel (id)
);
COMMENT ON TABLE register_read IS 'Current version of every register (cumulative dial) read, by register channel and read instant (UTC).';
COMMENT ON COLUMN register_read.read_value IS 'The cumulative register value in engineering units (kWh, m3), exact to 6 places.';
COMMENT ON COLUMN register_read.quality IS 'Quality flag bits as on interval_read.quality.';
COMMENT ON COLUMN register_read.source IS 'A actual, E estimated.';
COMMENT ON COLUMN register_read.version IS '1 for the first value at the instant, +1 for each different value that arrived later.';

CREATE TABLE register_read_history (
    channel_id     NUMBER(19) NOT NULL,
    read_at        TIMESTAMP NOT NULL,
    read_value     NUMBER(18,6) NOT NULL,
    quality        NUMBER(10) NOT NULL,
    source         CHAR(1)       NOT NULL,
    version        NUMBER(10) NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    import_id      NUMBER(19),
    superseded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason         VARCHAR2(32 CHAR) NOT NULL
);
CREATE INDEX ix_register_read_history ON register_read_history (channel_id, read_at);
COMMENT ON TABLE register_read_history IS 'Register values that are no longer current, with when and why: REPLACED, ESTIMATE_REPLACED_BY_ACTUAL.';

-- A meter event is identified by (meter, occurred_at, event_type): the same event sent again is a duplicate.
CREATE TABLE meter_event (
    meter_id        NUMBER(19) NOT NULL,
    occurred_at     TIMESTAMP NOT NULL,
    event_type      VARCHAR2(32 CHAR) NOT NULL,
    usage_point_id  NUMBER(19),
    detail          VARCHAR2(1000 CHAR),
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    import_id       NUMBER(19),
    CONSTRAINT pk_meter_event PRIMARY KEY (meter_id, occurred_at, event_type),
    CONSTRAINT fk_meter_event_meter FOREIGN KEY (meter_id) REFERENCES meter (id),
    CONSTRAINT fk_meter_event_usage_point FOREIGN KEY (usage_point_id) REFERENCES usage_point (id),
    CONSTRAINT ck_meter_event_type CHECK (event_type IN ('LAST_GASP', 'POWER_RESTORE', 'TAMPER', 'REVERSE_ENERGY',
        'CLOCK_ADJUSTED', 'TIME_RESET', 'LOW_BATTERY'))
);
CREATE INDEX ix_meter_event_usage_point ON meter_event (usage_point_id, occurred_at);
CREATE INDEX ix_meter_event_type_time ON meter_event (event_type, occurred_at, usage_point_id);
COMMENT ON TABLE meter_event IS 'Events meters reported through their head-ends (last gasp, power restore, tamper, ...), by meter and instant (UTC).';
COMMENT ON COLUMN meter_event.usage_point_id IS 'Where the meter was installed when the event occurred; NULL when it was not installed then (in stock, in the workshop).';
COMMENT ON COLUMN meter_event.event_type IS 'org.openmdms.reading.control.MeterEventType: LAST_GASP, POWER_RESTORE, TAMPER, REVERSE_ENERGY, CLOCK_ADJUSTED, TIME_RESET, LOW_BATTERY.';
COMMENT ON COLUMN meter_event.detail IS 'What the head-end said besides the type (free words, at most 1000 characters).';
