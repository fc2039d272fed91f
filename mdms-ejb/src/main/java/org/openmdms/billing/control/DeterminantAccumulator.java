package org.openmdms.billing.control;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmdms.reading.entity.ReadSource;
import org.openmdms.vee.control.Slot;

/**
 * Determinants of one account period built up read by read, so that a bulk run streams a channel's
 * rows from the database in interval order and keeps only running sums: memory does not grow with
 * the number of reads. Each channel's reads must come in increasing interval order (a repeated or
 * earlier interval is refused: it would count twice); the delivered and received channels may be
 * interleaved in any way. Reads that do not start in the account period are passed over, so one
 * stream of a billing period may feed the accumulators of all its account periods. Not thread-safe;
 * made by {@link DeterminantCalculator#accumulator}.
 */
public final class DeterminantAccumulator {

    private final TouSchedule schedule;
    private final List<String> periodNames;
    private final List<CriticalPeakEvent> cppEvents;
    private final AccountPeriod period;
    private final ZoneId zone;
    private final int intervalMinutes;
    private final Duration step;
    private final int windowMinutes;
    private final int intervalsPerWindow;
    private final Instant gridStart;

    private final Channel delivered = new Channel("delivered");
    private final Channel received;
    private final Map<String, PeriodSums> periods = new LinkedHashMap<>();
    private BigDecimal cppKwh = BigDecimal.ZERO;
    private int unscheduledIntervals;

    private Instant windowStart;
    private BigDecimal windowKwh = BigDecimal.ZERO;
    private int windowIntervals;

    private boolean finished;

    DeterminantAccumulator(TouSchedule schedule, List<String> periodNames, List<CriticalPeakEvent> cppEvents,
            AccountPeriod period, int intervalMinutes, boolean receivedChannel) {
        if (intervalMinutes <= 0 || 1440 % intervalMinutes != 0) {
            throw new IllegalArgumentException("interval length must divide a day: " + intervalMinutes);
        }
        Integer window = schedule.demandWindowMinutes();
        this.windowMinutes = window == null ? intervalMinutes : window;
        if (windowMinutes % intervalMinutes != 0) {
            throw new IllegalArgumentException("the " + windowMinutes + "-minute demand window of " + schedule.name()
                    + " is not a whole number of " + intervalMinutes + "-minute intervals");
        }
        if (schedule instanceof CalendarSchedule calendar && calendar.intervalMinutes() % intervalMinutes != 0) {
            // A longer channel interval would take the period of its first part for all of its energy.
            throw new IllegalArgumentException(intervalMinutes + "-minute intervals cannot be priced on the "
                    + calendar.intervalMinutes() + "-minute calendar " + schedule.name());
        }
        this.schedule = schedule;
        this.periodNames = periodNames;
        this.cppEvents = cppEvents;
        this.period = period;
        this.zone = period.zone();
        this.intervalMinutes = intervalMinutes;
        this.step = Duration.ofMinutes(intervalMinutes);
        this.intervalsPerWindow = windowMinutes / intervalMinutes;
        this.gridStart = LocalClock.ceil(period.start(), zone, intervalMinutes);
        this.received = receivedChannel ? new Channel("received") : null;
        for (String name : periodNames) {
            periods.put(name, new PeriodSums());
        }
    }

    /** A read of the delivered channel; a missing slot (no value) is passed over. */
    public void delivered(Slot slot) {
        if (slot.value() != null) {
            delivered(slot.end(), slot.value(), slot.source());
        }
    }

    /** A read of the delivered channel by its interval end, value in kWh and source. */
    public void delivered(Instant end, BigDecimal value, ReadSource source) {
        Instant start = accept(delivered, end, source);
        if (start == null) {
            return;
        }
        delivered.total = delivered.total.add(value);
        String name = schedule.periodAt(start, zone);
        if (TouSchedule.UNSCHEDULED.equals(name)) {
            unscheduledIntervals++;
        }
        PeriodSums sums = sums(name);
        sums.delivered = sums.delivered.add(value);
        for (CriticalPeakEvent event : cppEvents) {
            if (event.contains(start)) {
                cppKwh = cppKwh.add(value);
                break; // overlapping events count an interval once
            }
        }
        Instant window = LocalClock.floor(start, zone, windowMinutes);
        if (!window.equals(windowStart)) {
            closeWindow();
            windowStart = window;
        }
        windowKwh = windowKwh.add(value);
        windowIntervals++;
    }

    /** A read of the received (export) channel; a missing slot (no value) is passed over. */
    public void received(Slot slot) {
        if (slot.value() != null) {
            received(slot.end(), slot.value(), slot.source());
        }
    }

    public void received(Instant end, BigDecimal value, ReadSource source) {
        if (received == null) {
            throw new IllegalStateException("this accumulator was made without a received channel");
        }
        Instant start = accept(received, end, source);
        if (start == null) {
            return;
        }
        received.total = received.total.add(value);
        PeriodSums sums = sums(schedule.periodAt(start, zone));
        sums.received = sums.received.add(value);
    }

    /** The determinants of the reads given so far; the accumulator takes no more reads after this. */
    public Determinants finish() {
        if (finished) {
            throw new IllegalStateException("determinants already finished");
        }
        closeWindow();
        finished = true;
        int expected = period.expectedIntervals(intervalMinutes);
        List<PeriodDeterminant> result = new ArrayList<>();
        for (Map.Entry<String, PeriodSums> entry : periods.entrySet()) {
            PeriodSums sums = entry.getValue();
            PeakDemand peak = sums.peakStart == null ? null
                    : new PeakDemand(DeterminantCalculator.kw(sums.peakKwh, windowMinutes), sums.peakStart,
                            sums.peakStart.plus(Duration.ofMinutes(windowMinutes)));
            result.add(new PeriodDeterminant(entry.getKey(), DeterminantCalculator.kwh(sums.delivered),
                    DeterminantCalculator.kwh(sums.received), peak));
        }
        return new Determinants(period, schedule.name(), intervalMinutes, windowMinutes,
                DeterminantCalculator.kwh(delivered.total),
                DeterminantCalculator.kwh(received == null ? BigDecimal.ZERO : received.total), result,
                DeterminantCalculator.kwh(cppKwh), delivered.counts(expected),
                received == null ? null : received.counts(expected), unscheduledIntervals);
    }

    /**
     * Checks a read's place and order and counts it; returns its interval start, or null when it does
     * not start in the account period.
     */
    private Instant accept(Channel channel, Instant end, ReadSource source) {
        if (finished) {
            throw new IllegalStateException("determinants already finished");
        }
        Instant start = end.minus(step);
        long offGrid = Math.floorMod(Duration.between(gridStart, start).getSeconds(), step.getSeconds());
        if (offGrid != 0 || start.getNano() != 0) {
            throw new IllegalArgumentException(channel.name + " read ending " + end + " is not on the "
                    + intervalMinutes + "-minute interval grid");
        }
        if (!period.contains(start)) {
            return null;
        }
        if (channel.lastEnd != null && !end.isAfter(channel.lastEnd)) {
            throw new IllegalArgumentException(channel.name + " reads out of interval order: " + end
                    + (end.equals(channel.lastEnd) ? " twice" : " after " + channel.lastEnd));
        }
        channel.lastEnd = end;
        channel.present++;
        if (source == ReadSource.ESTIMATED) {
            channel.estimated++;
        } else if (source == ReadSource.EDITED) {
            channel.edited++;
        }
        return start;
    }

    /** Ends the open demand window: it counts only when all its intervals are present. */
    private void closeWindow() {
        if (windowStart != null && windowIntervals == intervalsPerWindow) {
            PeriodSums sums = sums(schedule.periodAt(windowStart, zone));
            // Strictly greater: on a tie the earliest window stays the peak.
            if (sums.peakStart == null || windowKwh.compareTo(sums.peakKwh) > 0) {
                sums.peakKwh = windowKwh;
                sums.peakStart = windowStart;
            }
        }
        windowStart = null;
        windowKwh = BigDecimal.ZERO;
        windowIntervals = 0;
    }

    private PeriodSums sums(String name) {
        return periods.computeIfAbsent(name, n -> new PeriodSums());
    }

    private static final class Channel {
        final String name;
        Instant lastEnd;
        int present;
        int estimated;
        int edited;
        BigDecimal total = BigDecimal.ZERO;

        Channel(String name) {
            this.name = name;
        }

        IntervalCounts counts(int expected) {
            return new IntervalCounts(expected, present, estimated, edited);
        }
    }

    private static final class PeriodSums {
        BigDecimal delivered = BigDecimal.ZERO;
        BigDecimal received = BigDecimal.ZERO;
        BigDecimal peakKwh;
        Instant peakStart;
    }
}
