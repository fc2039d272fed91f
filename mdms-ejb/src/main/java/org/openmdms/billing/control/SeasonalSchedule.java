package org.openmdms.billing.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openmdms.vee.control.DayType;
import org.openmdms.vee.control.HolidayCalendar;

/**
 * A TOU schedule by rules: seasons that cover the year exactly once, day types within a season
 * (weekday, Saturday, Sunday, and holiday from the schedule's holiday calendar), and local-time
 * periods within a day type. An interval takes the period that covers its local start time, in the
 * season and day type of its local start date (DOMAIN.md §4b), so the 23- and 25-hour DST days need
 * nothing special: on the autumn day both 01:00–02:00 hours fall in the period that covers 01:00.
 * With {@code holidaysAsSunday} a holiday takes the Sunday periods, and no season may give holiday
 * periods of its own. Period names are the determinants: a rate that prices summer and winter
 * on-peak differently names them differently ("summer on-peak"); periods of the same name in several
 * seasons add up. Immutable.
 */
public record SeasonalSchedule(String name, List<Season> seasons, HolidayCalendar holidays, boolean holidaysAsSunday,
        Integer demandWindowMinutes) implements TouSchedule {

    /** A leap year, so that 02-29 is checked too. */
    private static final int LEAP_YEAR = 2024;

    public SeasonalSchedule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a TOU schedule needs a name");
        }
        if (seasons == null || seasons.isEmpty()) {
            throw new IllegalArgumentException("TOU schedule " + name + " has no season");
        }
        if (holidays == null) {
            throw new IllegalArgumentException("TOU schedule " + name + " needs a holiday calendar (or none())");
        }
        seasons = List.copyOf(seasons);
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Season season : seasons) {
            if (!names.add(season.name())) {
                problems.add("season " + season.name() + " is given twice");
            }
            if (holidaysAsSunday && season.holiday() != null) {
                problems.add("season " + season.name() + " gives holiday periods, yet holidays are treated as Sundays");
            }
            if (!holidaysAsSunday && season.holiday() == null) {
                problems.add("season " + season.name()
                        + " has no holiday periods: give them, or treat holidays as Sundays");
            }
        }
        problems.addAll(seasonCoverage(seasons));
        TouSchedule.checkDemandWindow(demandWindowMinutes);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("TOU schedule " + name + ": " + String.join("; ", problems));
        }
    }

    @Override
    public String periodAt(Instant intervalStart, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(intervalStart, zone);
        return day(local.toLocalDate()).periodAt(local.toLocalTime());
    }

    /** The periods that apply on a local date: its season's, for its day type. */
    public DaySchedule day(LocalDate date) {
        Season season = seasonOf(date);
        DayType type = DayType.of(date, holidays);
        if (type == DayType.HOLIDAY && holidaysAsSunday) {
            type = DayType.SUNDAY;
        }
        return season.day(type);
    }

    public Season seasonOf(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        for (Season season : seasons) {
            if (season.covers(day)) {
                return season;
            }
        }
        throw new IllegalStateException("no season covers " + day); // the constructor has checked the year
    }

    @Override
    public List<String> periodNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Season season : seasons) {
            for (DayType type : DayType.values()) {
                DaySchedule day = season.day(type);
                if (day != null) {
                    names.addAll(day.periodNames());
                }
            }
        }
        return List.copyOf(names);
    }

    /** Days of the year not covered by any season, or by more than one, as ranges of month-days. */
    private static List<String> seasonCoverage(List<Season> seasons) {
        List<String> problems = new ArrayList<>();
        LocalDate runStart = LocalDate.of(LEAP_YEAR, 1, 1);
        List<String> runSeasons = coveringSeasons(seasons, runStart);
        for (LocalDate day = runStart.plusDays(1); ; day = day.plusDays(1)) {
            boolean yearEnd = day.getYear() > LEAP_YEAR;
            List<String> covering = yearEnd ? null : coveringSeasons(seasons, day);
            if (!yearEnd && covering.equals(runSeasons)) {
                continue;
            }
            String range = "the days " + monthDay(runStart) + " to " + monthDay(day.minusDays(1));
            if (runSeasons.isEmpty()) {
                problems.add("no season covers " + range);
            } else if (runSeasons.size() > 1) {
                problems.add("seasons " + String.join(" and ", runSeasons) + (runSeasons.size() == 2 ? " both" : " all")
                        + " cover " + range);
            }
            if (yearEnd) {
                return problems;
            }
            runStart = day;
            runSeasons = covering;
        }
    }

    private static String monthDay(LocalDate day) {
        return String.format("%02d-%02d", day.getMonthValue(), day.getDayOfMonth());
    }

    private static List<String> coveringSeasons(List<Season> seasons, LocalDate day) {
        MonthDay monthDay = MonthDay.from(day);
        return seasons.stream().filter(s -> s.covers(monthDay)).map(Season::name).collect(Collectors.toList());
    }
}
