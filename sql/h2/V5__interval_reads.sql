-- Interval reads on H2: the same logical tables as on PostgreSQL, without partitions, and a
-- permanent staging table (H2 DDL would commit the caller's transaction, so no temporary tables).

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
);
COMMENT ON TABLE interval_read IS 'Current version of every interval read_value, by channel and interval end (UTC).';

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
);
CREATE INDEX ix_interval_read_history ON interval_read_history (channel_id, interval_end);

CREATE TABLE interval_read_stage (
    batch_id      VARCHAR(36)   NOT NULL,
    seq           INTEGER       NOT NULL,
    channel_id    BIGINT        NOT NULL,
    interval_end  TIMESTAMP WITH TIME ZONE NOT NULL,
    read_value         NUMERIC(18,6) NOT NULL,
    quality       INTEGER       NOT NULL,
    source        CHAR(1)       NOT NULL,
    import_id     BIGINT
);
COMMENT ON TABLE interval_read_stage IS 'Rows of a write in progress, by batch; emptied by the same transaction. No index: it only ever holds the batches in flight.';
