-- Interval reads, partitioned by range on the interval's end instant, one partition per month
-- (interval_read_yYYYYmMM). Partitions are made ahead of time by a timer and on demand by the store
-- before it writes a month that has none (PostgresIntervalStore); retention detaches whole
-- partitions, never deletes rows. Reads are identified by (channel, interval end), DOMAIN.md §4b.

CREATE TABLE interval_read (
    channel_id    BIGINT        NOT NULL,
    interval_end  TIMESTAMP WITH TIME ZONE NOT NULL,
    read_value         NUMERIC(18,6) NOT NULL,
    quality       INTEGER       NOT NULL,
    source        CHAR(1)       NOT NULL,
    version       INTEGER       NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    import_id     BIGINT,
    CONSTRAINT pk_interval_read PRIMARY KEY (channel_id, interval_end)
) PARTITION BY RANGE (interval_end);
COMMENT ON TABLE interval_read IS 'Current version of every interval read_value, by channel and interval end (UTC).';
COMMENT ON COLUMN interval_read.read_value IS 'Engineering units (kWh, kW, m3) as exact decimals.';
COMMENT ON COLUMN interval_read.quality IS 'Quality flag bits (org.openmdms.reading.entity.Quality): 1 questionable, 2 power outage, 4 clock adjusted, 8 partial, 16 substituted.';
COMMENT ON COLUMN interval_read.source IS 'A actual, E estimated, M edited by an analyst.';
COMMENT ON COLUMN interval_read.version IS '1 for the first read_value of the interval, +1 for each new read_value.';

-- Earlier versions of intervals, and values that arrived behind an analyst's edit.
CREATE TABLE interval_read_history (
    channel_id     BIGINT        NOT NULL,
    interval_end   TIMESTAMP WITH TIME ZONE NOT NULL,
    read_value          NUMERIC(18,6) NOT NULL,
    quality        INTEGER       NOT NULL,
    source         CHAR(1)       NOT NULL,
    version        INTEGER       NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    import_id      BIGINT,
    superseded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason         VARCHAR(32)   NOT NULL
) PARTITION BY RANGE (interval_end);
CREATE INDEX ix_interval_read_history ON interval_read_history (channel_id, interval_end);
COMMENT ON TABLE interval_read_history IS 'Versions of interval values that are no longer current, with when and why: REPLACED, ESTIMATE_REPLACED_BY_ACTUAL, ARRIVED_AFTER_EDIT.';
