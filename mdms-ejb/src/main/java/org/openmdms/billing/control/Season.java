package org.openmdms.billing.control;

import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import org.openmdms.vee.control.DayType;

/**
 * A season of a seasonal TOU schedule: the days [start, end) of every year, by month and day ("summer"
 * from 06-01 to 10-01), and the periods of each day type in it. A start after the end wraps the year
 * end (winter from 10-01 to 06-01); a start equal to the end is the whole year. Saturday and Sunday
 * usually share the weekend periods. The holiday periods are null when the schedule treats holidays as
 * Sundays.
 */
public record Season(String name, MonthDay start, MonthDay end, DaySchedule weekday, DaySchedule saturday,
        DaySchedule sunday, DaySchedule holiday) {

    public Season {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a season needs a name");
        }
        if (start == null || end == null) {
            throw new IllegalArgumentException("season " + name + " needs a start and an end day");
        }
        if (weekday == null || saturday == null || sunday == null) {
            throw new IllegalArgumentException("season " + name + " needs weekday, Saturday and Sunday periods");
        }
    }

    /**
     * A season whose Saturday and Sunday share the weekend periods. Checks each day type's periods and
     * names every gap and overlap with its season and day type ("season winter, weekday: no period covers
     * 08:00–09:00"). {@code holiday} may be null: holidays are then treated as Sundays by the schedule.
     */
    public static Season of(String name, MonthDay start, MonthDay end, List<DayPeriod> weekday,
            List<DayPeriod> weekend, List<DayPeriod> holiday) {
        List<String> problems = new ArrayList<>();
        problems(problems, name, "weekday", weekday);
        problems(problems, name, "weekend", weekend);
        if (holiday != null) {
            problems(problems, name, "holiday", holiday);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        DaySchedule weekendDay = DaySchedule.of(weekend);
        return new Season(name, start, end, DaySchedule.of(weekday), weekendDay, weekendDay,
                holiday == null ? null : DaySchedule.of(holiday));
    }

    /** A season that lasts the whole year. */
    public static Season allYear(String name, List<DayPeriod> weekday, List<DayPeriod> weekend,
            List<DayPeriod> holiday) {
        MonthDay newYear = MonthDay.of(1, 1);
        return of(name, newYear, newYear, weekday, weekend, holiday);
    }

    public boolean covers(MonthDay day) {
        if (start.equals(end)) {
            return true;
        }
        if (start.isBefore(end)) {
            return !day.isBefore(start) && day.isBefore(end);
        }
        return !day.isBefore(start) || day.isBefore(end);
    }

    /** The periods of a day type; null for HOLIDAY when the schedule treats holidays as Sundays. */
    public DaySchedule day(DayType type) {
        return switch (type) {
            case WEEKDAY -> weekday;
            case SATURDAY -> saturday;
            case SUNDAY -> sunday;
            case HOLIDAY -> holiday;
        };
    }

    private static void problems(List<String> problems, String season, String dayType, List<DayPeriod> periods) {
        if (periods == null) {
            problems.add("season " + season + ", " + dayType + ": no periods");
            return;
        }
        for (String problem : DaySchedule.problems(periods)) {
            problems.add("season " + season + ", " + dayType + ": " + problem);
        }
    }
}
