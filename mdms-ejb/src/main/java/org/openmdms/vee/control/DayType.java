package org.openmdms.vee.control;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The kind of a local day for like-day estimation and time-of-use schedules (DOMAIN.md §4, §5): a
 * public holiday of the usage point's calendar is a HOLIDAY whatever weekday it falls on; any other
 * day is a WEEKDAY, SATURDAY or SUNDAY.
 */
public enum DayType {
    WEEKDAY, SATURDAY, SUNDAY, HOLIDAY;

    public static DayType of(LocalDate day, HolidayCalendar holidays) {
        if (holidays.isHoliday(day)) {
            return HOLIDAY;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY ? SATURDAY : weekday == DayOfWeek.SUNDAY ? SUNDAY : WEEKDAY;
    }

    /** The day type that like-day estimation matches on: a holiday counts as a Sunday. */
    public DayType forLikeDays() {
        return this == HOLIDAY ? SUNDAY : this;
    }

    /** Whether two days are like days: the same day type, holidays counted as Sundays. */
    public static boolean alike(LocalDate one, LocalDate other, HolidayCalendar holidays) {
        return of(one, holidays).forLikeDays() == of(other, holidays).forLikeDays();
    }
}
