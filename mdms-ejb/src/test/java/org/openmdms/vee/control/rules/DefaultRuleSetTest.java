package org.openmdms.vee.control.rules;

import org.openmdms.vee.control.ConfiguredRule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmdms.meter.entity.Commodity;
import org.openmdms.meter.entity.CustomerClass;
import org.openmdms.vee.control.ValidationRule;

class DefaultRuleSetTest {

    private static List<String> ids(Commodity commodity, CustomerClass customerClass) {
        return DefaultRuleSet.of(commodity, customerClass).stream().map(c -> c.rule().id()).toList();
    }

    @Test
    void everyCommodityAndClassHasTheIntegrityChecksInCatalogueOrder() {
        List<String> catalogue = VeeRules.all().stream().map(ValidationRule::id).toList();
        for (Commodity commodity : Commodity.values()) {
            for (CustomerClass customerClass : CustomerClass.values()) {
                List<String> ids = ids(commodity, customerClass);
                assertTrue(ids.containsAll(List.of("missing-intervals", "time-tolerance", "usage-on-inactive",
                        "negative-consumption", "sum-check", "outage-flag", "multiplier-uom")), ids.toString());
                assertEquals(catalogue.stream().filter(ids::contains).toList(), ids);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"ELECTRIC, RESIDENTIAL, 12", "ELECTRIC, COMMERCIAL, 12", "ELECTRIC, INDUSTRIAL, 12",
            "GAS, RESIDENTIAL, 11", "WATER, COMMERCIAL, 11", "HEAT, RESIDENTIAL, 7"})
    void maxDemandIsForElectricityOnly(Commodity commodity, CustomerClass customerClass, int rules) {
        List<String> ids = ids(commodity, customerClass);

        assertEquals(rules, ids.size());
        assertEquals(commodity == Commodity.ELECTRIC, ids.contains("max-demand"));
    }

    @ParameterizedTest(name = "{0} {1}: {2} = {3}")
    @CsvSource({"ELECTRIC, RESIDENTIAL, spike, factor, 8", "ELECTRIC, RESIDENTIAL, spike, floor, 2", "ELECTRIC, INDUSTRIAL, spike, factor, 10",
            "ELECTRIC, INDUSTRIAL, flat-line, intervals, 48", "ELECTRIC, RESIDENTIAL, multiplier-uom, ceiling, 100",
            "GAS, RESIDENTIAL, high-low-usage, highPercent, 300", "GAS, RESIDENTIAL, zero-consumption, minutes, 10080",
            "WATER, RESIDENTIAL, multiplier-uom, ceiling, 10", "WATER, INDUSTRIAL, spike, floor, 0.5",
            "ELECTRIC, COMMERCIAL, missing-intervals, severity, ERROR"})
    void parameterValuesAreTunedPerCommodityAndClass(Commodity commodity, CustomerClass customerClass, String rule,
            String parameter, String value) {
        ConfiguredRule configured = DefaultRuleSet.of(commodity, customerClass).stream()
                .filter(c -> c.rule().id().equals(rule)).findFirst().orElseThrow();

        assertEquals(value, configured.parameters().text(parameter));
    }

    @Test
    void aConfiguredRuleRefusesValuesItsRuleDoesNotTake() {
        assertThrows(IllegalArgumentException.class, () -> new ConfiguredRule(new SpikeRule(), Map.of("factr", "5")));
        assertThrows(IllegalArgumentException.class, () -> new ConfiguredRule(new SpikeRule(), Map.of("factor", "-1")));
        assertFalse(new ConfiguredRule(new SpikeRule(), Map.of("factor", "1")).check(ContextBuilder
                .judging(SeriesBuilder.day("2013-01-15").all("1").actual(5, "3")).build()).isEmpty());
    }
}
