package org.openmdms.vee.control.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openmdms.vee.control.rules.ContextBuilder.judging;
import static org.openmdms.vee.control.rules.RuleCheck.check;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmdms.vee.control.Finding;

class MultiplierUomRuleTest {

    private final MultiplierUomRule rule = new MultiplierUomRule();

    @ParameterizedTest(name = "value {0}, ceiling {1}: {2} finding(s)")
    @CsvSource({"1000, 1000, 0", "1000.1, 1000, 1", "-1500, 1000, 1", "150, 100, 1", "99, 100, 0", "480, 1000, 0"})
    void valuesAboveTheCeilingAreLikelyMultiplierOrUnitErrors(String value, String ceiling, int expected) {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0.5").actual(9, value);

        List<Finding> findings = check(rule, judging(series).build(), "ceiling", ceiling);

        assertEquals(expected, findings.size());
        if (expected == 1) {
            assertEquals(new BigDecimal(value).abs(), findings.get(0).value());
            assertEquals(new BigDecimal(ceiling), findings.get(0).limit());
        }
    }

    @Test
    void aRunIsOneFindingWithItsLargestMagnitude() {
        // a CT ratio of 400 applied twice: every interval is far too large
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("200").actual(30, "1600").actual(31, "-2400");

        List<Finding> findings = check(rule, judging(series).build(), "ceiling", "100");

        assertEquals(1, findings.size());
        assertEquals(series.end(0), findings.get(0).firstEnd());
        assertEquals(series.end(47), findings.get(0).lastEnd());
        assertEquals(new BigDecimal("2400"), findings.get(0).value());
    }

    @Test
    void estimatesAreNotJudged() {
        assertEquals(List.of(), check(rule, judging(SeriesBuilder.day("2013-01-15").estimated(0, 48, "5000")).build()));
    }
}
