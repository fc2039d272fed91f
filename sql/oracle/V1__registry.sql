-- Oracle 23ai. Reviewed, not executed on our machines.
--
-- Registry master data (DOMAIN.md §2): meters, usage points, installation history, channels.
-- The Oracle twin of sql/common/V1__registry.sql (same tables, columns, constraint and index names),
-- written for Oracle Database 23ai / Oracle Database Free, which Flyway runs instead of common/.
-- Types follow what Hibernate 6.6 expects on Oracle when it validates the entities:
--   Long -> NUMBER(19), Integer -> NUMBER(10), BigDecimal(p,s) -> NUMBER(p,s),
--   String(n) -> VARCHAR2(n CHAR), Instant -> TIMESTAMP WITH TIME ZONE, boolean -> BOOLEAN (23ai).
-- Identifiers come from sequences with an increment of 50 so that Hibernate can batch inserts
-- during registry imports (allocationSize = 50 on the entities).

CREATE SEQUENCE meter_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE usage_point_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE meter_installation_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE channel_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE meter (
    id              NUMBER(19)         NOT NULL,
    serial_number   VARCHAR2(64 CHAR)  NOT NULL,
    manufacturer    VARCHAR2(100 CHAR),
    model           VARCHAR2(100 CHAR),
    commodity       VARCHAR2(16 CHAR)  NOT NULL,
    multiplier      NUMBER(12,6)       NOT NULL,
    firmware        VARCHAR2(64 CHAR),
    head_end_id     VARCHAR2(64 CHAR),
    status          VARCHAR2(16 CHAR)  NOT NULL,
    version         NUMBER(19)         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_meter PRIMARY KEY (id),
    CONSTRAINT uq_meter_serial UNIQUE (serial_number),
    CONSTRAINT ck_meter_commodity CHECK (commodity IN ('ELECTRIC', 'GAS', 'WATER', 'HEAT')),
    CONSTRAINT ck_meter_status CHECK (status IN ('IN_STOCK', 'INSTALLED', 'REMOVED', 'RETIRED')),
    CONSTRAINT ck_meter_multiplier CHECK (multiplier > 0)
);
COMMENT ON TABLE meter IS 'A physical meter, identified by its serial number; it serves usage points through meter_installation.';
COMMENT ON COLUMN meter.serial_number IS 'Serial number as the head-end reports it (CMEP MeterID, NEM12 meter serial, LCL id).';
COMMENT ON COLUMN meter.multiplier IS 'CT/PT ratio of the meter; raw register values times this give engineering units.';
COMMENT ON COLUMN meter.head_end_id IS 'The head-end system (HES / MDC) that reads this meter.';
COMMENT ON COLUMN meter.status IS 'IN_STOCK before its first installation, INSTALLED while it serves a usage point, REMOVED after, RETIRED when scrapped.';

CREATE TABLE usage_point (
    id              NUMBER(19)         NOT NULL,
    code            VARCHAR2(64 CHAR)  NOT NULL,
    commodity       VARCHAR2(16 CHAR)  NOT NULL,
    customer_class  VARCHAR2(16 CHAR)  NOT NULL,
    time_zone       VARCHAR2(64 CHAR)  NOT NULL,
    account_id      VARCHAR2(64 CHAR),
    premise_address VARCHAR2(255 CHAR),
    feeder          VARCHAR2(64 CHAR),
    transformer     VARCHAR2(64 CHAR),
    latitude        NUMBER(9,6),
    longitude       NUMBER(9,6),
    version         NUMBER(19)         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_usage_point PRIMARY KEY (id),
    CONSTRAINT uq_usage_point_code UNIQUE (code),
    CONSTRAINT ck_usage_point_commodity CHECK (commodity IN ('ELECTRIC', 'GAS', 'WATER', 'HEAT')),
    CONSTRAINT ck_usage_point_class CHECK (customer_class IN ('RESIDENTIAL', 'COMMERCIAL', 'INDUSTRIAL')),
    CONSTRAINT ck_usage_point_lat CHECK (latitude BETWEEN -90 AND 90),
    CONSTRAINT ck_usage_point_lon CHECK (longitude BETWEEN -180 AND 180)
);
CREATE INDEX ix_usage_point_account ON usage_point (account_id);
CREATE INDEX ix_usage_point_feeder ON usage_point (feeder, transformer);
COMMENT ON TABLE usage_point IS 'Service point where a commodity is delivered; reads, VEE and billing attach to it, not to the meter.';
COMMENT ON COLUMN usage_point.code IS 'The usage point identifier shared with the CIS (service point id, NMI, MPAN).';
COMMENT ON COLUMN usage_point.time_zone IS 'IANA zone of the premise: local days, TOU periods and billing periods are evaluated in it.';
COMMENT ON COLUMN usage_point.account_id IS 'Current customer account in the CIS.';
COMMENT ON COLUMN usage_point.feeder IS 'Distribution feeder, for outage grouping.';
COMMENT ON COLUMN usage_point.transformer IS 'Distribution transformer, for outage grouping.';

CREATE TABLE meter_installation (
    id              NUMBER(19) NOT NULL,
    meter_id        NUMBER(19) NOT NULL,
    usage_point_id  NUMBER(19) NOT NULL,
    installed_from  TIMESTAMP WITH TIME ZONE NOT NULL,
    installed_to    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_meter_installation PRIMARY KEY (id),
    CONSTRAINT fk_installation_meter FOREIGN KEY (meter_id) REFERENCES meter (id),
    CONSTRAINT fk_installation_usage_point FOREIGN KEY (usage_point_id) REFERENCES usage_point (id),
    CONSTRAINT ck_installation_span CHECK (installed_to IS NULL OR installed_to > installed_from)
);
CREATE INDEX ix_installation_meter ON meter_installation (meter_id, installed_from);
CREATE INDEX ix_installation_usage_point ON meter_installation (usage_point_id, installed_from);
COMMENT ON TABLE meter_installation IS 'Which meter served which usage point over [installed_from, installed_to); spans of one meter or one usage point never overlap.';
COMMENT ON COLUMN meter_installation.installed_to IS 'End of the installation (exclusive); NULL while the meter is still installed.';

-- Unlike PostgreSQL and H2, Oracle treats two rows of a composite unique key as duplicates when
-- their non-NULL columns are equal and the others are NULL: here uq_channel_reading_type also
-- refuses a second register channel (interval_minutes NULL) of the same unit and direction.
CREATE TABLE channel (
    id               NUMBER(19)        NOT NULL,
    usage_point_id   NUMBER(19)        NOT NULL,
    unit             VARCHAR2(16 CHAR) NOT NULL,
    interval_minutes NUMBER(10),
    flow_direction   VARCHAR2(16 CHAR) NOT NULL,
    multiplier       NUMBER(12,6)      NOT NULL,
    version          NUMBER(19)        NOT NULL,
    CONSTRAINT pk_channel PRIMARY KEY (id),
    CONSTRAINT fk_channel_usage_point FOREIGN KEY (usage_point_id) REFERENCES usage_point (id),
    CONSTRAINT uq_channel_reading_type UNIQUE (usage_point_id, unit, interval_minutes, flow_direction),
    CONSTRAINT ck_channel_interval CHECK (interval_minutes IS NULL OR interval_minutes IN (1, 5, 10, 15, 30, 60)),
    CONSTRAINT ck_channel_flow CHECK (flow_direction IN ('DELIVERED', 'RECEIVED', 'NET')),
    CONSTRAINT ck_channel_multiplier CHECK (multiplier > 0)
);
COMMENT ON TABLE channel IS 'A usage point times a reading type: the series that interval and register reads belong to.';
COMMENT ON COLUMN channel.unit IS 'Engineering unit of stored values (KWH, KW, KVARH, M3, ...).';
COMMENT ON COLUMN channel.interval_minutes IS 'Interval length in minutes; NULL for a register (cumulative) channel.';
COMMENT ON COLUMN channel.multiplier IS 'Multiplier applied to raw values before they are stored.';
