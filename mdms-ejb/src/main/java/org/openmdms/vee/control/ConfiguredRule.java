package org.openmdms.vee.control;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rule as a rule set uses it: the rule with the parameter values the set gives it (the others keep
 * their defaults). The values are checked against the rule's parameters when it is made, and read
 * into {@link RuleParameters} once: a worker pass checks every channel with the same configured rules,
 * and making the parameters per check cost as much as some rules. Immutable.
 */
public final class ConfiguredRule {

    private final ValidationRule rule;
    private final Map<String, String> values;
    private final RuleParameters parameters;

    public ConfiguredRule(ValidationRule rule, Map<String, String> values) {
        RuleParameters.check(rule.parameters(), values);
        this.rule = rule;
        this.values = Map.copyOf(values);
        this.parameters = new RuleParameters(rule.parameters(), this.values);
    }

    public ValidationRule rule() {
        return rule;
    }

    public Map<String, String> values() {
        return values;
    }

    public RuleParameters parameters() {
        return parameters;
    }

    public List<Finding> check(VeeContext context) {
        return rule.check(context, parameters);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfiguredRule other && rule.equals(other.rule) && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, values);
    }

    @Override
    public String toString() {
        return "ConfiguredRule[rule=" + rule + ", values=" + values + "]";
    }
}
