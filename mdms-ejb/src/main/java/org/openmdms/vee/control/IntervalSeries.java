package org.openmdms.vee.control;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * One channel's intervals over whole local days [firstDay, endDay), slot by slot in time order, with
 * a slot for every expected interval — missing ones included — so that rules never count intervals
 * to find a day: a London day has 46, 48 or 50 half-hours. An interval is stored by its end instant
 * and belongs to the local day in which it starts (DOMAIN.md §4b). Immutable.
 */
public final class IntervalSeries {

    private final ZoneId zone;
    private final int intervalMinutes;
    private final Duration step;
    private final LocalDate firstDay;
    private final LocalDate endDay;
    private final List<Slot> slots;

    private IntervalSeries(ZoneId zone, int intervalMinutes, LocalDate firstDay, LocalDate endDay, List<Slot> slots) {
        this.zone = zone;
        this.intervalMinutes = intervalMinutes;
        this.step = Duration.ofMinutes(intervalMinutes);
        this.firstDay = firstDay;
        this.endDay = endDay;
        this.slots = slots;
    }

    /**
     * The series of the local days [firstDay, endDay) with the stored values given by interval end;
     * ends not in the map are missing slots, values outside the days are ignored.
     */
    public static IntervalSeries of(ZoneId zone, int intervalMinutes, LocalDate firstDay, LocalDate endDay,
            Map<Instant, Slot> stored) {
        return of(zone, intervalMinutes, firstDay, endDay, second -> stored.get(Instant.ofEpochSecond(second)));
    }

    /** As {@link #of(ZoneId, int, LocalDate, LocalDate, Map)}, from the reads VEE loaded for the channel. */
    public static IntervalSeries of(ZoneId zone, int intervalMinutes, LocalDate firstDay, LocalDate endDay,
            StoredSlots stored) {
        return of(zone, intervalMinutes, firstDay, endDay, stored::atSecond);
    }

    /** The series over the stored slots given by interval end in epoch seconds; an end without one is missing. */
    private static IntervalSeries of(ZoneId zone, int intervalMinutes, LocalDate firstDay, LocalDate endDay,
            LongFunction<Slot> stored) {
        if (intervalMinutes <= 0 || 1440 % intervalMinutes != 0) {
            throw new IllegalArgumentException("interval length must divide a day: " + intervalMinutes);
        }
        if (!endDay.isAfter(firstDay)) {
            throw new IllegalArgumentException("empty range " + firstDay + " to " + endDay);
        }
        long step = intervalMinutes * 60L;
        long first = firstDay.atStartOfDay(zone).toInstant().getEpochSecond() + step;
        long after = endDay.atStartOfDay(zone).toInstant().getEpochSecond() + step;
        Slot[] slots = new Slot[(int) ((after - first) / step)];
        int i = 0;
        for (long second = first; second < after; second += step) {
            Slot slot = stored.apply(second);
            slots[i++] = slot == null ? Slot.missing(Instant.ofEpochSecond(second)) : slot;
        }
        return new IntervalSeries(zone, intervalMinutes, firstDay, endDay, new SlotArray(slots, 0, slots.length));
    }

    /**
     * The series of the local days [firstDay, endDay) with nothing stored: every slot missing. VEE
     * judges most channels without their raw history (the like-day totals come from the daily
     * totals), and four weeks of missing quarter-hours made one by one would cost more than judging
     * the day itself; these slots are made only when asked for.
     */
    public static IntervalSeries empty(ZoneId zone, int intervalMinutes, LocalDate firstDay, LocalDate endDay) {
        if (intervalMinutes <= 0 || 1440 % intervalMinutes != 0) {
            throw new IllegalArgumentException("interval length must divide a day: " + intervalMinutes);
        }
        if (!endDay.isAfter(firstDay)) {
            throw new IllegalArgumentException("empty range " + firstDay + " to " + endDay);
        }
        long step = intervalMinutes * 60L;
        Instant first = firstDay.atStartOfDay(zone).toInstant().plusSeconds(step);
        Instant after = endDay.atStartOfDay(zone).toInstant().plusSeconds(step);
        int count = (int) ((after.getEpochSecond() - first.getEpochSecond()) / step);
        return new IntervalSeries(zone, intervalMinutes, firstDay, endDay, new MissingSlots(first, step, count));
    }

    /**
     * Slots in an array, read-only, and its sub-ranges (a day) as views of the same array. The rules
     * read every slot of a series several times: through the JDK's shared wrappers
     * ({@code Collections.unmodifiableList}, {@code AbstractList}'s iterator and sub-list), which every
     * library of a server also uses with its own lists, each read was a call the JIT could not inline
     * (JFR: {@code UnmodifiableList.get} the rules' hottest frame in the VEE worker; bench/vee
     * {@code DailyBenchmark}). Here every call is one of this class.
     */
    private static final class SlotArray extends AbstractList<Slot> implements RandomAccess {

        private final Slot[] slots;
        private final int from;
        private final int size;

        SlotArray(Slot[] slots, int from, int size) {
            this.slots = slots;
            this.from = from;
            this.size = size;
        }

        @Override
        public Slot get(int index) {
            Objects.checkIndex(index, size);
            return slots[from + index];
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public List<Slot> subList(int fromIndex, int toIndex) {
            Objects.checkFromToIndex(fromIndex, toIndex, size);
            return new SlotArray(slots, from + fromIndex, toIndex - fromIndex);
        }

        @Override
        public Iterator<Slot> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < size;
                }

                @Override
                public Slot next() {
                    if (next >= size) {
                        throw new NoSuchElementException();
                    }
                    return slots[from + next++];
                }
            };
        }

        @Override
        public Spliterator<Slot> spliterator() {
            return Arrays.spliterator(slots, from, from + size);
        }

        @Override
        public void forEach(Consumer<? super Slot> action) {
            for (int i = from; i < from + size; i++) {
                action.accept(slots[i]);
            }
        }
    }

    /** Missing slots every {@code step} seconds from {@code first}, made on demand. */
    private static final class MissingSlots extends AbstractList<Slot> implements RandomAccess {

        private final Instant first;
        private final long step;
        private final int size;

        MissingSlots(Instant first, long step, int size) {
            this.first = first;
            this.step = step;
            this.size = size;
        }

        @Override
        public Slot get(int index) {
            Objects.checkIndex(index, size);
            return Slot.missing(first.plusSeconds(step * index));
        }

        @Override
        public int size() {
            return size;
        }
    }

    public ZoneId zone() {
        return zone;
    }

    public int intervalMinutes() {
        return intervalMinutes;
    }

    public Duration step() {
        return step;
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    /** The day after the last day of the series. */
    public LocalDate endDay() {
        return endDay;
    }

    /** Every expected slot, in time order. */
    public List<Slot> slots() {
        return slots;
    }

    /** The local day an interval belongs to: the day in which it starts. */
    public LocalDate dayOf(Instant intervalEnd) {
        return intervalEnd.minus(step()).atZone(zone).toLocalDate();
    }

    /** The slots of one local day of the series, in time order (46, 48 or 50 half-hours in London). */
    public List<Slot> day(LocalDate day) {
        if (day.isBefore(firstDay) || !day.isBefore(endDay)) {
            return List.of();
        }
        int from = indexOf(day.atStartOfDay(zone).toInstant().plus(step()));
        int to = day.plusDays(1).equals(endDay) ? slots.size()
                : indexOf(day.plusDays(1).atStartOfDay(zone).toInstant().plus(step()));
        return slots.subList(from, to);
    }

    /** How many intervals the local day has: 24 h / length, fewer or more on DST days. */
    public int expectedCount(LocalDate day) {
        return expectedCount(zone, intervalMinutes, day);
    }

    public static int expectedCount(ZoneId zone, int intervalMinutes, LocalDate day) {
        // by epoch seconds: Duration.between two ZonedDateTimes goes through LocalDateTime.until, and the
        // worker asks this for every queued day and every judged channel day
        long seconds = day.plusDays(1).atStartOfDay(zone).toEpochSecond() - day.atStartOfDay(zone).toEpochSecond();
        return (int) (seconds / 60 / intervalMinutes);
    }

    /** The slot with this interval end, or null if the series has none. */
    public Slot at(Instant intervalEnd) {
        int i = indexOf(intervalEnd);
        return i >= 0 && i < slots.size() && slots.get(i).end().equals(intervalEnd) ? slots.get(i) : null;
    }

    /** The position of an interval end in the slots (slot ends are evenly spaced). */
    public int indexOf(Instant intervalEnd) {
        Instant first = slots.isEmpty() ? intervalEnd : slots.get(0).end();
        return (int) (Duration.between(first, intervalEnd).toMinutes() / intervalMinutes);
    }

    /** Sum of the values that are present (missing slots count nothing). */
    public static BigDecimal total(List<Slot> slots) {
        BigDecimal total = BigDecimal.ZERO;
        for (Slot slot : slots) {
            if (!slot.isMissing()) {
                total = total.add(slot.value());
            }
        }
        return total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntervalSeries other && zone.equals(other.zone) && intervalMinutes == other.intervalMinutes
                && firstDay.equals(other.firstDay) && endDay.equals(other.endDay) && slots.equals(other.slots);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, intervalMinutes, firstDay, endDay, slots);
    }
}
