package org.openmdms.vee.control.rules;

import org.openmdms.vee.control.ParameterSpec;
import org.openmdms.vee.control.ParameterType;
import org.openmdms.vee.control.RuleParameters;
import org.openmdms.vee.control.Severity;

/**
 * The {@code severity} parameter every rule has: how urgently its findings need an analyst, with a
 * default chosen per rule and overridable per rule set.
 */
final class RuleSeverity {

    static final String NAME = "severity";

    private RuleSeverity() {
    }

    static ParameterSpec parameter(Severity byDefault) {
        return new ParameterSpec(NAME, ParameterType.SEVERITY, byDefault.name(),
                "severity of the findings: INFO, WARNING or ERROR");
    }

    static Severity of(RuleParameters parameters) {
        return parameters.severity(NAME);
    }
}
