-- Channel days that ingest touched and VEE has yet to judge. Written in the same transaction as the
-- reads (so a crash loses none), taken by the VEE worker once the day is complete or its deadline has
-- passed, and deleted when judged.
CREATE TABLE vee_pending_day (
    channel_id   BIGINT      NOT NULL,
    local_day    DATE        NOT NULL,
    queued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_vee_pending_day PRIMARY KEY (channel_id, local_day),
    CONSTRAINT fk_vee_pending_day_channel FOREIGN KEY (channel_id) REFERENCES channel (id)
);
COMMENT ON TABLE vee_pending_day IS 'Channel days touched by ingest, waiting to be judged by VEE (complete, or past the deadline).';
