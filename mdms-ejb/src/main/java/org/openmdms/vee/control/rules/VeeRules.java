package org.openmdms.vee.control.rules;

import java.util.List;
import org.openmdms.vee.control.ValidationRule;

/**
 * The catalogue of validation rules, in the order of DOMAIN.md §4 and docs/vee-rules.md, which is
 * also the order a rule set runs them in. Rules are stateless; the catalogue holds one of each.
 */
public final class VeeRules {

    private static final List<ValidationRule> ALL = List.of(new MissingIntervalsRule(), new TimeToleranceRule(),
            new SpikeRule(), new HighLowUsageRule(), new ZeroConsumptionRule(), new UsageOnInactiveRule(),
            new NegativeConsumptionRule(), new SumCheckRule(), new MaxDemandRule(), new FlatLineRule(),
            new OutageFlagRule(), new MultiplierUomRule());

    private VeeRules() {
    }

    /** Every rule, in documented order. */
    public static List<ValidationRule> all() {
        return ALL;
    }

    /** The rule with this id; an unknown id is refused. */
    public static ValidationRule byId(String id) {
        return ALL.stream().filter(rule -> rule.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown VEE rule '" + id + "'"));
    }
}
