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
import org.openmdms.vee.control.Finding;

class ZeroConsumptionRuleTest {

    private final ZeroConsumptionRule rule = new ZeroConsumptionRule();

    @ParameterizedTest(name = "{0} zeros of {1} minutes, at least {2} minutes: {3} finding(s)")
    @CsvSource({"48, 30, 1440, 1", "47, 30, 1440, 0", "96, 15, 1440, 1", "95, 15, 1440, 0", "4, 30, 120, 1",
            "3, 30, 120, 0", "3, 30, 100, 0", "4, 30, 100, 1"})
    void aRunOfZerosAsLongAsTheParameterIsReported(int zeros, int minutes, String parameter, int expected) {
        SeriesBuilder series = SeriesBuilder.intervals(minutes, "2013-01-15", "2013-01-17").all("0.3")
                .actual(10, zeros, "0");

        List<Finding> findings = check(rule, judging(series).build(), "minutes", parameter);

        assertEquals(expected, findings.size());
        if (expected == 1) {
            assertEquals(series.end(10), findings.get(0).firstEnd());
            assertEquals(series.end(10 + zeros - 1), findings.get(0).lastEnd());
            assertEquals(BigDecimal.valueOf(zeros), findings.get(0).value());
        }
    }

    @Test
    void zerosAcrossMidnightAreOneRun() {
        SeriesBuilder series = SeriesBuilder.halfHours("2013-01-31", "2013-02-02").all("0.3").actual(24, 48, "0");

        List<Finding> findings = check(rule, judging(series).build());

        assertEquals(1, findings.size());
        assertEquals(java.time.Instant.parse("2013-02-01T12:00:00Z"), findings.get(0).lastEnd());
    }

    @Test
    void outageEstimatedAndMissingIntervalsBreakTheRun() {
        for (SeriesBuilder series : List.of(
                SeriesBuilder.halfHours("2013-01-15", "2013-01-17").all("0").outage(30, 1),
                SeriesBuilder.halfHours("2013-01-15", "2013-01-17").all("0").estimated(30, 1, "0"),
                SeriesBuilder.halfHours("2013-01-15", "2013-01-17").all("0").missing(30, 1))) {
            // 96 zeros broken at 30: 30 and 65, the second reaches 48; broken again at 70: 30, 39 and 25
            assertEquals(1, check(rule, judging(series).build()).size());
            assertEquals(List.of(), check(rule, judging(series.actual(70, "0.2")).build()));
        }
    }

    @Test
    void outageZerosAreNotZeroConsumption() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").outage(0, 48);

        assertEquals(List.of(), check(rule, judging(series).build()));
    }

    @Test
    void onlyDeliveredChannelsAreJudged() {
        ContextBuilder context = judging(SeriesBuilder.day("2013-01-15").all("0"));

        assertEquals(1, check(rule, context.build()).size());
        assertEquals(List.of(), check(rule, context.direction(FlowDirection.RECEIVED).build()));
        assertEquals(List.of(), check(rule, context.direction(FlowDirection.NET).build()));
    }

    @Test
    void zerosBeforeTheMeterWasInstalledAreNotJudged() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0");

        assertEquals(List.of(), check(rule, judging(series).installed(series.end(2), null).build()));
    }

    @Test
    void theShortSpringDayHasOnly1380Minutes() {
        SeriesBuilder series = SeriesBuilder.day("2013-03-31").all("0");

        assertEquals(List.of(), check(rule, judging(series).build()));
        assertEquals(1, check(rule, judging(series).build(), "minutes", "1380").size());
    }
}
