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

class FlatLineRuleTest {

    private final FlatLineRule rule = new FlatLineRule();

    /** A varying day (0.1, 0.2, 0.3, ...) with {@code count} intervals of one value from interval 10. */
    private static SeriesBuilder varyingWith(int count, String value) {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15");
        for (int i = 0; i < series.size(); i++) {
            series.actual(i, BigDecimal.valueOf(i % 7 + 1, 1).toPlainString());
        }
        return series.actual(10, count, value);
    }

    @ParameterizedTest(name = "{0} × {1}, at least {2}: {3} finding(s)")
    @CsvSource({"12, 0.7, 12, 1", "11, 0.7, 12, 0", "20, 0.7, 12, 1", "6, 0.7, 6, 1", "5, 0.7, 6, 0",
            "30, 0, 12, 0"}) // zeros are zero-consumption's concern
    void theSameNonZeroValueInNConsecutiveIntervalsIsReported(int count, String value, String intervals,
            int expected) {
        SeriesBuilder series = varyingWith(count, value);

        List<Finding> findings = check(rule, judging(series).build(), "intervals", intervals);

        assertEquals(expected, findings.size());
        if (expected == 1) {
            assertEquals(series.end(10), findings.get(0).firstEnd());
            assertEquals(series.end(10 + count - 1), findings.get(0).lastEnd());
            assertEquals(new BigDecimal(value), findings.get(0).value());
        }
    }

    @Test
    void valuesEqualAsNumbersAreTheSame() {
        SeriesBuilder series = varyingWith(12, "0.7").actual(12, 3, "0.70");

        assertEquals(1, check(rule, judging(series).build()).size());
    }

    @Test
    void estimatedOutageAndMissingIntervalsAreNoEvidenceAndBreakTheRun() {
        assertEquals(List.of(), check(rule, judging(varyingWith(0, "0.7").estimated(10, 24, "0.7")).build()));
        // 20 intervals of 0.7 broken in the middle: 10 and 9
        assertEquals(List.of(), check(rule, judging(varyingWith(20, "0.7").outage(20, 1)).build()));
        assertEquals(List.of(), check(rule, judging(varyingWith(20, "0.7").missing(20, 1)).build()));
    }

    @Test
    void aRunAcrossMidnight() {
        SeriesBuilder series = SeriesBuilder.halfHours("2013-03-30", "2013-04-01").all("0.4");

        List<Finding> findings = check(rule, judging(series).build());

        assertEquals(1, findings.size());
        assertEquals(BigDecimal.valueOf(48 + 46), BigDecimal.valueOf(series.size()));
        assertEquals(series.end(series.size() - 1), findings.get(0).lastEnd());
    }
}
