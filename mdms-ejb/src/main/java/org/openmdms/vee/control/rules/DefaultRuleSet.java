package org.openmdms.vee.control.rules;

import org.openmdms.vee.control.ConfiguredRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;

/**
 * Which rules a usage point gets by default, by commodity and customer class, with which parameter
 * values (docs/vee-rules.md has the table). Every commodity gets the checks of data integrity —
 * missing-intervals, time-tolerance, usage-on-inactive, negative-consumption, sum-check, outage-flag,
 * multiplier-uom. The usage-pattern checks (spike, high-low-usage, zero-consumption, flat-line) are
 * tuned per commodity and class; max-demand is electric only, since the service capacity is in kW.
 * Heat has only the integrity checks until its usage patterns are known. These are starting points
 * an administrator overrides per rule set.
 */
public final class DefaultRuleSet {

    private DefaultRuleSet() {
    }

    /** The rules for a commodity and customer class, in catalogue order, with their parameter values. */
    public static List<ConfiguredRule> of(Commodity commodity, CustomerClass customerClass) {
        Map<String, Map<String, String>> chosen = new LinkedHashMap<>();
        for (String id : List.of(MissingIntervalsRule.ID, TimeToleranceRule.ID, UsageOnInactiveRule.ID,
                NegativeConsumptionRule.ID, SumCheckRule.ID, OutageFlagRule.ID)) {
            chosen.put(id, Map.of());
        }
        switch (commodity) {
            case ELECTRIC -> {
                chosen.put(SpikeRule.ID, pick(customerClass, Map.of(SpikeRule.FACTOR, "8", SpikeRule.FLOOR, "2"),
                        Map.of(SpikeRule.FLOOR, "5"),
                        Map.of(SpikeRule.FACTOR, "10", SpikeRule.FLOOR, "50")));
                chosen.put(HighLowUsageRule.ID, Map.of());
                chosen.put(ZeroConsumptionRule.ID, pick(customerClass, Map.of(), Map.of(),
                        Map.of(ZeroConsumptionRule.MINUTES, "4320")));
                chosen.put(MaxDemandRule.ID, Map.of());
                chosen.put(FlatLineRule.ID, pick(customerClass, Map.of(), Map.of(),
                        Map.of(FlatLineRule.INTERVALS, "48")));
                chosen.put(MultiplierUomRule.ID, ceiling(customerClass, "100", "1000", "100000"));
            }
            case GAS -> {
                chosen.put(SpikeRule.ID, Map.of());
                chosen.put(HighLowUsageRule.ID, weatherBands());
                chosen.put(ZeroConsumptionRule.ID, Map.of(ZeroConsumptionRule.MINUTES, "10080"));
                chosen.put(FlatLineRule.ID, Map.of(FlatLineRule.INTERVALS, "48"));
                chosen.put(MultiplierUomRule.ID, ceiling(customerClass, "100", "1000", "10000"));
            }
            case WATER -> {
                chosen.put(SpikeRule.ID, Map.of(SpikeRule.FACTOR, "10", SpikeRule.FLOOR, "0.5"));
                chosen.put(HighLowUsageRule.ID, weatherBands());
                chosen.put(ZeroConsumptionRule.ID, Map.of(ZeroConsumptionRule.MINUTES, "4320"));
                chosen.put(FlatLineRule.ID, Map.of());
                chosen.put(MultiplierUomRule.ID, ceiling(customerClass, "10", "100", "1000"));
            }
            case HEAT -> chosen.put(MultiplierUomRule.ID, Map.of());
            default -> throw new IllegalStateException(commodity.name());
        }
        return VeeRules.all().stream().filter(rule -> chosen.containsKey(rule.id()))
                .map(rule -> new ConfiguredRule(rule, chosen.get(rule.id()))).toList();
    }

    /** Gas and water use follow the weather and the season: wider bands than electricity. */
    private static Map<String, String> weatherBands() {
        return Map.of(HighLowUsageRule.HIGH, "300", HighLowUsageRule.LOW, "10");
    }

    private static Map<String, String> ceiling(CustomerClass customerClass, String residential, String commercial,
            String industrial) {
        return Map.of(MultiplierUomRule.CEILING, pick(customerClass, residential, commercial, industrial));
    }

    private static <T> T pick(CustomerClass customerClass, T residential, T commercial, T industrial) {
        return switch (customerClass) {
            case RESIDENTIAL -> residential;
            case COMMERCIAL -> commercial;
            case INDUSTRIAL -> industrial;
        };
    }
}
