package org.openmdms.vee.control;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The totals of the complete days of a channel's history: days whose every expected interval holds a
 * measured read (none missing, estimated or flagged power-off). What high-low-usage compares a judged
 * day with. Built from the history's slots, or — without loading four weeks of raw reads per judged
 * day — from the stored daily totals ({@link #fromDailyTotals}), which give the same answer.
 */
public final class LikeDayTotals {

    private static final LikeDayTotals NONE = new LikeDayTotals(Map.of());

    private final Map<LocalDate, BigDecimal> complete;

    private LikeDayTotals(Map<LocalDate, BigDecimal> complete) {
        this.complete = Map.copyOf(complete);
    }

    public static LikeDayTotals none() {
        return NONE;
    }

    /** The complete days of a series of slots. */
    public static LikeDayTotals of(IntervalSeries history) {
        Map<LocalDate, BigDecimal> complete = new TreeMap<>();
        for (LocalDate day = history.firstDay(); day.isBefore(history.endDay()); day = day.plusDays(1)) {
            var slots = history.day(day);
            if (!slots.isEmpty() && slots.stream().allMatch(Slot::isMeasured)) {
                complete.put(day, IntervalSeries.total(slots));
            }
        }
        return new LikeDayTotals(complete);
    }

    /**
     * The complete days among stored daily totals: as many reads as the day has intervals, none
     * estimated, none flagged power-off by the meter, and no interval inside a power interruption that
     * outage detection recorded ({@code interrupted}: the days with such an interval).
     */
    public static LikeDayTotals fromDailyTotals(Iterable<DayTotal> days, Set<LocalDate> interrupted) {
        Map<LocalDate, BigDecimal> complete = new TreeMap<>();
        for (DayTotal day : days) {
            if (day.readCount() == day.expectedCount() && day.estimatedCount() == 0 && day.outageCount() == 0
                    && !interrupted.contains(day.day())) {
                complete.put(day.day(), day.total());
            }
        }
        return new LikeDayTotals(complete);
    }

    /**
     * The days of [from, to) that are like days of one of the judged days — of the same day type,
     * holidays counted as Sundays ({@link DayType#forLikeDays}): the only stored totals the
     * like-day checks ask for. A weekday's four weeks hold 20 of them, a Saturday's 4.
     */
    public static List<LocalDate> likeDaysOf(Collection<LocalDate> judged, LocalDate from, LocalDate to,
            HolidayCalendar holidays) {
        Set<DayType> types = EnumSet.noneOf(DayType.class);
        judged.forEach(day -> types.add(DayType.of(day, holidays).forLikeDays()));
        List<LocalDate> like = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            if (types.contains(DayType.of(day, holidays).forLikeDays())) {
                like.add(day);
            }
        }
        return like;
    }

    /**
     * Whether an interval that starts on the local day lies wholly inside the interruption [off, on)
     * ({@code on} null: not restored yet) — such a day is not complete.
     */
    public static boolean intervalInside(LocalDate day, ZoneId zone, int intervalMinutes, Instant off, Instant on) {
        Duration length = Duration.ofMinutes(intervalMinutes);
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant start = dayStart;
        if (off.isAfter(dayStart)) {
            long seconds = length.getSeconds();
            long steps = (Duration.between(dayStart, off).getSeconds() + seconds - 1) / seconds;
            start = dayStart.plus(length.multipliedBy(steps));
        }
        return start.isBefore(dayEnd) && (on == null || !start.plus(length).isAfter(on));
    }

    /** The day's total if the day is complete, else null. */
    public BigDecimal completeTotal(LocalDate day) {
        return complete.get(day);
    }

    /** One stored daily total with the number of intervals its local day has. */
    public record DayTotal(LocalDate day, BigDecimal total, int readCount, int estimatedCount, int outageCount,
            int expectedCount) {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LikeDayTotals other && complete.equals(other.complete);
    }

    @Override
    public int hashCode() {
        return complete.hashCode();
    }

    @Override
    public String toString() {
        return "LikeDayTotals" + complete;
    }
}
