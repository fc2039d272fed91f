-- Application users (read by the WildFly Elytron jdbc-realm, see mdms-ear/src/main/wildfly/security.cli)
-- and the audit trail of registry and user changes.

CREATE SEQUENCE audit_entry_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE app_user (
    username            VARCHAR(64)  NOT NULL,
    full_name           VARCHAR(128),
    email               VARCHAR(128),
    password_hash       VARCHAR(255) NOT NULL,
    enabled             BOOLEAN      NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT       NOT NULL,
    CONSTRAINT pk_app_user PRIMARY KEY (username)
);
COMMENT ON TABLE app_user IS 'People who sign in to the MDMS; the security realm reads it directly.';
COMMENT ON COLUMN app_user.password_hash IS 'bcrypt hash in modular crypt format ($2a$...), never the password.';
COMMENT ON COLUMN app_user.enabled IS 'A disabled user cannot sign in; users are never deleted so the audit trail keeps its actors.';

CREATE TABLE app_user_role (
    username   VARCHAR(64) NOT NULL,
    role_name  VARCHAR(16) NOT NULL,
    CONSTRAINT pk_app_user_role PRIMARY KEY (username, role_name),
    CONSTRAINT fk_app_user_role_user FOREIGN KEY (username) REFERENCES app_user (username),
    CONSTRAINT ck_app_user_role_name CHECK (role_name IN ('analyst', 'admin', 'auditor'))
);
COMMENT ON TABLE app_user_role IS 'Roles granted to a user: analyst, admin, auditor.';

CREATE TABLE audit_entry (
    id            BIGINT        NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(64)   NOT NULL,
    action        VARCHAR(32)   NOT NULL,
    subject_type  VARCHAR(32)   NOT NULL,
    subject_key   VARCHAR(128)  NOT NULL,
    before_state  VARCHAR(4000),
    after_state   VARCHAR(4000),
    CONSTRAINT pk_audit_entry PRIMARY KEY (id)
);
CREATE INDEX ix_audit_subject ON audit_entry (subject_type, subject_key, recorded_at);
CREATE INDEX ix_audit_recorded ON audit_entry (recorded_at);
COMMENT ON TABLE audit_entry IS 'Who changed what and when, with the state before and after (JSON); rows are only ever inserted.';
COMMENT ON COLUMN audit_entry.subject_type IS 'METER, USAGE_POINT, CHANNEL, INSTALLATION, USER, REGISTRY_IMPORT.';
COMMENT ON COLUMN audit_entry.subject_key IS 'Natural key of the subject: serial number, usage point code, username.';
