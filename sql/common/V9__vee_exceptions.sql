-- VEE exceptions: each failed validation check, for analysts to work in the queue. A re-run of VEE
-- over the same data finds the same exceptions (same channel, rule and first interval) and does not
-- raise them twice.
CREATE SEQUENCE vee_exception_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE vee_exception (
    id              BIGINT        NOT NULL,
    channel_id      BIGINT        NOT NULL,
    usage_point_id  BIGINT        NOT NULL,
    rule_id         VARCHAR(40)   NOT NULL,
    severity        VARCHAR(8)    NOT NULL,
    first_end       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_end        TIMESTAMP WITH TIME ZONE NOT NULL,
    local_day       DATE          NOT NULL,
    message         VARCHAR(1000) NOT NULL,
    found_value     NUMERIC(18,6),
    limit_value     NUMERIC(18,6),
    status          VARCHAR(16)   NOT NULL,
    assignee        VARCHAR(64),
    raised_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(64)   NOT NULL,
    note            VARCHAR(1000),
    version         BIGINT        NOT NULL,
    CONSTRAINT pk_vee_exception PRIMARY KEY (id),
    CONSTRAINT fk_vee_exception_channel FOREIGN KEY (channel_id) REFERENCES channel (id),
    CONSTRAINT fk_vee_exception_usage_point FOREIGN KEY (usage_point_id) REFERENCES usage_point (id),
    CONSTRAINT ck_vee_exception_severity CHECK (severity IN ('INFO', 'WARNING', 'ERROR')),
    CONSTRAINT ck_vee_exception_status CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED'))
);
CREATE UNIQUE INDEX uq_vee_exception ON vee_exception (channel_id, rule_id, first_end);
CREATE INDEX ix_vee_exception_queue ON vee_exception (status, local_day);
CREATE INDEX ix_vee_exception_usage_point ON vee_exception (usage_point_id, local_day);
COMMENT ON TABLE vee_exception IS 'Failed VEE checks: rule, channel, intervals [first_end, last_end], values, severity, and the analyst''s work on them.';
COMMENT ON COLUMN vee_exception.local_day IS 'The usage point''s local day of the first interval (the day it starts in).';
COMMENT ON COLUMN vee_exception.status IS 'OPEN, ACKNOWLEDGED (an analyst is on it), RESOLVED (edited, accepted, or no longer found on a re-run).';
