package org.openmdms.billing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openmdms.billing.control.TestSchedules.ENGLAND;
import static org.openmdms.billing.control.TestSchedules.LONDON;
import static org.openmdms.billing.control.TestSchedules.LOS_ANGELES;
import static org.openmdms.billing.control.TestSchedules.US_2024;
import static org.openmdms.billing.control.TestSchedules.periods;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmdms.vee.control.HolidayCalendar;

class SeasonalScheduleTest {

    private final SeasonalSchedule classic = TestSchedules.classic(US_2024, null);

    @ParameterizedTest(name = "{0} ({1}) is {2}")
    @CsvSource({
        // Monday 2024-11-04, winter weekday, PST (UTC-8)
        "2024-11-04T14:45:00Z, 06:45 winter weekday, off-peak",
        "2024-11-04T15:00:00Z, 07:00 winter weekday, mid-peak",
        "2024-11-04T23:45:00Z, 15:45 winter weekday, mid-peak",
        "2024-11-05T00:00:00Z, 16:00 winter weekday, on-peak",
        "2024-11-05T04:45:00Z, 20:45 winter weekday, on-peak",
        "2024-11-05T05:00:00Z, 21:00 winter weekday, off-peak",
        "2024-11-05T07:45:00Z, 23:45 winter weekday, off-peak",
        // Veterans Day: holiday periods, off-peak all day
        "2024-11-11T23:00:00Z, 15:00 holiday, off-peak",
        "2024-11-12T00:30:00Z, 16:30 holiday, off-peak",
        // Sunday 2024-11-10, weekend
        "2024-11-11T00:30:00Z, 16:30 Sunday, mid-peak",
        // season change at 06-01 and 10-01, PDT (UTC-7)
        "2024-05-31T19:00:00Z, 12:00 Friday 05-31 winter weekday, mid-peak",
        "2024-06-03T19:00:00Z, 12:00 Monday 06-03 summer weekday, on-peak",
        "2024-06-01T06:45:00Z, 23:45 Friday 05-31 winter weekday, off-peak",
        "2024-06-01T19:00:00Z, 12:00 Saturday 06-01 summer weekend, off-peak",
        "2024-09-30T22:00:00Z, 15:00 Monday 09-30 summer weekday, on-peak",
        "2024-10-01T22:00:00Z, 15:00 Tuesday 10-01 winter weekday, mid-peak",
        "2024-10-01T06:45:00Z, 23:45 Monday 09-30 summer weekday, off-peak",
        "2024-10-01T01:00:00Z, 18:00 Monday 09-30 summer weekday, mid-peak",
        // winter wraps the year end
        "2024-12-31T20:00:00Z, 12:00 Tuesday 12-31, mid-peak",
        "2025-01-02T20:00:00Z, 12:00 Thursday 01-02, mid-peak",
        "2024-12-26T00:30:00Z, 16:30 Christmas Day, off-peak",
    })
    void anIntervalTakesThePeriodOfItsLocalStartInLosAngeles(Instant start, String local, String period) {
        assertEquals(period, classic.periodAt(start, LOS_ANGELES));
    }

    @ParameterizedTest(name = "{0} ({1}) is {2} with holidays as Sundays")
    @CsvSource({
        "2024-11-12T00:30:00Z, 16:30 Veterans Day, mid-peak",
        "2024-11-11T23:00:00Z, 15:00 Veterans Day, off-peak",
        "2024-11-13T00:30:00Z, 16:30 Tuesday 11-12, on-peak",
        "2024-07-04T19:00:00Z, 12:00 Independence Day, off-peak",
    })
    void aScheduleMayTreatHolidaysAsSundays(Instant start, String local, String period) {
        assertEquals(period, TestSchedules.classicHolidaysAsSunday(US_2024).periodAt(start, LOS_ANGELES));
    }

    @ParameterizedTest(name = "{0} {1} ({2}) is {3}")
    @CsvSource({
        // fall back: 01:00-02:00 local happens twice, both in the period that covers 01:00
        "America/Los_Angeles, 2024-11-03T07:45:00Z, 00:45 PDT, day",
        "America/Los_Angeles, 2024-11-03T08:00:00Z, 01:00 PDT, night",
        "America/Los_Angeles, 2024-11-03T08:45:00Z, 01:45 PDT, night",
        "America/Los_Angeles, 2024-11-03T09:00:00Z, 01:00 PST, night",
        "America/Los_Angeles, 2024-11-03T09:45:00Z, 01:45 PST, night",
        "America/Los_Angeles, 2024-11-03T10:00:00Z, 02:00 PST, day",
        // spring forward at 02:00 local: 01:00-02:00 still happens
        "America/Los_Angeles, 2024-03-10T08:45:00Z, 00:45 PST, day",
        "America/Los_Angeles, 2024-03-10T09:45:00Z, 01:45 PST, night",
        "America/Los_Angeles, 2024-03-10T10:00:00Z, 03:00 PDT, day",
        "Europe/London, 2013-10-26T23:45:00Z, 00:45 BST, day",
        "Europe/London, 2013-10-27T00:00:00Z, 01:00 BST, night",
        "Europe/London, 2013-10-27T00:45:00Z, 01:45 BST, night",
        "Europe/London, 2013-10-27T01:00:00Z, 01:00 GMT, night",
        "Europe/London, 2013-10-27T01:45:00Z, 01:45 GMT, night",
        "Europe/London, 2013-10-27T02:00:00Z, 02:00 GMT, day",
        // spring forward at 01:00 local in London: 01:00-02:00 never happens
        "Europe/London, 2013-03-31T00:45:00Z, 00:45 GMT, day",
        "Europe/London, 2013-03-31T01:00:00Z, 02:00 BST, day",
    })
    void theRepeatedAutumnHourFallsTwiceInTheSamePeriod(ZoneId zone, Instant start, String local, String period) {
        assertEquals(period, TestSchedules.night().periodAt(start, zone));
    }

    @Test
    void aHolidayOfTheCalendarUsesTheHolidayPeriodsWhateverItsWeekday() {
        SeasonalSchedule london = TestSchedules.classic(ENGLAND, null);

        assertEquals("off-peak", london.periodAt(Instant.parse("2013-03-29T16:00:00Z"), LONDON)); // Good Friday
        assertEquals("on-peak", london.periodAt(Instant.parse("2013-03-28T16:00:00Z"), LONDON));
        assertEquals("off-peak", london.periodAt(Instant.parse("2013-04-01T15:00:00Z"), LONDON)); // Easter Monday
        assertEquals("on-peak", london.periodAt(Instant.parse("2013-04-02T15:00:00Z"), LONDON)); // 16:00 BST
    }

    @Test
    void periodNamesComeInTheOrderOfTheSchedule() {
        assertEquals(List.of("off-peak", "mid-peak", "on-peak"), classic.periodNames());
        assertEquals(List.of("night", "day"), TestSchedules.night().periodNames());
    }

    @Test
    void theSeasonAndDayOfADateCanBeShown() {
        assertEquals("winter", classic.seasonOf(LocalDate.parse("2024-02-29")).name());
        assertEquals("summer", classic.seasonOf(LocalDate.parse("2024-06-01")).name());
        assertEquals(periods("off-peak 00:00-24:00"), classic.day(LocalDate.parse("2024-07-04")).periods());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "summer 06-01 to 10-01, winter 10-15 to 06-01; no season covers the days 10-01 to 10-14",
        "summer 05-01 to 10-01, winter 10-01 to 06-01; seasons summer and winter both cover the days 05-01 to 05-31",
        "summer 06-01 to 10-01, winter 10-01 to 05-01; no season covers the days 05-01 to 05-31",
        "summer 06-01 to 10-01; no season covers the days 01-01 to 05-31",
        "a 01-01 to 03-01, b 03-01 to 01-01, c 02-29 to 03-01; seasons a and c both cover the days 02-29 to 02-29",
        "winter 12-01 to 03-01, rest 03-01 to 11-30; no season covers the days 11-30 to 11-30",
    })
    void seasonsMustCoverTheYearExactlyOnce(String seasons, String problem) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new SeasonalSchedule("broken", seasons(seasons), HolidayCalendar.none(), true, null));

        assertTrue(refused.getMessage().startsWith("TOU schedule broken: "), refused.getMessage());
        assertTrue(refused.getMessage().contains(problem), refused.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "winter 10-01 to 06-01, summer 06-01 to 10-01",
        "all 01-01 to 01-01",
        "all 07-01 to 07-01",
        "a 01-01 to 02-29, b 02-29 to 01-01",
    })
    void seasonsThatCoverTheYearAreAccepted(String seasons) {
        new SeasonalSchedule("fine", seasons(seasons), HolidayCalendar.none(),
                true, null);
    }

    @Test
    void aGapInADayIsNamedWithItsSeasonAndDayType() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Season.of("winter", MonthDay.of(10, 1), MonthDay.of(6, 1),
                        periods("off-peak 00:00-08:00 | on-peak 09:00-24:00"),
                        periods("off-peak 00:00-16:00 | mid-peak 15:00-24:00"), null));

        assertEquals("season winter, weekday: no period covers 08:00–09:00; "
                + "season winter, weekend: off-peak and mid-peak both cover 15:00–16:00", refused.getMessage());
    }

    @Test
    void holidaysHaveTheirOwnPeriodsOrAreSundaysNeverBothNorNeither() {
        IllegalArgumentException neither = assertThrows(IllegalArgumentException.class,
                () -> new SeasonalSchedule("s", List.of(TestSchedules.winter(false), TestSchedules.summer(true)),
                        US_2024, false, null));
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> new SeasonalSchedule("s", List.of(TestSchedules.winter(true), TestSchedules.summer(false)),
                        US_2024, true, null));

        assertEquals("TOU schedule s: season winter has no holiday periods: give them, or treat holidays as Sundays",
                neither.getMessage());
        assertEquals("TOU schedule s: season winter gives holiday periods, yet holidays are treated as Sundays",
                both.getMessage());
    }

    @ParameterizedTest(name = "{0} minutes")
    @CsvSource({"0", "25", "-15", "7"})
    void aDemandWindowMustDivideTheDay(int minutes) {
        assertThrows(IllegalArgumentException.class, () -> TestSchedules.classic(US_2024, minutes));
    }

    /** Seasons written "name MM-dd to MM-dd, …", each with one flat period all day. */
    private static List<Season> seasons(String text) {
        List<DayPeriod> flat = periods("flat 00:00-24:00");
        return java.util.Arrays.stream(text.split(", ")).map(s -> {
            String[] words = s.trim().split(" ");
            return Season.of(words[0], MonthDay.parse("--" + words[1]), MonthDay.parse("--" + words[3]), flat, flat,
                    null);
        }).toList();
    }
}
