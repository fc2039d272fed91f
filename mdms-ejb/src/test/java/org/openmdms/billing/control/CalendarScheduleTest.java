package org.openmdms.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openmdms.billing.control.TestSchedules.LONDON;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalendarScheduleTest {

    /** Three half-hours in GMT, as the LCL tariff file gives them, then a gap, then one more. */
    private final CalendarSchedule calendar = CalendarSchedule.of("dtou", 30, Map.of(
            Instant.parse("2013-01-01T16:00:00Z"), "Normal",
            Instant.parse("2013-01-01T16:30:00Z"), "High",
            Instant.parse("2013-01-01T17:00:00Z"), "High",
            Instant.parse("2013-01-01T18:00:00Z"), "Low"));

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "2013-01-01T15:30:00Z, UNSCHEDULED",
        "2013-01-01T15:45:00Z, UNSCHEDULED",
        "2013-01-01T16:00:00Z, Normal",
        "2013-01-01T16:15:00Z, Normal",
        "2013-01-01T16:30:00Z, High",
        "2013-01-01T17:15:00Z, High",
        "2013-01-01T17:30:00Z, UNSCHEDULED",
        "2013-01-01T18:00:00Z, Low",
        "2013-01-01T18:15:00Z, Low",
        "2013-01-01T18:30:00Z, UNSCHEDULED",
    })
    void anIntervalTakesTheCalendarEntryThatCoversItsStartAndOutsideItIsUnscheduled(Instant start, String period) {
        assertEquals(period, calendar.periodAt(start, LONDON));
    }

    @Test
    void theCalendarKnowsItsPeriodsAndItsSpan() {
        assertEquals(List.of("Normal", "High", "Low"), calendar.periodNames());
        assertEquals(Instant.parse("2013-01-01T16:00:00Z"), calendar.firstStart());
        assertEquals(Instant.parse("2013-01-01T18:30:00Z"), calendar.lastEnd());
    }

    @Test
    void aLocalCalendarNamesBothRepeatedAutumnHalfHoursAndRefusesTheLostSpringHour() {
        CalendarSchedule autumn = CalendarSchedule.ofLocal("local", 30, LONDON, Map.of(
                LocalDateTime.parse("2013-10-27T00:30"), "Normal",
                LocalDateTime.parse("2013-10-27T01:00"), "High",
                LocalDateTime.parse("2013-10-27T01:30"), "Low",
                LocalDateTime.parse("2013-10-27T02:00"), "Normal"), null);

        assertEquals("High", autumn.periodAt(Instant.parse("2013-10-27T00:00:00Z"), LONDON)); // 01:00 BST
        assertEquals("Low", autumn.periodAt(Instant.parse("2013-10-27T00:30:00Z"), LONDON)); // 01:30 BST
        assertEquals("High", autumn.periodAt(Instant.parse("2013-10-27T01:00:00Z"), LONDON)); // 01:00 GMT
        assertEquals("Low", autumn.periodAt(Instant.parse("2013-10-27T01:30:00Z"), LONDON)); // 01:30 GMT
        assertEquals("Normal", autumn.periodAt(Instant.parse("2013-10-27T02:00:00Z"), LONDON)); // 02:00 GMT
        assertEquals(6, autumn.periods().size()); // 00:30, 01:00 twice, 01:30 twice, 02:00

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> CalendarSchedule.ofLocal("local", 30, LONDON,
                        Map.of(LocalDateTime.parse("2013-03-31T01:30"), "High"), null));
        assertEquals("TOU calendar local: 2013-03-31T01:30 does not exist in Europe/London (the clocks go forward)",
                refused.getMessage());
    }

    @Test
    void overlappingEntriesAreRefused() {
        TreeMap<Instant, String> periods = new TreeMap<>(Map.of(Instant.parse("2013-01-01T16:00:00Z"), "Normal",
                Instant.parse("2013-01-01T16:15:00Z"), "High"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> CalendarSchedule.of("dtou", 30, periods));

        assertEquals("TOU calendar dtou: the 30-minute intervals starting 2013-01-01T16:00:00Z and "
                + "2013-01-01T16:15:00Z overlap", refused.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource({"UNSCHEDULED, reserved", "' ', needs a name"})
    void theReservedNameAndBlankNamesAreRefused(String period, String message) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> CalendarSchedule.of("dtou", 30, Map.of(Instant.parse("2013-01-01T16:00:00Z"), period)));

        assertTrue(refused.getMessage().contains(message), refused.getMessage());
    }

    @ParameterizedTest(name = "{0}-minute calendar")
    @CsvSource({"0", "7", "-30"})
    void theIntervalMustDivideTheDay(int minutes) {
        assertThrows(IllegalArgumentException.class, () -> CalendarSchedule.of("dtou", minutes, Map.of()));
    }
}
