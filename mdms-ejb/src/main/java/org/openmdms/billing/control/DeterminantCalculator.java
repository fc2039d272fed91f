package org.openmdms.billing.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.openmdms.vee.control.Slot;

/**
 * Calculates billing determinants (DOMAIN.md §5) from a usage point's interval reads under one TOU
 * schedule and its critical-peak events: a pure function of its inputs, with no database. For a bulk
 * run, {@link #accumulator} takes the reads one by one in interval order, in bounded memory, as they
 * stream from the database; {@link #calculate} does the same over lists. One calculator serves every
 * usage point on the schedule; it is immutable and thread-safe (its accumulators are not).
 *
 * <p>Rules, in docs/determinants.md: an interval (stored by its end) belongs to the account period,
 * local day and TOU period in which it starts; sums are exact and rounded once, half up, to
 * {@value #KWH_SCALE} decimals for kWh and {@value #KW_SCALE} for kW.
 */
public final class DeterminantCalculator {

    public static final int KWH_SCALE = 3;
    public static final int KW_SCALE = 3;

    private final TouSchedule schedule;
    private final List<CriticalPeakEvent> cppEvents;
    private final List<String> periodNames;

    public DeterminantCalculator(TouSchedule schedule, List<CriticalPeakEvent> cppEvents) {
        if (schedule == null) {
            throw new IllegalArgumentException("determinants need a TOU schedule");
        }
        this.schedule = schedule;
        List<CriticalPeakEvent> events = new ArrayList<>(cppEvents);
        events.sort(Comparator.comparing(CriticalPeakEvent::start));
        this.cppEvents = List.copyOf(events);
        // Computed once: a calendar schedule has a year of entries, and a bulk run makes many accumulators.
        this.periodNames = schedule.periodNames();
    }

    public TouSchedule schedule() {
        return schedule;
    }

    public List<CriticalPeakEvent> cppEvents() {
        return cppEvents;
    }

    /**
     * A fresh accumulator for one account period of a channel with intervals of this length, with or
     * without a received (export) channel. Feed it each channel's reads in interval order.
     */
    public DeterminantAccumulator accumulator(AccountPeriod period, int intervalMinutes, boolean receivedChannel) {
        List<CriticalPeakEvent> events = cppEvents.stream()
                .filter(e -> e.end().isAfter(period.start()) && e.start().isBefore(period.end())).toList();
        return new DeterminantAccumulator(schedule, periodNames, events, period, intervalMinutes, receivedChannel);
    }

    /**
     * The determinants of an account period from the delivered reads and, when the usage point has a
     * received channel, its reads ({@code received} null when it has none). Reads in any order; missing
     * slots (no value) and reads that do not start in the period are passed over.
     */
    public Determinants calculate(AccountPeriod period, int intervalMinutes, Collection<Slot> delivered,
            Collection<Slot> received) {
        DeterminantAccumulator accumulator = accumulator(period, intervalMinutes, received != null);
        for (Slot slot : byEnd(delivered)) {
            accumulator.delivered(slot);
        }
        if (received != null) {
            for (Slot slot : byEnd(received)) {
                accumulator.received(slot);
            }
        }
        return accumulator.finish();
    }

    static BigDecimal kwh(BigDecimal exact) {
        return exact.setScale(KWH_SCALE, RoundingMode.HALF_UP);
    }

    /** kW over a window: its kWh × 60 / its minutes. */
    static BigDecimal kw(BigDecimal windowKwh, int windowMinutes) {
        return windowKwh.multiply(BigDecimal.valueOf(60)).divide(BigDecimal.valueOf(windowMinutes), KW_SCALE,
                RoundingMode.HALF_UP);
    }

    private static List<Slot> byEnd(Collection<Slot> slots) {
        List<Slot> sorted = new ArrayList<>(slots);
        sorted.sort(Comparator.comparing(Slot::end));
        return sorted;
    }
}
