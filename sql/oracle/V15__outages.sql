-- Oracle 23ai. Reviewed, not executed on our machines.
-- Twin of sql/common/V15__outages.sql. Oracle refuses TIMESTAMP WITH TIME ZONE in a primary key
-- (ORA-02329), so the key instants of power_event_queue and power_interruption are plain TIMESTAMPs
-- holding UTC, as in meter_event.
-- Outage detection (issue 7, DOMAIN.md §3): last-gasp and power-restore events grouped by
-- transformer and feeder into outages, the power state of every usage point, its interruptions,
-- and the notices published to the outage management system. docs/outages.md explains the model.
CREATE SEQUENCE outage_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE outage_notice_seq START WITH 1 INCREMENT BY 50;

-- One row: what opens an outage. Administrators change it on the outage policy page (audited).
CREATE TABLE outage_policy (
    id                      NUMBER(10) NOT NULL,
    transformer_share       NUMBER(5,4) NOT NULL,
    transformer_min_meters  NUMBER(10) NOT NULL,
    feeder_share            NUMBER(5,4) NOT NULL,
    feeder_min_meters       NUMBER(10) NOT NULL,
    window_seconds          NUMBER(10) NOT NULL,
    momentary_seconds       NUMBER(10) NOT NULL,
    webhook_url             VARCHAR2(1000 CHAR),
    updated_by              VARCHAR2(64 CHAR) NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_outage_policy PRIMARY KEY (id),
    CONSTRAINT ck_outage_policy_one CHECK (id = 1),
    CONSTRAINT ck_outage_policy_shares CHECK (transformer_share > 0 AND transformer_share <= 1 AND feeder_share > 0 AND feeder_share <= 1),
    CONSTRAINT ck_outage_policy_counts CHECK (transformer_min_meters >= 1 AND feeder_min_meters >= 1 AND window_seconds >= 1 AND momentary_seconds >= 0)
);
COMMENT ON TABLE outage_policy IS 'What opens an outage (one row): the share of a transformer''s or feeder''s meters out, with last gasps within the window of each other, and how short an interruption is momentary.';
COMMENT ON COLUMN outage_policy.transformer_share IS 'Share (0-1] of the electric usage points behind a transformer that must be out to open a transformer outage.';
COMMENT ON COLUMN outage_policy.transformer_min_meters IS 'And at least this many of them.';
COMMENT ON COLUMN outage_policy.feeder_share IS 'Share (0-1] of the electric usage points on a feeder that must be out to open a feeder outage.';
COMMENT ON COLUMN outage_policy.feeder_min_meters IS 'And at least this many of them.';
COMMENT ON COLUMN outage_policy.window_seconds IS 'Last gasps count together when they occurred within this many seconds of the latest of them.';
COMMENT ON COLUMN outage_policy.momentary_seconds IS 'A meter restored within this many seconds of its last gasp had a momentary interruption: recorded, never counted as out.';
COMMENT ON COLUMN outage_policy.webhook_url IS 'Where outage notices are POSTed as JSON (besides the JMS topic); NULL for none.';
INSERT INTO outage_policy (id, transformer_share, transformer_min_meters, feeder_share, feeder_min_meters,
    window_seconds, momentary_seconds, webhook_url, updated_by, updated_at)
    VALUES (1, 0.5, 2, 0.3, 10, 300, 60, NULL, 'system', SYSTIMESTAMP);

-- Power events waiting for the detector: written by ingest in the transaction that stores them.
CREATE TABLE power_event_queue (
    usage_point_id  NUMBER(19) NOT NULL,
    occurred_at     TIMESTAMP NOT NULL,
    event_type      VARCHAR2(32 CHAR) NOT NULL,
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_power_event_queue PRIMARY KEY (usage_point_id, occurred_at, event_type),
    CONSTRAINT ck_power_event_queue_type CHECK (event_type IN ('LAST_GASP', 'POWER_RESTORE'))
);
COMMENT ON TABLE power_event_queue IS 'Last-gasp and power-restore events stored by ingest and not yet seen by outage detection; the detector removes what it has applied.';

-- The latest power state of each usage point that ever reported a power event.
CREATE TABLE usage_point_power (
    usage_point_id  NUMBER(19) NOT NULL,
    state           VARCHAR2(16 CHAR) NOT NULL,
    off_at          TIMESTAMP WITH TIME ZONE,
    last_event_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    outage_id       NUMBER(19),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_usage_point_power PRIMARY KEY (usage_point_id),
    CONSTRAINT fk_usage_point_power_up FOREIGN KEY (usage_point_id) REFERENCES usage_point (id),
    CONSTRAINT ck_usage_point_power_state CHECK (state IN ('ON', 'PENDING', 'OUT'))
);
CREATE INDEX ix_usage_point_power_state ON usage_point_power (state, usage_point_id);
COMMENT ON TABLE usage_point_power IS 'Power state per usage point: ON, PENDING (last gasp younger than the momentary time) or OUT (sustained, since off_at).';
COMMENT ON COLUMN usage_point_power.last_event_at IS 'The latest power event applied; older events arriving late do not change the state.';
COMMENT ON COLUMN usage_point_power.outage_id IS 'The smallest (transformer) open outage the usage point is out in; NULL when it is not in one.';

-- Every interruption of a usage point: VEE treats its intervals as outage, not as real zeros.
CREATE TABLE power_interruption (
    usage_point_id  NUMBER(19) NOT NULL,
    off_at          TIMESTAMP NOT NULL,
    on_at           TIMESTAMP,
    kind            VARCHAR2(16 CHAR) NOT NULL,
    CONSTRAINT pk_power_interruption PRIMARY KEY (usage_point_id, off_at),
    CONSTRAINT ck_power_interruption_kind CHECK (kind IN ('MOMENTARY', 'SUSTAINED'))
);
COMMENT ON TABLE power_interruption IS 'Interruptions per usage point from its last gasp to its power restore (on_at NULL while out); MOMENTARY when shorter than the policy''s momentary time.';

CREATE TABLE outage (
    id               NUMBER(19) NOT NULL,
    outage_level     VARCHAR2(16 CHAR) NOT NULL,
    feeder           VARCHAR2(64 CHAR) NOT NULL,
    transformer      VARCHAR2(64 CHAR),
    state            VARCHAR2(24 CHAR) NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    detected_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    restored_at      TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    meters_served    NUMBER(10) NOT NULL,
    meters_affected  NUMBER(10) NOT NULL,
    meters_out       NUMBER(10) NOT NULL,
    parent_id        NUMBER(19),
    closed_by        VARCHAR2(64 CHAR),
    version          NUMBER(10) NOT NULL,
    CONSTRAINT pk_outage PRIMARY KEY (id),
    CONSTRAINT fk_outage_parent FOREIGN KEY (parent_id) REFERENCES outage (id),
    CONSTRAINT ck_outage_level CHECK (outage_level IN ('TRANSFORMER', 'FEEDER')),
    CONSTRAINT ck_outage_state CHECK (state IN ('OPEN', 'PARTIALLY_RESTORED', 'RESTORED'))
);
CREATE INDEX ix_outage_state ON outage (state, started_at);
CREATE INDEX ix_outage_device ON outage (feeder, transformer, state);
COMMENT ON TABLE outage IS 'An outage of a transformer or a feeder, opened when enough of its meters sent last gasp, restored when all of them are back (or closed by an operator).';
COMMENT ON COLUMN outage.started_at IS 'The earliest last gasp of its meters.';
COMMENT ON COLUMN outage.detected_at IS 'When the detector opened it.';
COMMENT ON COLUMN outage.meters_served IS 'Electric usage points behind the transformer or on the feeder when it opened.';
COMMENT ON COLUMN outage.meters_affected IS 'Usage points that were out in it at any time.';
COMMENT ON COLUMN outage.meters_out IS 'Usage points still out.';
COMMENT ON COLUMN outage.parent_id IS 'The feeder outage a transformer outage became part of.';
COMMENT ON COLUMN outage.closed_by IS 'The operator who closed it before every meter reported power back; NULL when the meters did.';
COMMENT ON COLUMN outage.version IS '1 when opened, +1 with every change published.';

CREATE TABLE outage_meter (
    outage_id       NUMBER(19) NOT NULL,
    usage_point_id  NUMBER(19) NOT NULL,
    off_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    on_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_outage_meter PRIMARY KEY (outage_id, usage_point_id),
    CONSTRAINT fk_outage_meter_outage FOREIGN KEY (outage_id) REFERENCES outage (id),
    CONSTRAINT fk_outage_meter_up FOREIGN KEY (usage_point_id) REFERENCES usage_point (id)
);
CREATE INDEX ix_outage_meter_up ON outage_meter (usage_point_id);
COMMENT ON TABLE outage_meter IS 'The usage points out in an outage: since their last gasp, until their power restore (on_at NULL while out).';

-- What was published about outages: one notice per change, delivered to the JMS topic and the webhook.
CREATE TABLE outage_notice (
    id               NUMBER(19) NOT NULL,
    outage_id        NUMBER(19) NOT NULL,
    outage_version   NUMBER(10) NOT NULL,
    kind             VARCHAR2(16 CHAR) NOT NULL,
    payload          VARCHAR2(4000 CHAR) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    topic_at         TIMESTAMP WITH TIME ZONE,
    webhook_status   VARCHAR2(16 CHAR) NOT NULL,
    webhook_at       TIMESTAMP WITH TIME ZONE,
    attempts         NUMBER(10) NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR2(1000 CHAR),
    CONSTRAINT pk_outage_notice PRIMARY KEY (id),
    CONSTRAINT fk_outage_notice_outage FOREIGN KEY (outage_id) REFERENCES outage (id),
    CONSTRAINT ck_outage_notice_kind CHECK (kind IN ('OPENED', 'UPDATED', 'RESTORED')),
    CONSTRAINT ck_outage_notice_webhook CHECK (webhook_status IN ('PENDING', 'DELIVERED', 'FAILED', 'NONE'))
);
CREATE INDEX ix_outage_notice_outage ON outage_notice (outage_id, id);
CREATE INDEX ix_outage_notice_due ON outage_notice (next_attempt_at);
COMMENT ON TABLE outage_notice IS 'Each outage opened, updated or restored, as published to the OMS (JMS topic mdms.outages and the webhook), with what was delivered when.';
COMMENT ON COLUMN outage_notice.payload IS 'The JSON document sent.';
COMMENT ON COLUMN outage_notice.topic_at IS 'When it was sent to the JMS topic; NULL until then.';
COMMENT ON COLUMN outage_notice.webhook_status IS 'PENDING until the webhook answered 2xx (DELIVERED), FAILED after the last retry, NONE when no webhook was configured.';
COMMENT ON COLUMN outage_notice.next_attempt_at IS 'When the publisher tries again; NULL when nothing is left to deliver.';
