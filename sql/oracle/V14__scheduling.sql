-- Oracle 23ai. Reviewed, not executed on our machines.
-- Scheduling (issue 6): Quartz's JDBC job store, clustered, in the application's database, and
-- the history of every run of a scheduled job. The Quartz tables are Quartz 2.5.2's own
-- (tables_postgres.sql, tables_h2.sql, tables_oracle23.sql: same tables, columns and indexes) with
-- named constraints and comments; Quartz reads and writes them itself (docs/scheduling.md).
CREATE SEQUENCE job_run_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE qrtz_job_details (
    sched_name         VARCHAR2(120 CHAR) NOT NULL,
    job_name           VARCHAR2(200 CHAR) NOT NULL,
    job_group          VARCHAR2(200 CHAR) NOT NULL,
    description        VARCHAR2(250 CHAR),
    job_class_name     VARCHAR2(250 CHAR) NOT NULL,
    is_durable         BOOLEAN NOT NULL,
    is_nonconcurrent   BOOLEAN NOT NULL,
    is_update_data     BOOLEAN NOT NULL,
    requests_recovery  BOOLEAN NOT NULL,
    job_data           BLOB,
    CONSTRAINT pk_qrtz_job_details PRIMARY KEY (sched_name, job_name, job_group)
);
COMMENT ON TABLE qrtz_job_details IS 'A Quartz job: its class, whether it is durable, and whether a run interrupted by a node''s death is run again (requests_recovery).';

CREATE TABLE qrtz_triggers (
    sched_name      VARCHAR2(120 CHAR) NOT NULL,
    trigger_name    VARCHAR2(200 CHAR) NOT NULL,
    trigger_group   VARCHAR2(200 CHAR) NOT NULL,
    job_name        VARCHAR2(200 CHAR) NOT NULL,
    job_group       VARCHAR2(200 CHAR) NOT NULL,
    description     VARCHAR2(250 CHAR),
    next_fire_time  NUMBER(19),
    prev_fire_time  NUMBER(19),
    priority        NUMBER(10),
    trigger_state   VARCHAR2(16 CHAR) NOT NULL,
    trigger_type    VARCHAR2(8 CHAR) NOT NULL,
    start_time      NUMBER(19) NOT NULL,
    end_time        NUMBER(19),
    calendar_name   VARCHAR2(200 CHAR),
    misfire_instr   NUMBER(5),
    job_data        BLOB,
    CONSTRAINT pk_qrtz_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
    CONSTRAINT fk_qrtz_triggers_job FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group)
);
COMMENT ON TABLE qrtz_triggers IS 'A Quartz trigger of a job: its state (WAITING, PAUSED, ACQUIRED, ...) and next fire time in epoch milliseconds.';

CREATE TABLE qrtz_simple_triggers (
    sched_name       VARCHAR2(120 CHAR) NOT NULL,
    trigger_name     VARCHAR2(200 CHAR) NOT NULL,
    trigger_group    VARCHAR2(200 CHAR) NOT NULL,
    repeat_count     NUMBER(19) NOT NULL,
    repeat_interval  NUMBER(19) NOT NULL,
    times_triggered  NUMBER(19) NOT NULL,
    CONSTRAINT pk_qrtz_simple_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
    CONSTRAINT fk_qrtz_simple_triggers FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group)
);
COMMENT ON TABLE qrtz_simple_triggers IS 'Quartz: the repeat count and interval of a simple trigger (run-now and retries).';

CREATE TABLE qrtz_cron_triggers (
    sched_name       VARCHAR2(120 CHAR) NOT NULL,
    trigger_name     VARCHAR2(200 CHAR) NOT NULL,
    trigger_group    VARCHAR2(200 CHAR) NOT NULL,
    cron_expression  VARCHAR2(120 CHAR) NOT NULL,
    time_zone_id     VARCHAR2(80 CHAR),
    CONSTRAINT pk_qrtz_cron_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
    CONSTRAINT fk_qrtz_cron_triggers FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group)
);
COMMENT ON TABLE qrtz_cron_triggers IS 'Quartz: the cron expression and time zone of a cron trigger.';

CREATE TABLE qrtz_simprop_triggers (
    sched_name     VARCHAR2(120 CHAR) NOT NULL,
    trigger_name   VARCHAR2(200 CHAR) NOT NULL,
    trigger_group  VARCHAR2(200 CHAR) NOT NULL,
    str_prop_1     VARCHAR2(512 CHAR),
    str_prop_2     VARCHAR2(512 CHAR),
    str_prop_3     VARCHAR2(512 CHAR),
    int_prop_1     NUMBER(10),
    int_prop_2     NUMBER(10),
    long_prop_1    NUMBER(19),
    long_prop_2    NUMBER(19),
    dec_prop_1     NUMBER(13, 4),
    dec_prop_2     NUMBER(13, 4),
    bool_prop_1    BOOLEAN,
    bool_prop_2    BOOLEAN,
    CONSTRAINT pk_qrtz_simprop_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
    CONSTRAINT fk_qrtz_simprop_triggers FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group)
);
COMMENT ON TABLE qrtz_simprop_triggers IS 'Quartz: properties of calendar-interval and daily-time-interval triggers (not used by the MDMS yet).';

CREATE TABLE qrtz_blob_triggers (
    sched_name     VARCHAR2(120 CHAR) NOT NULL,
    trigger_name   VARCHAR2(200 CHAR) NOT NULL,
    trigger_group  VARCHAR2(200 CHAR) NOT NULL,
    blob_data      BLOB,
    CONSTRAINT pk_qrtz_blob_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
    CONSTRAINT fk_qrtz_blob_triggers FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group)
);
COMMENT ON TABLE qrtz_blob_triggers IS 'Quartz: triggers of custom types, serialised (not used by the MDMS).';

CREATE TABLE qrtz_calendars (
    sched_name     VARCHAR2(120 CHAR) NOT NULL,
    calendar_name  VARCHAR2(200 CHAR) NOT NULL,
    calendar       BLOB NOT NULL,
    CONSTRAINT pk_qrtz_calendars PRIMARY KEY (sched_name, calendar_name)
);
COMMENT ON TABLE qrtz_calendars IS 'Quartz calendars (exclusion dates), serialised (not used by the MDMS).';

CREATE TABLE qrtz_paused_trigger_grps (
    sched_name     VARCHAR2(120 CHAR) NOT NULL,
    trigger_group  VARCHAR2(200 CHAR) NOT NULL,
    CONSTRAINT pk_qrtz_paused_trigger_grps PRIMARY KEY (sched_name, trigger_group)
);
COMMENT ON TABLE qrtz_paused_trigger_grps IS 'Quartz: trigger groups paused as a whole.';

CREATE TABLE qrtz_fired_triggers (
    sched_name         VARCHAR2(120 CHAR) NOT NULL,
    entry_id           VARCHAR2(95 CHAR) NOT NULL,
    trigger_name       VARCHAR2(200 CHAR) NOT NULL,
    trigger_group      VARCHAR2(200 CHAR) NOT NULL,
    instance_name      VARCHAR2(200 CHAR) NOT NULL,
    fired_time         NUMBER(19) NOT NULL,
    sched_time         NUMBER(19) NOT NULL,
    priority           NUMBER(10) NOT NULL,
    state              VARCHAR2(16 CHAR) NOT NULL,
    job_name           VARCHAR2(200 CHAR),
    job_group          VARCHAR2(200 CHAR),
    is_nonconcurrent   BOOLEAN,
    requests_recovery  BOOLEAN,
    CONSTRAINT pk_qrtz_fired_triggers PRIMARY KEY (sched_name, entry_id)
);
COMMENT ON TABLE qrtz_fired_triggers IS 'Quartz: triggers fired and jobs running now, with the node (instance_name) that runs them; a dead node''s rows are recovered by another node.';

CREATE TABLE qrtz_scheduler_state (
    sched_name         VARCHAR2(120 CHAR) NOT NULL,
    instance_name      VARCHAR2(200 CHAR) NOT NULL,
    last_checkin_time  NUMBER(19) NOT NULL,
    checkin_interval   NUMBER(19) NOT NULL,
    CONSTRAINT pk_qrtz_scheduler_state PRIMARY KEY (sched_name, instance_name)
);
COMMENT ON TABLE qrtz_scheduler_state IS 'Quartz cluster membership: every node checks in here; a node that stops checking in is declared dead and its jobs recovered.';

CREATE TABLE qrtz_locks (
    sched_name  VARCHAR2(120 CHAR) NOT NULL,
    lock_name   VARCHAR2(40 CHAR) NOT NULL,
    CONSTRAINT pk_qrtz_locks PRIMARY KEY (sched_name, lock_name)
);
COMMENT ON TABLE qrtz_locks IS 'Quartz cluster locks (rows locked with SELECT ... FOR UPDATE), so that one node at a time acquires triggers.';

CREATE INDEX idx_qrtz_j_req_recovery ON qrtz_job_details (sched_name, requests_recovery);
CREATE INDEX idx_qrtz_j_grp ON qrtz_job_details (sched_name, job_group);
CREATE INDEX idx_qrtz_t_j ON qrtz_triggers (sched_name, job_name, job_group);
CREATE INDEX idx_qrtz_t_jg ON qrtz_triggers (sched_name, job_group);
CREATE INDEX idx_qrtz_t_c ON qrtz_triggers (sched_name, calendar_name);
CREATE INDEX idx_qrtz_t_g ON qrtz_triggers (sched_name, trigger_group);
CREATE INDEX idx_qrtz_t_state ON qrtz_triggers (sched_name, trigger_state);
CREATE INDEX idx_qrtz_t_n_state ON qrtz_triggers (sched_name, trigger_name, trigger_group, trigger_state);
CREATE INDEX idx_qrtz_t_n_g_state ON qrtz_triggers (sched_name, trigger_group, trigger_state);
CREATE INDEX idx_qrtz_t_next_fire_time ON qrtz_triggers (sched_name, next_fire_time);
CREATE INDEX idx_qrtz_t_nft_st ON qrtz_triggers (sched_name, trigger_state, next_fire_time);
CREATE INDEX idx_qrtz_t_nft_misfire ON qrtz_triggers (sched_name, misfire_instr, next_fire_time);
CREATE INDEX idx_qrtz_t_nft_st_misfire ON qrtz_triggers (sched_name, misfire_instr, next_fire_time, trigger_state);
CREATE INDEX idx_qrtz_t_nft_st_misfire_grp ON qrtz_triggers (sched_name, misfire_instr, next_fire_time, trigger_group, trigger_state);
CREATE INDEX idx_qrtz_ft_trig_inst_name ON qrtz_fired_triggers (sched_name, instance_name);
CREATE INDEX idx_qrtz_ft_inst_job_req_rcvry ON qrtz_fired_triggers (sched_name, instance_name, requests_recovery);
CREATE INDEX idx_qrtz_ft_j_g ON qrtz_fired_triggers (sched_name, job_name, job_group);
CREATE INDEX idx_qrtz_ft_jg ON qrtz_fired_triggers (sched_name, job_group);
CREATE INDEX idx_qrtz_ft_t_g ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
CREATE INDEX idx_qrtz_ft_tg ON qrtz_fired_triggers (sched_name, trigger_group);

CREATE TABLE job_run (
    id            NUMBER(19) NOT NULL,
    job_name      VARCHAR2(64 CHAR) NOT NULL,
    fire_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    attempt       NUMBER(10) NOT NULL,
    triggered_by  VARCHAR2(64 CHAR) NOT NULL,
    node          VARCHAR2(200 CHAR) NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at      TIMESTAMP WITH TIME ZONE,
    status        VARCHAR2(16 CHAR) NOT NULL,
    records       NUMBER(19),
    files         NUMBER(10),
    error_text    VARCHAR2(4000 CHAR),
    CONSTRAINT pk_job_run PRIMARY KEY (id),
    CONSTRAINT ck_job_run_status CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED'))
);
COMMENT ON TABLE job_run IS 'One run of a scheduled job on one node, written when it starts (RUNNING) and when it ends (SUCCEEDED or FAILED); a retry is a run of its own.';
COMMENT ON COLUMN job_run.job_name IS 'The job (the Quartz job name in group mdms), e.g. billing-nightly.';
COMMENT ON COLUMN job_run.fire_time IS 'When the trigger fired (the scheduled time for cron runs); the same for a run and its retries.';
COMMENT ON COLUMN job_run.attempt IS '1 for the first run of a firing, 2 and more for its retries.';
COMMENT ON COLUMN job_run.triggered_by IS 'What started it: schedule, retry, recovery (a dead node''s run taken over) or the user who pressed run now.';
COMMENT ON COLUMN job_run.node IS 'The Quartz instance id of the node that ran it (host name and start time).';
COMMENT ON COLUMN job_run.records IS 'Records the job handled (its own measure: usage points, months, rows); NULL when it counts none.';
COMMENT ON COLUMN job_run.files IS 'Files the job wrote; NULL when it writes none.';
COMMENT ON COLUMN job_run.error_text IS 'Why a FAILED run failed (the exception chain, shortened to 4000 characters).';
CREATE INDEX idx_job_run_job_started ON job_run (job_name, started_at);
