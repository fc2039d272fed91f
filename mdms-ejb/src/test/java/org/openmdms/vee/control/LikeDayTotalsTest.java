package org.openmdms.vee.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;

/**
 * The like-day history from stored daily totals is the same as from the raw reads: complete days only
 * (no missing, estimated or power-off interval), DST days of 46 and 50 half-hours included.
 */
class LikeDayTotalsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate FIRST = LocalDate.of(2013, 10, 24);
    private static final LocalDate END = LocalDate.of(2013, 10, 31);

    @Test
    void dailyTotalsGiveTheSameCompleteDaysAsTheReads() {
        Map<Instant, Slot> reads = new HashMap<>();
        for (LocalDate day = FIRST; day.isBefore(END); day = day.plusDays(1)) {
            Instant end = day.atStartOfDay(LONDON).toInstant().plusSeconds(1800);
            Instant after = day.plusDays(1).atStartOfDay(LONDON).toInstant().plusSeconds(1800);
            int i = 0;
            for (; end.isBefore(after); end = end.plusSeconds(1800), i++) {
                int quality = Quality.VALID;
                ReadSource source = ReadSource.ACTUAL;
                if (day.getDayOfMonth() == 25 && i == 10) {
                    continue; // a missing half-hour
                }
                if (day.getDayOfMonth() == 26 && i == 3) {
                    source = ReadSource.ESTIMATED;
                }
                if (day.getDayOfMonth() == 28 && i == 20) {
                    quality = Quality.POWER_OUTAGE;
                }
                if (day.getDayOfMonth() == 29 && i == 5) {
                    source = ReadSource.EDITED; // an analyst's edit is measured
                }
                reads.put(end, new Slot(end, new BigDecimal("0.25").add(BigDecimal.valueOf(i, 3)), quality, source));
            }
        }
        IntervalSeries history = IntervalSeries.of(LONDON, 30, FIRST, END, reads);

        LikeDayTotals fromReads = LikeDayTotals.of(history);
        LikeDayTotals fromTotals = LikeDayTotals.fromDailyTotals(dailyTotals(history), Set.of());

        assertEquals(fromReads, fromTotals);
        assertNull(fromTotals.completeTotal(LocalDate.of(2013, 10, 25)), "missing");
        assertNull(fromTotals.completeTotal(LocalDate.of(2013, 10, 26)), "estimated");
        assertNull(fromTotals.completeTotal(LocalDate.of(2013, 10, 28)), "power-off");
        assertEquals(IntervalSeries.total(history.day(LocalDate.of(2013, 10, 27))),
                fromTotals.completeTotal(LocalDate.of(2013, 10, 27)), "the 25-hour day, 50 half-hours");
        assertEquals(50, history.day(LocalDate.of(2013, 10, 27)).size());
        assertTrue(fromTotals.completeTotal(LocalDate.of(2013, 10, 29)) != null, "edited counts as measured");
        assertNull(LikeDayTotals.fromDailyTotals(dailyTotals(history), Set.of(LocalDate.of(2013, 10, 24)))
                .completeTotal(LocalDate.of(2013, 10, 24)), "a day with an interval inside an interruption");
    }

    @Test
    void aDayIsInterruptedOnlyIfAWholeIntervalOfItLiesInsideTheInterruption() {
        LocalDate day = LocalDate.of(2013, 3, 31); // 23 hours in London
        Instant midnight = day.atStartOfDay(LONDON).toInstant();
        Instant nextMidnight = day.plusDays(1).atStartOfDay(LONDON).toInstant();

        assertFalse(LikeDayTotals.intervalInside(day, LONDON, 30, midnight.plusSeconds(60), midnight.plusSeconds(1800 + 1799)),
                "no half-hour lies wholly inside 00:01-01:00 minus a second");
        assertTrue(LikeDayTotals.intervalInside(day, LONDON, 30, midnight.plusSeconds(60), midnight.plusSeconds(3600)),
                "00:30-01:00 lies inside 00:01-01:00");
        assertTrue(LikeDayTotals.intervalInside(day, LONDON, 30, midnight.minus(Duration.ofDays(3)), null),
                "an interruption not restored covers the day");
        assertFalse(LikeDayTotals.intervalInside(day, LONDON, 30, nextMidnight.minusSeconds(1200), null),
                "the day's last half-hour starts before the interruption");
        assertFalse(LikeDayTotals.intervalInside(day, LONDON, 30, midnight.minus(Duration.ofDays(2)), midnight),
                "over before the day begins");
    }

    /** What daily_channel_reading holds for each day of the series. */
    private static List<LikeDayTotals.DayTotal> dailyTotals(IntervalSeries series) {
        List<LikeDayTotals.DayTotal> days = new ArrayList<>();
        for (LocalDate day = series.firstDay(); day.isBefore(series.endDay()); day = day.plusDays(1)) {
            List<Slot> present = series.day(day).stream().filter(s -> !s.isMissing()).toList();
            days.add(new LikeDayTotals.DayTotal(day, IntervalSeries.total(present), present.size(),
                    (int) present.stream().filter(Slot::isEstimated).count(),
                    (int) present.stream().filter(Slot::isOutage).count(), series.expectedCount(day)));
        }
        return days;
    }

    @Test
    void onlyTheLikeDaysOfTheJudgedDaysAreLoaded() {
        // 2026-01-05 is a Monday; four weeks before it hold 20 weekdays, of which 2026-01-01 is a holiday
        LocalDate monday = LocalDate.of(2026, 1, 5);
        HolidayCalendar newYear = new HolidayCalendar("test", Map.of(LocalDate.of(2026, 1, 1), "New Year's Day"));
        List<LocalDate> weekdays = LikeDayTotals.likeDaysOf(List.of(monday), monday.minusDays(28), monday, newYear);
        assertEquals(19, weekdays.size());
        assertFalse(weekdays.contains(LocalDate.of(2026, 1, 1)));
        assertTrue(weekdays.stream().allMatch(d -> d.getDayOfWeek().getValue() <= 5));
        assertEquals(20, LikeDayTotals.likeDaysOf(List.of(monday), monday.minusDays(28), monday, HolidayCalendar.none())
                .size());
        // a Saturday's are the 4 Saturdays; a Sunday's the 4 Sundays and the holiday
        LocalDate saturday = LocalDate.of(2026, 1, 10);
        assertEquals(List.of(LocalDate.of(2025, 12, 13), LocalDate.of(2025, 12, 20), LocalDate.of(2025, 12, 27),
                LocalDate.of(2026, 1, 3)), LikeDayTotals.likeDaysOf(List.of(saturday), saturday.minusDays(28), saturday,
                newYear));
        LocalDate sunday = LocalDate.of(2026, 1, 11);
        assertEquals(5, LikeDayTotals.likeDaysOf(List.of(sunday), sunday.minusDays(28), sunday, newYear).size());
        // a judged holiday counts as a Sunday; a range of several judged days takes every type it holds
        assertEquals(5, LikeDayTotals.likeDaysOf(List.of(LocalDate.of(2026, 1, 1)), monday.minusDays(28), monday,
                newYear).size());
        assertEquals(28, LikeDayTotals.likeDaysOf(List.of(saturday, sunday, monday), monday.minusDays(28), monday,
                newYear).size());
    }
}
