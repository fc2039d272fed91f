package org.openmdms.billing.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The interval slots of one account period under one schedule, as a bulk run in the database needs
 * them: every interval that starts in the period on the local clock grid, keyed by its UTC end
 * instant (as reads are stored), with its TOU period, whether it starts inside a critical-peak event,
 * and the demand window it belongs to. Built once per batch (the same for every usage point of a
 * tariff, zone and interval length) and handed to the database as arrays; {@link DeterminantTally}
 * turns the database's sums back into {@link Determinants}.
 *
 * <p>Nothing is counted: each slot is placed from its own instant with the schedule's
 * {@link TouSchedule#periodAt} and {@link LocalClock}, exactly as {@link DeterminantAccumulator}
 * places a read, so a 23- or 25-hour day has 92 or 100 quarter-hours with the periods of their own
 * local times. Demand windows are numbered in time order: a window is a run of consecutive slots with
 * the same local-clock window start (the accumulator closes a window when that start changes), so the
 * lowest number of equal peaks is the earliest window. Immutable.
 */
public final class SlotTable {

    private final AccountPeriod period;
    private final TouSchedule schedule;
    private final int intervalMinutes;
    private final int windowMinutes;
    private final List<String> periodNames;
    private final Instant[] ends;
    private final int[] periods;
    private final boolean[] cpp;
    private final int[] windows;
    private final Instant[] windowStarts;
    private final int[] windowPeriods;
    private final boolean windowsAligned;

    private SlotTable(AccountPeriod period, TouSchedule schedule, int intervalMinutes, int windowMinutes,
            List<String> periodNames, Instant[] ends, int[] periods, boolean[] cpp, int[] windows,
            Instant[] windowStarts, int[] windowPeriods, boolean windowsAligned) {
        this.period = period;
        this.schedule = schedule;
        this.intervalMinutes = intervalMinutes;
        this.windowMinutes = windowMinutes;
        this.periodNames = periodNames;
        this.ends = ends;
        this.periods = periods;
        this.cpp = cpp;
        this.windows = windows;
        this.windowStarts = windowStarts;
        this.windowPeriods = windowPeriods;
        this.windowsAligned = windowsAligned;
    }

    /**
     * The slots of the account period at this interval length. Refuses what the accumulator refuses
     * (an interval that does not divide the day, a demand window that is not a whole number of
     * intervals, intervals longer than a calendar's), with the same messages.
     */
    public static SlotTable of(TouSchedule schedule, List<CriticalPeakEvent> cppEvents, AccountPeriod period,
            int intervalMinutes) {
        if (intervalMinutes <= 0 || 1440 % intervalMinutes != 0) {
            throw new IllegalArgumentException("interval length must divide a day: " + intervalMinutes);
        }
        Integer window = schedule.demandWindowMinutes();
        int windowMinutes = window == null ? intervalMinutes : window;
        if (windowMinutes % intervalMinutes != 0) {
            throw new IllegalArgumentException("the " + windowMinutes + "-minute demand window of " + schedule.name()
                    + " is not a whole number of " + intervalMinutes + "-minute intervals");
        }
        if (schedule instanceof CalendarSchedule calendar && calendar.intervalMinutes() % intervalMinutes != 0) {
            throw new IllegalArgumentException(intervalMinutes + "-minute intervals cannot be priced on the "
                    + calendar.intervalMinutes() + "-minute calendar " + schedule.name());
        }
        List<String> names = new ArrayList<>(schedule.periodNames());
        names.add(TouSchedule.UNSCHEDULED);
        List<CriticalPeakEvent> events = cppEvents.stream()
                .filter(e -> e.end().isAfter(period.start()) && e.start().isBefore(period.end())).toList();
        java.time.ZoneId zone = period.zone();
        Duration step = Duration.ofMinutes(intervalMinutes);
        int n = period.expectedIntervals(intervalMinutes);
        Instant[] ends = new Instant[n];
        int[] periods = new int[n];
        boolean[] cpp = new boolean[n];
        int[] windows = new int[n];
        List<Instant> windowStarts = new ArrayList<>();
        List<Integer> windowPeriods = new ArrayList<>();
        boolean aligned = true;
        Instant start = LocalClock.ceil(period.start(), zone, intervalMinutes);
        for (int i = 0; i < n; i++, start = start.plus(step)) {
            ends[i] = start.plus(step);
            periods[i] = index(names, schedule.periodAt(start, zone));
            for (CriticalPeakEvent event : events) {
                if (event.contains(start)) {
                    cpp[i] = true;
                    break;
                }
            }
            Instant windowStart = LocalClock.floor(start, zone, windowMinutes);
            if (windowStarts.isEmpty() || !windowStarts.get(windowStarts.size() - 1).equals(windowStart)) {
                windowStarts.add(windowStart);
                windowPeriods.add(index(names, schedule.periodAt(windowStart, zone)));
            }
            int w = windowStarts.size() - 1;
            windows[i] = w;
            // Aligned: every slot of a window has the window's period and the CPP flag of the window's
            // first slot, so a window's reads can be summed before they are split by period.
            if (periods[i] != windowPeriods.get(w) || (i > 0 && windows[i - 1] == w && cpp[i] != cpp[i - 1])) {
                aligned = false;
            }
        }
        return new SlotTable(period, schedule, intervalMinutes, windowMinutes, List.copyOf(names), ends, periods, cpp,
                windows, windowStarts.toArray(Instant[]::new), windowPeriods.stream().mapToInt(Integer::intValue).toArray(),
                aligned);
    }

    private static int index(List<String> names, String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalStateException("the schedule named a period it does not list: " + name);
        }
        return i;
    }

    public AccountPeriod period() {
        return period;
    }

    public TouSchedule schedule() {
        return schedule;
    }

    public int intervalMinutes() {
        return intervalMinutes;
    }

    public int windowMinutes() {
        return windowMinutes;
    }

    /** Intervals of a complete demand window. */
    public int intervalsPerWindow() {
        return windowMinutes / intervalMinutes;
    }

    /** The schedule's period names in its order, then {@link TouSchedule#UNSCHEDULED}: what period indexes refer to. */
    public List<String> periodNames() {
        return periodNames;
    }

    public int size() {
        return ends.length;
    }

    /** The UTC end instant of slot i (reads are stored by their end). */
    public Instant end(int slot) {
        return ends[slot];
    }

    /** The index in {@link #periodNames()} of slot i's TOU period. */
    public int period(int slot) {
        return periods[slot];
    }

    /** Whether slot i starts inside a CPP event. */
    public boolean cpp(int slot) {
        return cpp[slot];
    }

    /** The demand window (number, in time order) of slot i. */
    public int window(int slot) {
        return windows[slot];
    }

    public int windowCount() {
        return windowStarts.length;
    }

    public Instant windowStart(int window) {
        return windowStarts[window];
    }

    /** The index in {@link #periodNames()} of the period a window belongs to: the one it starts in. */
    public int windowPeriod(int window) {
        return windowPeriods[window];
    }

    /**
     * Whether every slot of every window has the window's period and the same CPP flag, so that the
     * database may sum each window first and split the windows by period after. True whenever windows
     * are the channel's own intervals; false only for a block window across a period boundary or a CPP
     * event's start or end (then the bulk run calculates in Java).
     */
    public boolean windowsAligned() {
        return windowsAligned;
    }
}
