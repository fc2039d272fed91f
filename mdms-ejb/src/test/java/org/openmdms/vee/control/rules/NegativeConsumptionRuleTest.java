package org.openmdms.vee.control.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openmdms.vee.control.rules.ContextBuilder.judging;
import static org.openmdms.vee.control.rules.RuleCheck.check;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmdms.meter.entity.FlowDirection;
import org.openmdms.meter.entity.Unit;
import org.openmdms.vee.control.Finding;

class NegativeConsumptionRuleTest {

    private final NegativeConsumptionRule rule = new NegativeConsumptionRule();

    @ParameterizedTest(name = "{0} {1}: {2} finding(s)")
    @CsvSource({"KWH, DELIVERED, 1", "M3, DELIVERED, 1", "THERM, DELIVERED, 1", "KVARH, DELIVERED, 1",
            "KWH, RECEIVED, 0", "KWH, NET, 0", "KW, DELIVERED, 0"})
    void negativeValuesAreReportedOnDeliveredEnergyChannelsOnly(Unit unit, FlowDirection direction, int expected) {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0.5").actual(7, "-0.2");

        assertEquals(expected, check(rule, judging(series).unit(unit).direction(direction).build()).size());
    }

    @Test
    void aRunOfNegativesIsOneFindingWithItsLowestValue() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0.5").actual(7, "-0.2").actual(8, "-1.5")
                .estimated(9, 1, "-0.1").actual(20, "0");

        List<Finding> findings = check(rule, judging(series).build());

        assertEquals(1, findings.size());
        assertEquals(series.end(7), findings.get(0).firstEnd());
        assertEquals(series.end(9), findings.get(0).lastEnd());
        assertEquals(new BigDecimal("-1.5"), findings.get(0).value());
        assertEquals(BigDecimal.ZERO, findings.get(0).limit());
    }
}
