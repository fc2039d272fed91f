package org.openmdms.vee.control.estimation;

import org.openmdms.vee.control.DayType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmdms.vee.control.HolidayCalendar;

class DayTypeTest {

    private static final HolidayCalendar ENGLAND = HolidayCalendars.byId(HolidayCalendars.ENGLAND_AND_WALES);

    @ParameterizedTest
    @CsvSource({
        "2013-01-15, WEEKDAY, WEEKDAY",
        "2013-01-19, SATURDAY, SATURDAY",
        "2013-01-20, SUNDAY, SUNDAY",
        "2013-01-01, HOLIDAY, SUNDAY",
        "2013-03-29, HOLIDAY, SUNDAY",
        "2013-03-31, SUNDAY, SUNDAY",
        "2013-04-01, HOLIDAY, SUNDAY",
        "2013-12-26, HOLIDAY, SUNDAY",
        "2015-12-26, SATURDAY, SATURDAY",
        "2015-12-28, HOLIDAY, SUNDAY",
    })
    void aHolidayIsAHolidayAndCountsAsSundayForLikeDays(LocalDate day, DayType type, DayType likeDayType) {
        assertEquals(type, DayType.of(day, ENGLAND));
        assertEquals(likeDayType, DayType.of(day, ENGLAND).forLikeDays());
    }

    @Test
    void withoutACalendarABankHolidayIsAnOrdinaryDay() {
        assertEquals(DayType.WEEKDAY, DayType.of(LocalDate.of(2013, 4, 1), HolidayCalendars.byId(HolidayCalendars.NONE)));
        assertTrue(DayType.alike(LocalDate.of(2013, 4, 1), LocalDate.of(2013, 3, 31), ENGLAND));
        assertFalse(DayType.alike(LocalDate.of(2013, 4, 1), LocalDate.of(2013, 4, 2), ENGLAND));
    }

    @Test
    void englandAndWales2013HasTheEightBankHolidays() {
        List<LocalDate> expected = List.of("2013-01-01", "2013-03-29", "2013-04-01", "2013-05-06", "2013-05-27",
                "2013-08-26", "2013-12-25", "2013-12-26").stream().map(LocalDate::parse).toList();

        assertEquals(expected, ENGLAND.holidays().keySet().stream().filter(d -> d.getYear() == 2013).toList());
        assertEquals("Good Friday", ENGLAND.holidays().get(LocalDate.of(2013, 3, 29)));
    }

    @Test
    void englandAndWalesCovers2012To2015AndEveryBankHolidayIsAWorkingDay() {
        assertEquals(List.of(9L, 8L, 8L, 8L), List.of(2012, 2013, 2014, 2015).stream()
                .map(y -> ENGLAND.holidays().keySet().stream().filter(d -> d.getYear() == y).count()).toList());
        assertTrue(ENGLAND.holidays().keySet().stream().map(LocalDate::getDayOfWeek)
                .noneMatch(d -> d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY));
    }

    @Test
    void anUnknownCalendarIsRefused() {
        assertEquals(java.util.Set.of("england-and-wales", "none"), HolidayCalendars.ids());
        assertTrue(HolidayCalendars.byId("none").holidays().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> HolidayCalendars.byId("scotland"));
    }
}
