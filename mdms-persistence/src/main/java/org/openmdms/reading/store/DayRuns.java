package org.openmdms.reading.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The rows of one write in runs of consecutive rows of one channel's local day, each row's day
 * computed once ({@link LocalDays}) for everything the write does by day: the daily totals, VEE's
 * queue and the reads kept at hand. Until 2026-11-29 each of the three worked them out again from the
 * rows, and the write put every row into a map to drop repeated intervals (async-profiler over a
 * backfill's VEE-on uploads, bench/ingest/vee-cost.sh: 0.4 s of the days and 0.5 s of the map in 9 s of
 * the chunks' writes; docs/performance.md).
 *
 * <p>Also tells whether the rows are distinct (no two with the same channel and interval end), which
 * an import's rows, each channel's reads in time order, show without a map: every run strictly
 * ascending and no channel day in two runs.
 */
public final class DayRuns {

    /** Rows {@code [from, to)} of the list: one channel's local day. */
    public record Run(long channelId, LocalDate day, int from, int to) {
    }

    private final List<IntervalRow> rows;
    private final Map<Long, ChannelClock> clocks;
    private final List<Run> runs;
    private final boolean distinct;
    private final Instant firstEnd;
    private final Instant lastEnd;

    private DayRuns(List<IntervalRow> rows, Map<Long, ChannelClock> clocks, List<Run> runs, boolean distinct,
            Instant firstEnd, Instant lastEnd) {
        this.rows = rows;
        this.clocks = clocks;
        this.runs = runs;
        this.distinct = distinct;
        this.firstEnd = firstEnd;
        this.lastEnd = lastEnd;
    }

    /**
     * The rows' runs.
     *
     * @param clocks the interval length and zone of every channel in the rows
     */
    public static DayRuns of(List<IntervalRow> rows, Map<Long, ChannelClock> clocks) {
        List<Run> runs = new ArrayList<>();
        LocalDays localDays = new LocalDays(clocks);
        boolean ascending = true;
        Instant first = null;
        Instant last = null;
        long channel = 0;
        LocalDate day = null;
        int from = 0;
        Instant previous = null;
        for (int i = 0; i < rows.size(); i++) {
            IntervalRow row = rows.get(i);
            Instant end = row.intervalEnd();
            LocalDate dayOfRow = localDays.of(row.channelId(), end);
            if (day == null || row.channelId() != channel || !dayOfRow.equals(day)) {
                if (day != null) {
                    runs.add(new Run(channel, day, from, i));
                }
                channel = row.channelId();
                day = dayOfRow;
                from = i;
            } else if (!end.isAfter(previous)) {
                ascending = false;
            }
            previous = end;
            first = first == null || end.isBefore(first) ? end : first;
            last = last == null || end.isAfter(last) ? end : last;
        }
        if (day != null) {
            runs.add(new Run(channel, day, from, rows.size()));
        }
        return new DayRuns(rows, clocks, runs, ascending && eachDayOnce(runs), first, last);
    }

    private static boolean eachDayOnce(List<Run> runs) {
        Set<ChannelDay> days = new HashSet<>(runs.size() * 2);
        for (Run run : runs) {
            if (!days.add(new ChannelDay(run.channelId(), run.day()))) {
                return false;
            }
        }
        return true;
    }

    private record ChannelDay(long channelId, LocalDate day) {
    }

    /**
     * These rows, or where two have the same channel and interval end, the last of them in the place
     * of the first (the write's rule: the last one counts), in runs of their own.
     */
    public DayRuns latest() {
        if (distinct) {
            return this;
        }
        Map<Key, IntervalRow> latest = new LinkedHashMap<>();
        for (IntervalRow row : rows) {
            latest.put(new Key(row.channelId(), row.intervalEnd()), row);
        }
        return of(new ArrayList<>(latest.values()), clocks);
    }

    private record Key(long channelId, Instant intervalEnd) {
    }

    public List<IntervalRow> rows() {
        return rows;
    }

    public Map<Long, ChannelClock> clocks() {
        return clocks;
    }

    /** The runs, in the rows' order. */
    public List<Run> runs() {
        return Collections.unmodifiableList(runs);
    }

    /** The rows of a run. */
    public List<IntervalRow> rowsOf(Run run) {
        return rows.subList(run.from(), run.to());
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Whether no two rows have the same channel and interval end. */
    public boolean distinct() {
        return distinct;
    }

    /** The earliest interval end (null: no rows). */
    public Instant firstEnd() {
        return firstEnd;
    }

    /** The latest interval end (null: no rows). */
    public Instant lastEnd() {
        return lastEnd;
    }

    /**
     * The local days each channel's rows fall on, channels in the order they first come, days in
     * order: what the write touches (the VEE queue, the daily totals to recompute).
     */
    public Map<Long, SortedSet<LocalDate>> byChannel() {
        Map<Long, SortedSet<LocalDate>> touched = new LinkedHashMap<>();
        for (Run run : runs) {
            touched.computeIfAbsent(run.channelId(), id -> new TreeSet<>()).add(run.day());
        }
        return touched;
    }
}
