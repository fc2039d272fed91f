-- Oracle 23ai. Reviewed, not executed on our machines.
-- Twin of sql/common/V4__reading_imports_and_daily_totals.sql.

CREATE SEQUENCE reading_import_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE reading_reject_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE reading_import (
    id            NUMBER(19)          NOT NULL,
    source_name   VARCHAR2(255 CHAR)  NOT NULL,
    format        VARCHAR2(16 CHAR)   NOT NULL,
    status        VARCHAR2(16 CHAR)   NOT NULL,
    started_by    VARCHAR2(64 CHAR)   NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    received      NUMBER(19)          NOT NULL,
    stored        NUMBER(19)          NOT NULL,
    duplicates    NUMBER(19)          NOT NULL,
    rejected      NUMBER(19)          NOT NULL,
    failure       VARCHAR2(1000 CHAR),
    version       NUMBER(19)          NOT NULL,
    CONSTRAINT pk_reading_import PRIMARY KEY (id),
    CONSTRAINT ck_reading_import_status CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED'))
);
CREATE INDEX ix_reading_import_started ON reading_import (started_at);
COMMENT ON TABLE reading_import IS 'One import of reads (a file, a REST batch, a JMS message); received = stored + duplicates + rejected.';
COMMENT ON COLUMN reading_import.stored IS 'Values written: new intervals, new versions of existing ones, and versions kept behind an edit.';
COMMENT ON COLUMN reading_import.duplicates IS 'Values identical (value, quality, source) to what was already stored: nothing changed.';

CREATE TABLE reading_reject (
    id            NUMBER(19)           NOT NULL,
    import_id     NUMBER(19)           NOT NULL,
    line          NUMBER(19)           NOT NULL,
    reason        VARCHAR2(1000 CHAR)  NOT NULL,
    CONSTRAINT pk_reading_reject PRIMARY KEY (id),
    CONSTRAINT fk_reading_reject_import FOREIGN KEY (import_id) REFERENCES reading_import (id)
);
CREATE INDEX ix_reading_reject_import ON reading_reject (import_id, line);
COMMENT ON TABLE reading_reject IS 'A record an import refused: the line of its file and why.';

CREATE TABLE daily_channel_reading (
    channel_id       NUMBER(19)    NOT NULL,
    local_day        DATE          NOT NULL,
    total            NUMBER(20,6)  NOT NULL,
    read_count       NUMBER(10)    NOT NULL,
    estimated_count  NUMBER(10)    NOT NULL,
    edited_count     NUMBER(10)    NOT NULL,
    max_value        NUMBER(18,6)  NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_daily_channel_reading PRIMARY KEY (channel_id, local_day),
    CONSTRAINT fk_daily_channel_reading_channel FOREIGN KEY (channel_id) REFERENCES channel (id)
);
COMMENT ON TABLE daily_channel_reading IS 'Per channel and local day (usage point zone, day in which each interval starts): sum, count, estimated and edited counts, maximum. Kept current as reads land; kept after detail is dropped by retention.';
