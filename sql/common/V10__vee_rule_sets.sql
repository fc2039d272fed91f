-- VEE rule sets: which validation rules apply, with which parameters, to the usage points of a
-- commodity (and customer class, or every class when NULL). Administrators change them in the UI;
-- every change is audited (before and after) and raises the version. A change applies to the data
-- VEE judges from then on: it never rewrites exceptions already raised unless an analyst re-runs VEE.
CREATE SEQUENCE vee_rule_set_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE vee_rule_set (
    id              BIGINT        NOT NULL,
    name            VARCHAR(64)   NOT NULL,
    commodity       VARCHAR(16)   NOT NULL,
    customer_class  VARCHAR(16),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(64)   NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT pk_vee_rule_set PRIMARY KEY (id),
    CONSTRAINT uq_vee_rule_set_name UNIQUE (name),
    CONSTRAINT ck_vee_rule_set_commodity CHECK (commodity IN ('ELECTRIC', 'GAS', 'WATER', 'HEAT')),
    CONSTRAINT ck_vee_rule_set_class CHECK (customer_class IN ('RESIDENTIAL', 'COMMERCIAL', 'INDUSTRIAL'))
);
COMMENT ON TABLE vee_rule_set IS 'VEE rule sets by commodity and customer class (NULL: every class of the commodity).';

CREATE TABLE vee_rule_setting (
    rule_set_id  BIGINT        NOT NULL,
    rule_id      VARCHAR(40)   NOT NULL,
    enabled      BOOLEAN       NOT NULL,
    parameters   VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_vee_rule_setting PRIMARY KEY (rule_set_id, rule_id),
    CONSTRAINT fk_vee_rule_setting_set FOREIGN KEY (rule_set_id) REFERENCES vee_rule_set (id)
);
COMMENT ON TABLE vee_rule_setting IS 'One rule of a rule set: enabled or not, and its parameter values (JSON object of parameter name and value; absent: the default).';
