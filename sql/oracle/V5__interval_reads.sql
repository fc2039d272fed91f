-- Oracle 23ai. Reviewed, not executed on our machines.
-- Interval reads with Oracle interval partitioning: a new monthly partition is created by the
-- database itself when a row for a new month arrives, so no partition job is needed on Oracle.

CREATE TABLE interval_read (
    channel_id    NUMBER(19)    NOT NULL,
    interval_end  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Partitioning key must be a DATE/TIMESTAMP without zone: the UTC instant, kept in step by the store.
    interval_end_utc TIMESTAMP  GENERATED ALWAYS AS (SYS_EXTRACT_UTC(interval_end)) VIRTUAL,
    read_value         NUMBER(18,6)  NOT NULL,
    quality       NUMBER(10)    NOT NULL,
    source        CHAR(1)       NOT NULL,
    version       NUMBER(10)    NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    import_id     NUMBER(19),
    CONSTRAINT pk_interval_read PRIMARY KEY (channel_id, interval_end)
)
PARTITION BY RANGE (interval_end_utc) INTERVAL (NUMTOYMINTERVAL(1, 'MONTH'))
(PARTITION p_initial VALUES LESS THAN (TIMESTAMP '2000-01-01 00:00:00'));
COMMENT ON TABLE interval_read IS 'Current version of every interval read_value, by channel and interval end (UTC).';

CREATE TABLE interval_read_history (
    channel_id     NUMBER(19)    NOT NULL,
    interval_end   TIMESTAMP WITH TIME ZONE NOT NULL,
    interval_end_utc TIMESTAMP   GENERATED ALWAYS AS (SYS_EXTRACT_UTC(interval_end)) VIRTUAL,
    read_value          NUMBER(18,6)  NOT NULL,
    quality        NUMBER(10)    NOT NULL,
    source         CHAR(1)       NOT NULL,
    version        NUMBER(10)    NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    import_id      NUMBER(19),
    superseded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason         VARCHAR2(32 CHAR) NOT NULL
)
PARTITION BY RANGE (interval_end_utc) INTERVAL (NUMTOYMINTERVAL(1, 'MONTH'))
(PARTITION p_initial VALUES LESS THAN (TIMESTAMP '2000-01-01 00:00:00'));
CREATE INDEX ix_interval_read_history ON interval_read_history (channel_id, interval_end) LOCAL;

-- Global temporary staging table: rows vanish at commit, no redo for the data.
CREATE GLOBAL TEMPORARY TABLE interval_read_stage (
    batch_id      VARCHAR2(36 CHAR) NOT NULL,
    seq           NUMBER(10)    NOT NULL,
    channel_id    NUMBER(19)    NOT NULL,
    interval_end  TIMESTAMP WITH TIME ZONE NOT NULL,
    read_value         NUMBER(18,6)  NOT NULL,
    quality       NUMBER(10)    NOT NULL,
    source        CHAR(1)       NOT NULL,
    import_id     NUMBER(19)
) ON COMMIT DELETE ROWS;
