package org.openmdms.vee.control;

import java.util.List;
import java.util.Map;

/**
 * A rule as a rule set uses it: the rule with the parameter values the set gives it (the others keep
 * their defaults). The values are checked against the rule's parameters when it is made.
 */
public record ConfiguredRule(ValidationRule rule, Map<String, String> values) {

    public ConfiguredRule {
        RuleParameters.check(rule.parameters(), values);
        values = Map.copyOf(values);
    }

    public RuleParameters parameters() {
        return new RuleParameters(rule.parameters(), values);
    }

    public List<Finding> check(VeeContext context) {
        return rule.check(context, parameters());
    }
}
