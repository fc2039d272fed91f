package org.openmdms.billing.control;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openmdms.vee.control.HolidayCalendar;
import org.openmdms.vee.control.estimation.HolidayCalendars;

/** The schedules and holiday calendars the billing tests share, and a short notation for periods. */
final class TestSchedules {

    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    static final HolidayCalendar US_2024 = new HolidayCalendar("us-2024", Map.of(
            LocalDate.parse("2024-01-01"), "New Year's Day",
            LocalDate.parse("2024-07-04"), "Independence Day",
            LocalDate.parse("2024-11-11"), "Veterans Day",
            LocalDate.parse("2024-11-28"), "Thanksgiving Day",
            LocalDate.parse("2024-12-25"), "Christmas Day"));

    static final HolidayCalendar ENGLAND = HolidayCalendars.byId(HolidayCalendars.ENGLAND_AND_WALES);

    private TestSchedules() {
    }

    /**
     * A classic three-period schedule. Winter, 10-01 to 06-01 (across the year end): weekdays off-peak
     * 21:00–07:00, mid-peak 07:00–16:00, on-peak 16:00–21:00; weekends off-peak but mid-peak
     * 16:00–21:00; holidays off-peak all day. Summer, 06-01 to 10-01: weekdays off-peak 00:00–08:00 and
     * 23:00–24:00, mid-peak 08:00–12:00 and 18:00–23:00, on-peak 12:00–18:00; weekends and holidays
     * off-peak all day.
     */
    static SeasonalSchedule classic(HolidayCalendar holidays, Integer demandWindowMinutes) {
        return new SeasonalSchedule("classic", List.of(winter(true), summer(true)), holidays, false,
                demandWindowMinutes);
    }

    /** The classic schedule with holidays treated as Sundays (no holiday periods of its own). */
    static SeasonalSchedule classicHolidaysAsSunday(HolidayCalendar holidays) {
        return new SeasonalSchedule("classic-sunday", List.of(winter(false), summer(false)), holidays, true, null);
    }

    static Season winter(boolean withHolidays) {
        return Season.of("winter", MonthDay.of(10, 1), MonthDay.of(6, 1),
                periods("off-peak 21:00-07:00 | mid-peak 07:00-16:00 | on-peak 16:00-21:00"),
                periods("off-peak 00:00-16:00 | mid-peak 16:00-21:00 | off-peak 21:00-24:00"),
                withHolidays ? periods("off-peak 00:00-24:00") : null);
    }

    static Season summer(boolean withHolidays) {
        return Season.of("summer", MonthDay.of(6, 1), MonthDay.of(10, 1),
                periods("off-peak 00:00-08:00 | mid-peak 08:00-12:00 | on-peak 12:00-18:00 | mid-peak 18:00-23:00"
                        + " | off-peak 23:00-24:00"),
                periods("off-peak 00:00-24:00"),
                withHolidays ? periods("off-peak 00:00-24:00") : null);
    }

    /** Every day: "night" 01:00–02:00 local, "day" the rest. Shows where the DST hours fall. */
    static SeasonalSchedule night() {
        List<DayPeriod> day = periods("night 01:00-02:00 | day 02:00-01:00");
        return new SeasonalSchedule("night", List.of(Season.allYear("all year", day, day, null)),
                HolidayCalendar.none(), true, null);
    }

    /** Periods written "name HH:mm-HH:mm | name HH:mm-HH:mm"; an empty string is no period. */
    static List<DayPeriod> periods(String text) {
        List<DayPeriod> periods = new ArrayList<>();
        if (text.isBlank()) {
            return periods;
        }
        for (String part : text.split("\\|")) {
            String trimmed = part.trim();
            int space = trimmed.lastIndexOf(' ');
            String[] range = trimmed.substring(space + 1).split("-");
            periods.add(DayPeriod.of(trimmed.substring(0, space), range[0], range[1]));
        }
        return periods;
    }
}
