-- Oracle 23ai. Reviewed, not executed on our machines.
-- Twin of sql/common/V13__tou_and_billing_determinants.sql (BOOLEAN is a column type from Oracle 23ai on).
-- tou_calendar_interval.interval_start and usage_point_account.valid_from are in primary keys, where
-- Oracle refuses TIMESTAMP WITH TIME ZONE (ORA-02329): they hold UTC as plain TIMESTAMP, as V7 does.
CREATE SEQUENCE holiday_calendar_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE tou_schedule_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE cpp_event_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE billing_cycle_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE billing_determinant_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE billing_run_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE holiday_calendar (
    id          NUMBER(19)        NOT NULL,
    code        VARCHAR2(64 CHAR)   NOT NULL,
    name        VARCHAR2(255 CHAR)  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR2(64 CHAR)   NOT NULL,
    version     NUMBER(19)        NOT NULL,
    CONSTRAINT pk_holiday_calendar PRIMARY KEY (id),
    CONSTRAINT uq_holiday_calendar_code UNIQUE (code)
);
COMMENT ON TABLE holiday_calendar IS 'A calendar of public holidays: like-day estimation treats them as Sundays, TOU schedules give them their holiday periods.';

CREATE TABLE holiday (
    calendar_id   NUMBER(19)       NOT NULL,
    holiday_date  DATE         NOT NULL,
    name          VARCHAR2(128 CHAR) NOT NULL,
    CONSTRAINT pk_holiday PRIMARY KEY (calendar_id, holiday_date),
    CONSTRAINT fk_holiday_calendar FOREIGN KEY (calendar_id) REFERENCES holiday_calendar (id)
);
COMMENT ON TABLE holiday IS 'One public holiday of a calendar, a local date.';

CREATE TABLE tou_schedule (
    id                         NUMBER(19)        NOT NULL,
    code                       VARCHAR2(64 CHAR)   NOT NULL,
    name                       VARCHAR2(255 CHAR)  NOT NULL,
    kind                       VARCHAR2(16 CHAR)   NOT NULL,
    holiday_calendar_id        NUMBER(19),
    holidays_as_sunday         BOOLEAN       NOT NULL,
    demand_window_minutes      NUMBER(10),
    calendar_interval_minutes  NUMBER(10),
    price_unit                 VARCHAR2(16 CHAR),
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by                 VARCHAR2(64 CHAR)   NOT NULL,
    version                    NUMBER(19)        NOT NULL,
    CONSTRAINT pk_tou_schedule PRIMARY KEY (id),
    CONSTRAINT uq_tou_schedule_code UNIQUE (code),
    CONSTRAINT ck_tou_schedule_kind CHECK (kind IN ('SEASONAL', 'CALENDAR')),
    CONSTRAINT fk_tou_schedule_holidays FOREIGN KEY (holiday_calendar_id) REFERENCES holiday_calendar (id)
);
COMMENT ON TABLE tou_schedule IS 'A TOU schedule: SEASONAL (seasons, day types, local-time periods) or CALENDAR (the period of every interval published in advance).';
COMMENT ON COLUMN tou_schedule.demand_window_minutes IS 'Block demand window (e.g. 30 over 15-minute data); NULL: the channel interval.';
COMMENT ON COLUMN tou_schedule.price_unit IS 'Unit of the prices in tou_price, e.g. p/kWh; NULL when the schedule has no prices.';

CREATE TABLE tou_season (
    schedule_id  NUMBER(19)       NOT NULL,
    position     NUMBER(10)      NOT NULL,
    name         VARCHAR2(64 CHAR)  NOT NULL,
    start_day    VARCHAR2(5 CHAR)   NOT NULL,
    end_day      VARCHAR2(5 CHAR)   NOT NULL,
    CONSTRAINT pk_tou_season PRIMARY KEY (schedule_id, position),
    CONSTRAINT fk_tou_season_schedule FOREIGN KEY (schedule_id) REFERENCES tou_schedule (id)
);
COMMENT ON TABLE tou_season IS 'A season of a SEASONAL schedule: month-days [start_day, end_day) as MM-DD, wrapping the year end when start_day is later.';

CREATE TABLE tou_day_period (
    schedule_id      NUMBER(19)       NOT NULL,
    season_position  NUMBER(10)      NOT NULL,
    day_type         VARCHAR2(16 CHAR)  NOT NULL,
    start_time       VARCHAR2(5 CHAR)   NOT NULL,
    end_time         VARCHAR2(5 CHAR)   NOT NULL,
    period           VARCHAR2(64 CHAR)  NOT NULL,
    CONSTRAINT pk_tou_day_period PRIMARY KEY (schedule_id, season_position, day_type, start_time),
    CONSTRAINT fk_tou_day_period_season FOREIGN KEY (schedule_id, season_position) REFERENCES tou_season (schedule_id, position),
    CONSTRAINT ck_tou_day_period_day_type CHECK (day_type IN ('WEEKDAY', 'SATURDAY', 'SUNDAY', 'HOLIDAY'))
);
COMMENT ON TABLE tou_day_period IS 'A named TOU period of a season and day type: local times [start_time, end_time) as HH:MM, 24:00 for the end of the day.';

CREATE TABLE tou_price (
    schedule_id    NUMBER(19)         NOT NULL,
    period         VARCHAR2(64 CHAR)    NOT NULL,
    price_per_kwh  NUMBER(12,4)  NOT NULL,
    CONSTRAINT pk_tou_price PRIMARY KEY (schedule_id, period),
    CONSTRAINT fk_tou_price_schedule FOREIGN KEY (schedule_id) REFERENCES tou_schedule (id)
);
COMMENT ON TABLE tou_price IS 'Energy price of a TOU period, in the schedule price_unit.';

CREATE TABLE tou_calendar_interval (
    schedule_id     NUMBER(19)       NOT NULL,
    interval_start  TIMESTAMP     NOT NULL,
    period          VARCHAR2(64 CHAR)  NOT NULL,
    CONSTRAINT pk_tou_calendar_interval PRIMARY KEY (schedule_id, interval_start),
    CONSTRAINT fk_tou_calendar_interval_schedule FOREIGN KEY (schedule_id) REFERENCES tou_schedule (id)
);
COMMENT ON TABLE tou_calendar_interval IS 'The published period of one interval of a CALENDAR schedule, by the instant the interval starts.';

CREATE TABLE cpp_event (
    id           NUMBER(19)        NOT NULL,
    schedule_id  NUMBER(19)        NOT NULL,
    starts_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    name         VARCHAR2(128 CHAR)  NOT NULL,
    CONSTRAINT pk_cpp_event PRIMARY KEY (id),
    CONSTRAINT fk_cpp_event_schedule FOREIGN KEY (schedule_id) REFERENCES tou_schedule (id),
    CONSTRAINT ck_cpp_event_span CHECK (ends_at > starts_at)
);
COMMENT ON TABLE cpp_event IS 'A critical-peak event of a schedule: intervals starting in [starts_at, ends_at) count as CPP kWh.';

CREATE TABLE billing_cycle (
    id          NUMBER(19)        NOT NULL,
    code        VARCHAR2(64 CHAR)   NOT NULL,
    name        VARCHAR2(255 CHAR)  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR2(64 CHAR)   NOT NULL,
    version     NUMBER(19)        NOT NULL,
    CONSTRAINT pk_billing_cycle PRIMARY KEY (id),
    CONSTRAINT uq_billing_cycle_code UNIQUE (code)
);
COMMENT ON TABLE billing_cycle IS 'A billing cycle: its usage points are read and billed on the same read dates.';

CREATE TABLE billing_cycle_read_date (
    cycle_id   NUMBER(19)  NOT NULL,
    read_date  DATE    NOT NULL,
    CONSTRAINT pk_billing_cycle_read_date PRIMARY KEY (cycle_id, read_date),
    CONSTRAINT fk_billing_cycle_read_date_cycle FOREIGN KEY (cycle_id) REFERENCES billing_cycle (id)
);
COMMENT ON TABLE billing_cycle_read_date IS 'A read date of a cycle: a billing period runs from one read date to the next, [start, end) in local dates.';

ALTER TABLE usage_point ADD tou_schedule_id NUMBER(19);
ALTER TABLE usage_point ADD billing_cycle_id NUMBER(19);
ALTER TABLE usage_point ADD CONSTRAINT fk_usage_point_tou_schedule FOREIGN KEY (tou_schedule_id) REFERENCES tou_schedule (id);
ALTER TABLE usage_point ADD CONSTRAINT fk_usage_point_billing_cycle FOREIGN KEY (billing_cycle_id) REFERENCES billing_cycle (id);
CREATE INDEX ix_usage_point_billing_cycle ON usage_point (billing_cycle_id);

CREATE TABLE usage_point_account (
    usage_point_id  NUMBER(19)       NOT NULL,
    valid_from      TIMESTAMP     NOT NULL,
    account_id      VARCHAR2(64 CHAR)  NOT NULL,
    CONSTRAINT pk_usage_point_account PRIMARY KEY (usage_point_id, valid_from),
    CONSTRAINT fk_usage_point_account_up FOREIGN KEY (usage_point_id) REFERENCES usage_point (id)
);
COMMENT ON TABLE usage_point_account IS 'Move-in / move-out: from valid_from on, this account holds the usage point (until the next row).';

CREATE TABLE billing_run (
    id              NUMBER(19)        NOT NULL,
    cycle_id        NUMBER(19)        NOT NULL,
    period_start    DATE          NOT NULL,
    period_end      DATE          NOT NULL,
    status          VARCHAR2(16 CHAR)   NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    started_by      VARCHAR2(64 CHAR)   NOT NULL,
    usage_points    NUMBER(10)       NOT NULL,
    done            NUMBER(10)       NOT NULL,
    calculated      NUMBER(10)       NOT NULL,
    unchanged       NUMBER(10)       NOT NULL,
    failed          NUMBER(10)       NOT NULL,
    failure         VARCHAR2(2000 CHAR),
    CONSTRAINT pk_billing_run PRIMARY KEY (id),
    CONSTRAINT fk_billing_run_cycle FOREIGN KEY (cycle_id) REFERENCES billing_cycle (id),
    CONSTRAINT ck_billing_run_status CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED'))
);
COMMENT ON TABLE billing_run IS 'A run of the determinants of a billing cycle for one billing period, with its progress and counts.';

CREATE TABLE billing_determinant (
    id                     NUMBER(19)         NOT NULL,
    usage_point_id         NUMBER(19)         NOT NULL,
    account_id             VARCHAR2(64 CHAR),
    period_start           DATE           NOT NULL,
    period_end             DATE           NOT NULL,
    part_start             TIMESTAMP WITH TIME ZONE NOT NULL,
    part_end               TIMESTAMP WITH TIME ZONE NOT NULL,
    schedule_id            NUMBER(19)         NOT NULL,
    schedule_version       NUMBER(19)         NOT NULL,
    version                NUMBER(10)        NOT NULL,
    calculated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    superseded_at          TIMESTAMP WITH TIME ZONE,
    run_id                 NUMBER(19),
    reason                 VARCHAR2(32 CHAR)    NOT NULL,
    interval_minutes       NUMBER(10)        NOT NULL,
    demand_window_minutes  NUMBER(10)        NOT NULL,
    delivered_kwh          NUMBER(20,3)  NOT NULL,
    received_kwh           NUMBER(20,3)  NOT NULL,
    net_kwh                NUMBER(20,3)  NOT NULL,
    cpp_kwh                NUMBER(20,3)  NOT NULL,
    expected_intervals     NUMBER(10)        NOT NULL,
    present_intervals      NUMBER(10)        NOT NULL,
    estimated_intervals    NUMBER(10)        NOT NULL,
    edited_intervals       NUMBER(10)        NOT NULL,
    unscheduled_intervals  NUMBER(10)        NOT NULL,
    complete               BOOLEAN        NOT NULL,
    is_final               BOOLEAN        NOT NULL,
    cost                   NUMBER(20,2),
    CONSTRAINT pk_billing_determinant PRIMARY KEY (id),
    CONSTRAINT fk_billing_determinant_up FOREIGN KEY (usage_point_id) REFERENCES usage_point (id),
    CONSTRAINT fk_billing_determinant_schedule FOREIGN KEY (schedule_id) REFERENCES tou_schedule (id),
    CONSTRAINT fk_billing_determinant_run FOREIGN KEY (run_id) REFERENCES billing_run (id)
);
CREATE INDEX ix_billing_determinant_up ON billing_determinant (usage_point_id, period_start);
COMMENT ON TABLE billing_determinant IS 'Determinants of one usage point, billing period and account, one row per version; superseded_at NULL marks the current one.';
COMMENT ON COLUMN billing_determinant.reason IS 'Why this version was calculated: FIRST, STALE (reads changed since), ON_DEMAND.';
COMMENT ON COLUMN billing_determinant.is_final IS 'No interval missing and none outside the schedule: ready for billing.';

CREATE TABLE billing_determinant_period (
    determinant_id  NUMBER(19)         NOT NULL,
    period          VARCHAR2(64 CHAR)    NOT NULL,
    delivered_kwh   NUMBER(20,3)  NOT NULL,
    received_kwh    NUMBER(20,3)  NOT NULL,
    max_kw          NUMBER(20,3),
    max_kw_start    TIMESTAMP WITH TIME ZONE,
    max_kw_end      TIMESTAMP WITH TIME ZONE,
    cost            NUMBER(20,2),
    CONSTRAINT pk_billing_determinant_period PRIMARY KEY (determinant_id, period),
    CONSTRAINT fk_billing_determinant_period FOREIGN KEY (determinant_id) REFERENCES billing_determinant (id)
);
COMMENT ON TABLE billing_determinant_period IS 'kWh and maximum demand of one TOU period within a determinant version.';
