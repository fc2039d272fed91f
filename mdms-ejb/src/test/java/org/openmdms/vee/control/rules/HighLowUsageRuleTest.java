package org.openmdms.vee.control.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openmdms.vee.control.rules.ContextBuilder.judging;
import static org.openmdms.vee.control.rules.RuleCheck.check;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmdms.vee.control.Finding;
import org.openmdms.vee.control.HolidayCalendar;

/**
 * Judges days of January 2013 against the four weeks before them at 0.5 kWh a half-hour (24 kWh a
 * day). Like days: Monday to Friday are weekdays, then Saturdays, then Sundays and holidays.
 */
class HighLowUsageRuleTest {

    private final HighLowUsageRule rule = new HighLowUsageRule();

    private static SeriesBuilder fourWeeksBefore(String judgedDay) {
        LocalDate day = LocalDate.parse(judgedDay);
        return SeriesBuilder.halfHours(day.minusDays(28).toString(), judgedDay).all("0.5");
    }

    @ParameterizedTest(name = "{0} a half-hour with high {1} %, low {2} %: {3}")
    @CsvSource({
            "0.5, 200, 20, ''", // the usual day
            "1.5, 200, 20, ''", // exactly 3 × the mean is not high
            "1.51, 200, 20, high", // above 3 × the mean
            "0.1, 200, 20, ''", // exactly 0.2 × the mean is not low
            "0.09, 200, 20, low", // below 0.2 × the mean
            "1.5, 100, 20, high", // narrower high band: above 2 × the mean
            "0.2, 200, 50, low"}) // narrower low band: below half the mean
    void aDayOutsideTheBandsAroundItsLikeDaysMeanIsReported(String value, String high, String low, String verdict) {
        SeriesBuilder judged = SeriesBuilder.day("2013-01-16").all(value);

        List<Finding> findings = check(rule, judging(judged).history(fourWeeksBefore("2013-01-16")).build(),
                "highPercent", high, "lowPercent", low);

        assertEquals(verdict.isEmpty() ? 0 : 1, findings.size());
        if (!verdict.isEmpty()) {
            Finding finding = findings.get(0);
            assertTrue(finding.message().startsWith(verdict + " usage"), finding.message());
            assertEquals(judged.end(0), finding.firstEnd());
            assertEquals(judged.end(47), finding.lastEnd());
            assertEquals(new BigDecimal(value).multiply(BigDecimal.valueOf(48)), finding.value());
        }
    }

    @Test
    void onlyLikeDaysCount() {
        // weekdays at 0.5, weekends at 5: a 0.5 Friday is usual, a 0.5 Saturday is low
        SeriesBuilder history = fourWeeksBefore("2013-01-18");
        for (LocalDate day = LocalDate.of(2012, 12, 21); day.isBefore(LocalDate.of(2013, 1, 18)); day = day.plusDays(1)) {
            history.onDay(day.toString(), day.getDayOfWeek().getValue() >= 6 ? "5" : "0.5");
        }
        SeriesBuilder judged = SeriesBuilder.halfHours("2013-01-18", "2013-01-20").all("0.5");

        List<Finding> findings = check(rule, judging(judged).history(history).build());

        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().startsWith("low usage: total 24.0 of 2013-01-19"),
                findings.get(0).message());
    }

    @Test
    void aHolidayIsJudgedAgainstSundays() {
        // New Year's Day 2013 is a Tuesday; Sundays at 0.5, other days at 5
        SeriesBuilder history = fourWeeksBefore("2013-01-01");
        for (LocalDate day = LocalDate.of(2012, 12, 4); day.isBefore(LocalDate.of(2013, 1, 1)); day = day.plusDays(1)) {
            history.onDay(day.toString(), day.getDayOfWeek() == java.time.DayOfWeek.SUNDAY ? "0.5" : "5");
        }
        ContextBuilder context = judging(SeriesBuilder.day("2013-01-01").all("0.5")).history(history);

        assertEquals(1, check(rule, context.build()).size());
        HolidayCalendar newYear = new HolidayCalendar("england", Map.of(LocalDate.of(2013, 1, 1), "New Year's Day"));
        assertEquals(List.of(), check(rule, context.holidays(newYear).build()));
    }

    @Test
    void fewerThanTwoCompleteLikeDaysAreNoBasis() {
        // of the four Sundays before, one has a missing interval, one an estimate, one an outage
        SeriesBuilder history = fourWeeksBefore("2013-01-20");
        history.missing(history.endingAt("2012-12-23T10:00"), 1).estimated(history.endingAt("2012-12-30T10:00"), 1, "0.5")
                .outage(history.endingAt("2013-01-06T10:00"), 1);
        ContextBuilder context = judging(SeriesBuilder.day("2013-01-20").all("5")).history(history);

        assertEquals(List.of(), check(rule, context.build()));
        assertEquals(1, check(rule, context.build(), "minLikeDays", "1").size());
    }

    @Test
    void aJudgedDayWithMissingOrOutageIntervalsIsNotJudged() {
        SeriesBuilder history = fourWeeksBefore("2013-01-16");

        assertEquals(List.of(), check(rule, judging(SeriesBuilder.day("2013-01-16").all("0.01").missing(3, 1))
                .history(history).build()));
        assertEquals(List.of(), check(rule, judging(SeriesBuilder.day("2013-01-16").all("0.01").outage(3, 1))
                .history(history).build()));
    }

    @Test
    void estimatesOfTheJudgedDayCountInItsTotal() {
        SeriesBuilder judged = SeriesBuilder.day("2013-01-16").all("0.01").estimated(0, 48, "0.5");

        assertEquals(List.of(), check(rule, judging(judged).history(fourWeeksBefore("2013-01-16")).build()));
    }

    @Test
    void theHistoryWindowLimitsTheLikeDays() {
        // Sunday 20 January: the Sundays 7 and 14 days before are two like days, 7 alone is one
        ContextBuilder context = judging(SeriesBuilder.day("2013-01-20").all("5"))
                .history(fourWeeksBefore("2013-01-20"));

        assertEquals(1, check(rule, context.build(), "historyDays", "14").size());
        assertEquals(List.of(), check(rule, context.build(), "historyDays", "13"));
    }

    @Test
    void theAutumnSundayWithFiftyHalfHoursIsComparedWithOrdinarySundays() {
        SeriesBuilder judged = SeriesBuilder.day("2013-10-27").all("0.5");

        assertEquals(List.of(), check(rule, judging(judged).history(fourWeeksBefore("2013-10-27")).build()));
    }

    @Test
    void earlierJudgedDaysServeAsLikeDays() {
        // two weeks judged with no history: the last day has the weekdays before it to compare with
        SeriesBuilder judged = SeriesBuilder.halfHours("2013-01-02", "2013-01-17").all("0.5")
                .onDay("2013-01-16", "5");

        List<Finding> findings = check(rule, judging(judged).build());

        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("2013-01-16"));
    }
}
