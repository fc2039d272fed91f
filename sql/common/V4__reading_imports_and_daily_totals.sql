-- Reading imports (one row per file, batch or message run, with its counts and rejects) and the
-- daily per-channel totals that completeness, dashboards and reports read instead of raw reads.

CREATE SEQUENCE reading_import_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE reading_reject_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE reading_import (
    id            BIGINT       NOT NULL,
    source_name   VARCHAR(255) NOT NULL,
    format        VARCHAR(16)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    started_by    VARCHAR(64)  NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    received      BIGINT       NOT NULL,
    stored        BIGINT       NOT NULL,
    duplicates    BIGINT       NOT NULL,
    rejected      BIGINT       NOT NULL,
    failure       VARCHAR(1000),
    version       BIGINT       NOT NULL,
    CONSTRAINT pk_reading_import PRIMARY KEY (id),
    CONSTRAINT ck_reading_import_status CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED'))
);
CREATE INDEX ix_reading_import_started ON reading_import (started_at);
COMMENT ON TABLE reading_import IS 'One import of reads (a file, a REST batch, a JMS message); received = stored + duplicates + rejected.';
COMMENT ON COLUMN reading_import.stored IS 'Values written: new intervals, new versions of existing ones, and versions kept behind an edit.';
COMMENT ON COLUMN reading_import.duplicates IS 'Values identical (value, quality, source) to what was already stored: nothing changed.';

CREATE TABLE reading_reject (
    id            BIGINT        NOT NULL,
    import_id     BIGINT        NOT NULL,
    line          BIGINT        NOT NULL,
    reason        VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_reading_reject PRIMARY KEY (id),
    CONSTRAINT fk_reading_reject_import FOREIGN KEY (import_id) REFERENCES reading_import (id)
);
CREATE INDEX ix_reading_reject_import ON reading_reject (import_id, line);
COMMENT ON TABLE reading_reject IS 'A record an import refused: the line of its file and why.';

CREATE TABLE daily_channel_reading (
    channel_id       BIGINT        NOT NULL,
    local_day        DATE          NOT NULL,
    total            NUMERIC(20,6) NOT NULL,
    read_count       INTEGER       NOT NULL,
    estimated_count  INTEGER       NOT NULL,
    edited_count     INTEGER       NOT NULL,
    max_value        NUMERIC(18,6) NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_daily_channel_reading PRIMARY KEY (channel_id, local_day),
    CONSTRAINT fk_daily_channel_reading_channel FOREIGN KEY (channel_id) REFERENCES channel (id)
);
COMMENT ON TABLE daily_channel_reading IS 'Per channel and local day (usage point zone, day in which each interval starts): sum, count, estimated and edited counts, maximum. Kept current as reads land; kept after detail is dropped by retention.';
