package org.openmdms.billing.control;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Determinants of one account period from sums the database made over a {@link SlotTable}: per
 * channel and TOU period the kWh, the counts of reads, estimated and edited reads, the CPP kWh, and
 * the largest complete demand window with its number. Gives the same {@link Determinants} as a
 * {@link DeterminantAccumulator} fed the same reads: the same period order (the schedule's, then
 * {@link TouSchedule#UNSCHEDULED} if any read fell there), exact sums rounded once, the earliest of
 * equal peaks. Not thread-safe.
 */
public final class DeterminantTally {

    private final SlotTable table;
    private final AccountPeriod period;
    private final boolean receivedChannel;
    private final BigDecimal[] delivered;
    private final BigDecimal[] received;
    private final BigDecimal[] peakKwh;
    private final int[] peakWindow;
    private final boolean[] used;
    private BigDecimal cppKwh = BigDecimal.ZERO;
    private final int[] deliveredCounts = new int[3];
    private final int[] receivedCounts = new int[3];
    private int unscheduled;

    public DeterminantTally(SlotTable table, boolean receivedChannel) {
        this(table, table.period(), receivedChannel);
    }

    /**
     * A tally for an account period with the table's bounds (the table's slots serve every account
     * that holds a usage point for the whole billing period).
     */
    public DeterminantTally(SlotTable table, AccountPeriod period, boolean receivedChannel) {
        if (!period.start().equals(table.period().start()) || !period.end().equals(table.period().end())
                || !period.zone().equals(table.period().zone())) {
            throw new IllegalArgumentException("account period " + period.start() + " to " + period.end()
                    + " is not the slot table's " + table.period().start() + " to " + table.period().end());
        }
        this.table = table;
        this.period = period;
        this.receivedChannel = receivedChannel;
        int n = table.periodNames().size();
        delivered = new BigDecimal[n];
        received = new BigDecimal[n];
        peakKwh = new BigDecimal[n];
        peakWindow = new int[n];
        used = new boolean[n];
        for (int i = 0; i < n; i++) {
            delivered[i] = BigDecimal.ZERO;
            received[i] = BigDecimal.ZERO;
        }
    }

    /**
     * The delivered channel's reads in one TOU period (index into {@link SlotTable#periodNames()}):
     * their kWh, how many, how many estimated and edited, the kWh of those in CPP events, and the kWh
     * and number of the period's largest complete demand window (null when it has none).
     */
    public void delivered(int period, BigDecimal kwh, int count, int estimated, int edited, BigDecimal cpp,
            BigDecimal windowKwh, Integer window) {
        if (count > 0) {
            used[period] = true;
            delivered[period] = delivered[period].add(kwh);
            deliveredCounts[0] += count;
            deliveredCounts[1] += estimated;
            deliveredCounts[2] += edited;
            if (cpp != null) {
                cppKwh = cppKwh.add(cpp);
            }
            if (TouSchedule.UNSCHEDULED.equals(table.periodNames().get(period))) {
                unscheduled += count;
            }
        }
        if (windowKwh != null) {
            used[period] = true;
            if (peakKwh[period] == null || windowKwh.compareTo(peakKwh[period]) > 0
                    || (windowKwh.compareTo(peakKwh[period]) == 0 && window < peakWindow[period])) {
                peakKwh[period] = windowKwh;
                peakWindow[period] = window;
            }
        }
    }

    /** The received channel's reads in one TOU period. */
    public void received(int period, BigDecimal kwh, int count, int estimated, int edited) {
        if (!receivedChannel) {
            throw new IllegalStateException("this tally was made without a received channel");
        }
        if (count > 0) {
            used[period] = true;
            received[period] = received[period].add(kwh);
            receivedCounts[0] += count;
            receivedCounts[1] += estimated;
            receivedCounts[2] += edited;
        }
    }

    public Determinants finish() {
        int windowMinutes = table.windowMinutes();
        int expected = period.expectedIntervals(table.intervalMinutes());
        List<PeriodDeterminant> result = new ArrayList<>();
        BigDecimal deliveredTotal = BigDecimal.ZERO;
        BigDecimal receivedTotal = BigDecimal.ZERO;
        List<String> names = table.periodNames();
        for (int i = 0; i < names.size(); i++) {
            deliveredTotal = deliveredTotal.add(delivered[i]);
            receivedTotal = receivedTotal.add(received[i]);
            if (TouSchedule.UNSCHEDULED.equals(names.get(i)) && !used[i]) {
                continue; // listed only when an interval fell outside the calendar
            }
            PeakDemand peak = null;
            if (peakKwh[i] != null) {
                var start = table.windowStart(peakWindow[i]);
                peak = new PeakDemand(DeterminantCalculator.kw(peakKwh[i], windowMinutes), start,
                        start.plus(Duration.ofMinutes(windowMinutes)));
            }
            result.add(new PeriodDeterminant(names.get(i), DeterminantCalculator.kwh(delivered[i]),
                    DeterminantCalculator.kwh(received[i]), peak));
        }
        return new Determinants(period, table.schedule().name(), table.intervalMinutes(), windowMinutes,
                DeterminantCalculator.kwh(deliveredTotal), DeterminantCalculator.kwh(receivedTotal), result,
                DeterminantCalculator.kwh(cppKwh),
                new IntervalCounts(expected, deliveredCounts[0], deliveredCounts[1], deliveredCounts[2]),
                receivedChannel ? new IntervalCounts(expected, receivedCounts[0], receivedCounts[1], receivedCounts[2])
                        : null,
                unscheduled);
    }
}
