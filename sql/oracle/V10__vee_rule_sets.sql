-- Oracle 23ai. Reviewed, not executed on our machines.
-- Twin of sql/common/V10__vee_rule_sets.sql (BOOLEAN is a column type from Oracle 23ai on).
CREATE SEQUENCE vee_rule_set_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE vee_rule_set (
    id              NUMBER(19)    NOT NULL,
    name            VARCHAR2(64 CHAR)   NOT NULL,
    commodity       VARCHAR2(16 CHAR)   NOT NULL,
    customer_class  VARCHAR2(16 CHAR),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR2(64 CHAR)   NOT NULL,
    version         NUMBER(19)    NOT NULL,
    CONSTRAINT pk_vee_rule_set PRIMARY KEY (id),
    CONSTRAINT uq_vee_rule_set_name UNIQUE (name),
    CONSTRAINT ck_vee_rule_set_commodity CHECK (commodity IN ('ELECTRIC', 'GAS', 'WATER', 'HEAT')),
    CONSTRAINT ck_vee_rule_set_class CHECK (customer_class IN ('RESIDENTIAL', 'COMMERCIAL', 'INDUSTRIAL'))
);
COMMENT ON TABLE vee_rule_set IS 'VEE rule sets by commodity and customer class (NULL: every class of the commodity).';

CREATE TABLE vee_rule_setting (
    rule_set_id  NUMBER(19)    NOT NULL,
    rule_id      VARCHAR2(40 CHAR)   NOT NULL,
    enabled      BOOLEAN       NOT NULL,
    parameters   VARCHAR2(4000 CHAR) NOT NULL,
    CONSTRAINT pk_vee_rule_setting PRIMARY KEY (rule_set_id, rule_id),
    CONSTRAINT fk_vee_rule_setting_set FOREIGN KEY (rule_set_id) REFERENCES vee_rule_set (id)
);
COMMENT ON TABLE vee_rule_setting IS 'One rule of a rule set: enabled or not, and its parameter values (JSON object of parameter name and value; absent: the default).';
