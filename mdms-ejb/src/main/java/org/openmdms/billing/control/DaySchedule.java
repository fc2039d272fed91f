package org.openmdms.billing.control;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The TOU periods of one day type in one season: local-time ranges that cover the day 00:00–24:00
 * exactly once, so that every minute of local clock time has exactly one period. Immutable; refuses
 * periods with a gap or an overlap.
 */
public final class DaySchedule {

    private static final int MINUTES_PER_DAY = 1440;

    private final List<DayPeriod> periods;
    private final String[] periodByMinute;

    private DaySchedule(List<DayPeriod> periods, String[] periodByMinute) {
        this.periods = periods;
        this.periodByMinute = periodByMinute;
    }

    /** The day of these periods; throws IllegalArgumentException naming every gap and overlap. */
    public static DaySchedule of(List<DayPeriod> periods) {
        List<String> problems = problems(periods);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        String[] byMinute = new String[MINUTES_PER_DAY];
        for (DayPeriod period : periods) {
            for (int minute = 0; minute < MINUTES_PER_DAY; minute++) {
                if (period.covers(minute)) {
                    byMinute[minute] = period.period();
                }
            }
        }
        return new DaySchedule(List.copyOf(periods), byMinute);
    }

    public static DaySchedule of(DayPeriod... periods) {
        return of(List.of(periods));
    }

    /**
     * What is wrong with these periods as a day, one line per uncovered or doubly covered range of local
     * time ("no period covers 08:00–09:00", "off-peak and on-peak both cover 11:00–12:00"); empty when
     * they cover the day exactly once. For an editor that shows every problem at once.
     */
    public static List<String> problems(List<DayPeriod> periods) {
        List<List<String>> coveredBy = new ArrayList<>(MINUTES_PER_DAY);
        for (int minute = 0; minute < MINUTES_PER_DAY; minute++) {
            List<String> names = new ArrayList<>();
            for (DayPeriod period : periods) {
                if (period.covers(minute)) {
                    names.add(period.period());
                }
            }
            coveredBy.add(names);
        }
        List<String> problems = new ArrayList<>();
        int runStart = 0;
        for (int minute = 1; minute <= MINUTES_PER_DAY; minute++) {
            if (minute < MINUTES_PER_DAY && coveredBy.get(minute).equals(coveredBy.get(runStart))) {
                continue;
            }
            List<String> names = coveredBy.get(runStart);
            String range = time(runStart) + "–" + time(minute);
            if (names.isEmpty()) {
                problems.add("no period covers " + range);
            } else if (names.size() > 1 && new LinkedHashSet<>(names).size() == 1) {
                problems.add(names.get(0) + " covers " + range + " twice");
            } else if (names.size() > 1) {
                problems.add(String.join(" and ", new LinkedHashSet<>(names)) + " both cover " + range);
            }
            runStart = minute;
        }
        return problems;
    }

    /** The periods, in the order given. */
    public List<DayPeriod> periods() {
        return periods;
    }

    /** The period that covers this local time of day. */
    public String periodAt(LocalTime time) {
        return periodByMinute[DayPeriod.minuteOfDay(time)];
    }

    /** The period names in the order given, each once. */
    List<String> periodNames() {
        return periods.stream().map(DayPeriod::period).distinct().toList();
    }

    private static String time(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DaySchedule other && periods.equals(other.periods);
    }

    @Override
    public int hashCode() {
        return periods.hashCode();
    }

    @Override
    public String toString() {
        return periods.toString();
    }
}
