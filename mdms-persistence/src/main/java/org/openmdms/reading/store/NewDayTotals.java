package org.openmdms.reading.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.openmdms.reading.entity.Quality;
import org.openmdms.reading.entity.ReadSource;

/**
 * What a set of new intervals adds to each channel's local days: total, count, estimated and edited
 * counts, maximum. Only for intervals that were not stored before — then the stored daily totals
 * grow by exactly these amounts and need not be recomputed from the reads.
 */
final class NewDayTotals {

    /** One channel day's share of the new intervals. */
    record Share(long channelId, LocalDate day, BigDecimal total, int count, int estimated, int edited, BigDecimal max,
            int outage) {

        static Share of(long channelId, LocalDate day, IntervalRow row) {
            return new Share(channelId, day, row.value(), 1, row.source() == ReadSource.ESTIMATED ? 1 : 0,
                    row.source() == ReadSource.EDITED ? 1 : 0, row.value(), outage(row));
        }

        Share plus(IntervalRow row) {
            return new Share(channelId, day, total.add(row.value()), count + 1,
                    estimated + (row.source() == ReadSource.ESTIMATED ? 1 : 0),
                    edited + (row.source() == ReadSource.EDITED ? 1 : 0),
                    max.compareTo(row.value()) >= 0 ? max : row.value(), outage + outage(row));
        }

        /** Both shares of the same channel day together. */
        Share plus(Share other) {
            return new Share(channelId, day, total.add(other.total), count + other.count, estimated + other.estimated,
                    edited + other.edited, max.compareTo(other.max) >= 0 ? max : other.max, outage + other.outage);
        }

        private static int outage(IntervalRow row) {
            return Quality.has(row.quality(), Quality.POWER_OUTAGE) ? 1 : 0;
        }
    }

    private NewDayTotals() {
    }

    /**
     * The shares in (channel, day) order: writers that add to the same days lock them in one order
     * and so never deadlock.
     */
    static Collection<Share> of(DayRuns rows) {
        Map<DayKey, Share> shares = new java.util.TreeMap<>(java.util.Comparator.comparingLong(DayKey::channelId)
                .thenComparing(DayKey::day));
        for (DayRuns.Run run : rows.runs()) {
            Share share = null;
            for (IntervalRow row : rows.rowsOf(run)) {
                share = share == null ? Share.of(run.channelId(), run.day(), row) : share.plus(row);
            }
            add(shares, share);
        }
        return shares.values();
    }

    private static void add(Map<DayKey, Share> shares, Share share) {
        if (share != null) {
            shares.merge(new DayKey(share.channelId(), share.day()), share, Share::plus);
        }
    }

    private record DayKey(long channelId, LocalDate day) {
    }
}
