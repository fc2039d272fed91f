-- Oracle 23ai. Reviewed, not executed on our machines.
-- Twin of sql/common/V9__vee_exceptions.sql.
CREATE SEQUENCE vee_exception_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE vee_exception (
    id              NUMBER(19)     NOT NULL,
    channel_id      NUMBER(19)     NOT NULL,
    usage_point_id  NUMBER(19)     NOT NULL,
    rule_id         VARCHAR2(40 CHAR)   NOT NULL,
    severity        VARCHAR2(8 CHAR)    NOT NULL,
    first_end       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_end        TIMESTAMP WITH TIME ZONE NOT NULL,
    local_day       DATE           NOT NULL,
    message         VARCHAR2(1000 CHAR) NOT NULL,
    found_value     NUMBER(18,6),
    limit_value     NUMBER(18,6),
    status          VARCHAR2(16 CHAR)   NOT NULL,
    assignee        VARCHAR2(64 CHAR),
    raised_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR2(64 CHAR)   NOT NULL,
    note            VARCHAR2(1000 CHAR),
    version         NUMBER(19)     NOT NULL,
    CONSTRAINT pk_vee_exception PRIMARY KEY (id),
    CONSTRAINT fk_vee_exception_channel FOREIGN KEY (channel_id) REFERENCES channel (id),
    CONSTRAINT fk_vee_exception_usage_point FOREIGN KEY (usage_point_id) REFERENCES usage_point (id),
    CONSTRAINT ck_vee_exception_severity CHECK (severity IN ('INFO', 'WARNING', 'ERROR')),
    CONSTRAINT ck_vee_exception_status CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED'))
);
-- Oracle refuses zoned timestamps in keys (ORA-02329): the uniqueness of (channel, rule, first
-- interval) is kept by a function-based unique index on the UTC instant.
CREATE UNIQUE INDEX uq_vee_exception ON vee_exception (channel_id, rule_id, SYS_EXTRACT_UTC(first_end));
CREATE INDEX ix_vee_exception_queue ON vee_exception (status, local_day);
CREATE INDEX ix_vee_exception_usage_point ON vee_exception (usage_point_id, local_day);
COMMENT ON TABLE vee_exception IS 'Failed VEE checks: rule, channel, intervals [first_end, last_end], values, severity, and the analyst''s work on them.';
COMMENT ON COLUMN vee_exception.local_day IS 'The usage point''s local day of the first interval (the day it starts in).';
COMMENT ON COLUMN vee_exception.status IS 'OPEN, ACKNOWLEDGED (an analyst is on it), RESOLVED (edited, accepted, or no longer found on a re-run).';
