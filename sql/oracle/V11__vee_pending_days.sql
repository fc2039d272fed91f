-- Oracle 23ai. Reviewed, not executed on our machines.
-- Twin of sql/common/V11__vee_pending_days.sql.
CREATE TABLE vee_pending_day (
    channel_id   NUMBER(19)  NOT NULL,
    local_day    DATE        NOT NULL,
    queued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_vee_pending_day PRIMARY KEY (channel_id, local_day),
    CONSTRAINT fk_vee_pending_day_channel FOREIGN KEY (channel_id) REFERENCES channel (id)
);
COMMENT ON TABLE vee_pending_day IS 'Channel days touched by ingest, waiting to be judged by VEE (complete, or past the deadline).';
