package org.openmdms.vee.control;

/** A rule as a rule set applies it: with its parameter values. */
public record ConfiguredRule(ValidationRule rule, RuleParameters parameters) {

    public static ConfiguredRule withDefaults(ValidationRule rule) {
        return new ConfiguredRule(rule, RuleParameters.defaults(rule.parameters()));
    }

    public java.util.List<Finding> check(VeeContext context) {
        return rule.check(context, parameters);
    }
}
