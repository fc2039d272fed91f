package org.openmdms.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openmdms.billing.control.TestSchedules.periods;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DayScheduleTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = ';', value = {
        "off-peak 00:00-08:00 | on-peak 09:00-24:00; no period covers 08:00–09:00",
        "off-peak 00:00-12:00 | on-peak 11:00-24:00; off-peak and on-peak both cover 11:00–12:00",
        "off-peak 00:00-23:00; no period covers 23:00–24:00",
        "off-peak 01:00-24:00; no period covers 00:00–01:00",
        "'' ; no period covers 00:00–24:00",
        "off-peak 21:00-07:00 | mid-peak 07:00-16:00 | on-peak 16:00-22:00; "
                + "off-peak and on-peak both cover 21:00–22:00",
        "off-peak 22:00-06:00 | day 07:00-22:00; no period covers 06:00–07:00",
        "off-peak 00:00-24:00 | off-peak 12:00-13:00; off-peak covers 12:00–13:00 twice",
        "High 00:00-10:00 | Low 10:00-20:00 | High 19:00-09:00; High covers 00:00–09:00 twice",
    })
    void aGapOrAnOverlapIsNamedWithItsLocalTimes(String periods, String expected) {
        List<String> problems = DaySchedule.problems(periods(periods));

        assertEquals(expected, problems.isEmpty() ? "valid" : problems.get(0), problems.toString());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DaySchedule.of(periods(periods)));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }

    @Test
    void everyProblemOfADayIsListedInTimeOrder() {
        List<String> problems = DaySchedule.problems(
                periods("off-peak 00:00-07:00 | mid-peak 08:00-17:00 | on-peak 16:00-21:00 | off-peak 22:00-24:00"));

        assertEquals(List.of("no period covers 07:00–08:00", "mid-peak and on-peak both cover 16:00–17:00",
                "no period covers 21:00–22:00"), problems);
    }

    @ParameterizedTest(name = "{1} is {2}")
    @CsvSource(delimiter = ';', value = {
        "off-peak 21:00-07:00 | mid-peak 07:00-16:00 | on-peak 16:00-21:00; 00:00; off-peak",
        "off-peak 21:00-07:00 | mid-peak 07:00-16:00 | on-peak 16:00-21:00; 06:59; off-peak",
        "off-peak 21:00-07:00 | mid-peak 07:00-16:00 | on-peak 16:00-21:00; 07:00; mid-peak",
        "off-peak 21:00-07:00 | mid-peak 07:00-16:00 | on-peak 16:00-21:00; 15:59; mid-peak",
        "off-peak 21:00-07:00 | mid-peak 07:00-16:00 | on-peak 16:00-21:00; 16:00; on-peak",
        "off-peak 21:00-07:00 | mid-peak 07:00-16:00 | on-peak 16:00-21:00; 20:59; on-peak",
        "off-peak 21:00-07:00 | mid-peak 07:00-16:00 | on-peak 16:00-21:00; 21:00; off-peak",
        "off-peak 21:00-07:00 | mid-peak 07:00-16:00 | on-peak 16:00-21:00; 23:59; off-peak",
        "flat 07:00-07:00; 06:59; flat",
        "flat 00:00-00:00; 12:00; flat",
        "low 00:00-06:30 | high 06:30-24:00; 06:29; low",
        "low 00:00-06:30 | high 06:30-24:00; 06:30; high",
    })
    void aLocalTimeHasThePeriodThatCoversIt(String periods, LocalTime time, String period) {
        assertEquals(period, DaySchedule.of(periods(periods)).periodAt(time));
    }

    @Test
    void periodsAreKeptInTheOrderGivenAndWrittenWith24ForMidnight() {
        DaySchedule day = DaySchedule.of(periods("b 12:00-24:00 | a 00:00-06:00 | b 06:00-12:00"));

        assertEquals("[b 12:00–24:00, a 00:00–06:00, b 06:00–12:00]", day.periods().toString());
        assertEquals(List.of("b", "a"), day.periodNames());
    }

    @ParameterizedTest(name = "{0} {1}-{2}")
    @CsvSource({
        "on-peak, 16:00:30, 21:00, is not a whole minute",
        "on-peak, 16:00, 25:00, is not a time HH:mm",
        "UNSCHEDULED, 00:00, 24:00, reserved",
        "' ', 00:00, 24:00, needs a name",
    })
    void aPeriodNeedsANameAndWholeMinutes(String name, String start, String end, String message) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> DayPeriod.of(name, start, end));

        assertTrue(refused.getMessage().contains(message), refused.getMessage());
    }
}
