package org.openmdms.vee.control.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openmdms.vee.control.rules.ContextBuilder.judging;
import static org.openmdms.vee.control.rules.RuleCheck.check;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.Severity;

class MissingIntervalsRuleTest {

    private final MissingIntervalsRule rule = new MissingIntervalsRule();

    @ParameterizedTest(name = "{0}-minute intervals on {1}: {2} expected")
    @CsvSource({"30, 2013-01-15, 48", "30, 2013-03-31, 46", "30, 2013-10-27, 50", "15, 2013-01-15, 96",
            "15, 2013-03-31, 92", "15, 2013-10-27, 100"})
    void aCompleteDayPassesAndOneMissingIntervalIsCountedAgainstTheDaysExpectedCount(int minutes, String day,
            int expected) {
        String next = java.time.LocalDate.parse(day).plusDays(1).toString();
        SeriesBuilder series = SeriesBuilder.intervals(minutes, day, next).all("0.25");
        assertEquals(expected, series.size());
        assertEquals(List.of(), check(rule, judging(series).build()));

        List<Finding> findings = check(rule, judging(series.missing(expected / 2, 1)).build());

        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(series.end(expected / 2), finding.firstEnd());
        assertEquals(series.end(expected / 2), finding.lastEnd());
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals(BigDecimal.ONE, finding.value());
        assertTrue(finding.message().contains(day + " has " + (expected - 1) + " of " + expected), finding.message());
    }

    @Test
    void consecutiveMissingIntervalsAreOneFindingPerRun() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0.25").missing(4, 3).missing(10, 1);

        List<Finding> findings = check(rule, judging(series).build());

        assertEquals(2, findings.size());
        assertEquals(series.end(4), findings.get(0).firstEnd());
        assertEquals(series.end(6), findings.get(0).lastEnd());
        assertEquals(BigDecimal.valueOf(3), findings.get(0).value());
        assertEquals(series.end(10), findings.get(1).firstEnd());
    }

    @Test
    void aGapAcrossMidnightIsOneRunCountedOnBothDays() {
        SeriesBuilder series = SeriesBuilder.halfHours("2013-01-15", "2013-01-17").all("0.25").missing(46, 4);

        Finding finding = check(rule, judging(series).build()).get(0);

        assertEquals(Instant.parse("2013-01-15T23:30:00Z"), finding.firstEnd());
        assertEquals(Instant.parse("2013-01-16T01:00:00Z"), finding.lastEnd());
        assertTrue(finding.message().contains("2013-01-15 has 46 of 48, 2013-01-16 has 46 of 48"), finding.message());
    }

    @Test
    void aGapAcrossTheMonthBoundaryIsOneRun() {
        SeriesBuilder series = SeriesBuilder.halfHours("2013-01-31", "2013-02-02").all("0.25");
        int midnight = series.endingAt("2013-02-01T00:00");

        List<Finding> findings = check(rule, judging(series.missing(midnight - 1, 3)).build());

        assertEquals(1, findings.size());
        assertEquals(Instant.parse("2013-01-31T23:30:00Z"), findings.get(0).firstEnd());
        assertEquals(Instant.parse("2013-02-01T00:30:00Z"), findings.get(0).lastEnd());
    }

    @Test
    void theRepeatedHourOfTheAutumnDayHasItsOwnSlots() {
        SeriesBuilder series = SeriesBuilder.day("2013-10-27").all("0.25");
        int firstOneThirty = series.endingAt("2013-10-27T01:30");
        // the second 01:30 (GMT) is two slots after the first (BST)
        List<Finding> findings = check(rule, judging(series.missing(firstOneThirty + 2, 1)).build());

        assertEquals(Instant.parse("2013-10-27T01:30:00Z"), findings.get(0).firstEnd());
        assertTrue(findings.get(0).message().contains("49 of 50"));
    }

    @Test
    void aDayWithNoValuesIsOneFinding() {
        List<Finding> findings = check(rule, judging(SeriesBuilder.day("2013-03-31")).build());

        assertEquals(1, findings.size());
        assertEquals(BigDecimal.valueOf(46), findings.get(0).value());
    }

    @Test
    void outageFlaggedIntervalsArePresentNotMissing() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0.25").outage(10, 6);

        assertEquals(List.of(), check(rule, judging(series).build()));
    }

    @Test
    void theSeverityIsAParameter() {
        SeriesBuilder series = SeriesBuilder.day("2013-01-15").all("0.25").missing(0, 1);

        assertEquals(Severity.WARNING, check(rule, judging(series).build(), "severity", "WARNING").get(0).severity());
    }
}
