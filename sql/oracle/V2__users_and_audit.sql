-- Oracle 23ai. Reviewed, not executed on our machines.
--
-- Application users (read by the WildFly Elytron jdbc-realm, see mdms-ear/src/main/wildfly/security.cli)
-- and the audit trail of registry and user changes. The Oracle twin of sql/common/V2__users_and_audit.sql.
-- app_user.enabled is a SQL BOOLEAN, which Oracle has since 23ai (Hibernate 6.6 maps boolean to it on
-- Oracle 23 and later); the realm's query "... AND enabled = TRUE" needs it too.

CREATE SEQUENCE audit_entry_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE app_user (
    username            VARCHAR2(64 CHAR)  NOT NULL,
    full_name           VARCHAR2(128 CHAR),
    email               VARCHAR2(128 CHAR),
    password_hash       VARCHAR2(255 CHAR) NOT NULL,
    enabled             BOOLEAN            NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version             NUMBER(19)         NOT NULL,
    CONSTRAINT pk_app_user PRIMARY KEY (username)
);
COMMENT ON TABLE app_user IS 'People who sign in to the MDMS; the security realm reads it directly.';
COMMENT ON COLUMN app_user.password_hash IS 'bcrypt hash in modular crypt format ($2a$...), never the password.';
COMMENT ON COLUMN app_user.enabled IS 'A disabled user cannot sign in; users are never deleted so the audit trail keeps its actors.';

CREATE TABLE app_user_role (
    username   VARCHAR2(64 CHAR) NOT NULL,
    role_name  VARCHAR2(16 CHAR) NOT NULL,
    CONSTRAINT pk_app_user_role PRIMARY KEY (username, role_name),
    CONSTRAINT fk_app_user_role_user FOREIGN KEY (username) REFERENCES app_user (username),
    CONSTRAINT ck_app_user_role_name CHECK (role_name IN ('analyst', 'admin', 'auditor'))
);
COMMENT ON TABLE app_user_role IS 'Roles granted to a user: analyst, admin, auditor.';

-- before_state / after_state: AuditEntry clips the JSON to 4000 characters. With the default
-- MAX_STRING_SIZE = STANDARD a VARCHAR2 still holds at most 4000 bytes whatever its CHAR length, so
-- a state near 4000 characters with non-ASCII text (addresses, the clip mark) can exceed it
-- (ORA-12899); databases with MAX_STRING_SIZE = EXTENDED hold the full 4000 characters.
CREATE TABLE audit_entry (
    id            NUMBER(19)          NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR2(64 CHAR)   NOT NULL,
    action        VARCHAR2(32 CHAR)   NOT NULL,
    subject_type  VARCHAR2(32 CHAR)   NOT NULL,
    subject_key   VARCHAR2(128 CHAR)  NOT NULL,
    before_state  VARCHAR2(4000 CHAR),
    after_state   VARCHAR2(4000 CHAR),
    CONSTRAINT pk_audit_entry PRIMARY KEY (id)
);
CREATE INDEX ix_audit_subject ON audit_entry (subject_type, subject_key, recorded_at);
CREATE INDEX ix_audit_recorded ON audit_entry (recorded_at);
COMMENT ON TABLE audit_entry IS 'Who changed what and when, with the state before and after (JSON); rows are only ever inserted.';
COMMENT ON COLUMN audit_entry.subject_type IS 'METER, USAGE_POINT, CHANNEL, INSTALLATION, USER, REGISTRY_IMPORT.';
COMMENT ON COLUMN audit_entry.subject_key IS 'Natural key of the subject: serial number, usage point code, username.';
