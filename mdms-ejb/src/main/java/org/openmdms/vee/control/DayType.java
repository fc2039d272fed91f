package org.openmdms.vee.control;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The kind of day that like-day checks and estimates compare: weekdays with weekdays, Saturdays with
 * Saturdays, Sundays with Sundays — and public holidays count as Sundays (DOMAIN.md §4).
 */
public enum DayType {
    WEEKDAY, SATURDAY, SUNDAY;

    public static DayType of(LocalDate day, HolidayCalendar holidays) {
        if (holidays.isHoliday(day) || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return SUNDAY;
        }
        return day.getDayOfWeek() == DayOfWeek.SATURDAY ? SATURDAY : WEEKDAY;
    }
}
