package org.openmdms.vee.control;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Public holidays by date, with their names: like-day estimation treats them as Sundays, and the
 * time-of-use schedules reuse them. Immutable.
 */
public record HolidayCalendar(String name, Map<LocalDate, String> holidays) {

    public HolidayCalendar {
        holidays = java.util.Collections.unmodifiableMap(new TreeMap<>(holidays));
    }

    public static HolidayCalendar none() {
        return new HolidayCalendar("none", Map.of());
    }

    public boolean isHoliday(LocalDate day) {
        return holidays.containsKey(day);
    }
}
