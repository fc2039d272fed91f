package org.openmdms.vee.control.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openmdms.vee.control.rules.ContextBuilder.judging;
import static org.openmdms.vee.control.rules.RuleCheck.check;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmdms.meter.entity.Unit;
import org.openmdms.vee.control.Finding;

/** A 10 kW service. */
class MaxDemandRuleTest {

    private final MaxDemandRule rule = new MaxDemandRule();

    @ParameterizedTest(name = "{0} {1}-minute value {2}, {3} % of capacity: demand {4}")
    @CsvSource({
            "KWH, 30, 5.0, 100, ''", // 10 kW: at capacity
            "KWH, 30, 5.5, 100, 11", // 11 kW
            "KWH, 15, 2.5, 100, ''", // 10 kW
            "KWH, 15, 3.0, 100, 12", // 12 kW
            "KWH, 60, 10.5, 100, 10.5",
            "KW, 30, 10.5, 100, 10.5", // a demand channel's value is the demand
            "KW, 30, 5.5, 100, ''",
            "KWH, 30, 5.5, 120, ''", // 11 kW is within 120 %
            "KWH, 30, 4.5, 80, 9"}) // 9 kW is above 80 %
    void demandAboveTheCapacityIsReported(Unit unit, int minutes, String value, String percent, String demand) {
        SeriesBuilder series = SeriesBuilder.intervals(minutes, "2013-01-15", "2013-01-16").all("0.1").actual(5, value);

        List<Finding> findings = check(rule, judging(series).unit(unit).capacityKw("10").build(), "capacityPercent",
                percent);

        assertEquals(demand.isEmpty() ? 0 : 1, findings.size());
        if (!demand.isEmpty()) {
            assertEquals(0, new BigDecimal(demand).compareTo(findings.get(0).value()));
            assertEquals(series.end(5), findings.get(0).firstEnd());
        }
    }

    @Test
    void aRunIsOneFindingWithItsHighestDemand() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("1").actual(5, "6").actual(6, "7").actual(7, "5.5");

        List<Finding> findings = check(rule, judging(series).capacityKw("10").build());

        assertEquals(1, findings.size());
        assertEquals(series.end(7), findings.get(0).lastEnd());
        assertEquals(0, new BigDecimal("14").compareTo(findings.get(0).value()));
        assertEquals(0, BigDecimal.TEN.compareTo(findings.get(0).limit()));
    }

    @Test
    void notJudgedWithoutACapacityForOtherUnitsOrForEstimates() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("50");

        assertEquals(List.of(), check(rule, judging(series).build()));
        assertEquals(List.of(), check(rule, judging(series).unit(Unit.M3).capacityKw("10").build()));
        assertEquals(List.of(), check(rule, judging(SeriesBuilder.day("2013-01-15").estimated(0, 48, "50"))
                .capacityKw("10").build()));
    }
}
