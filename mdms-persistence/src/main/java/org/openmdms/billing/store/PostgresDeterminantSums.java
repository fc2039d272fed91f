package org.openmdms.billing.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.openmdms.reading.store.JdbcStore;

/**
 * The sums a bulk billing run needs, made by PostgreSQL in one grouped query per batch of channels
 * instead of sending every read to the server: the batch's interval reads of one billing period are
 * joined by their end instant to the period's slots (passed as arrays: end, TOU period index, CPP flag,
 * demand window number), summed per demand window, then per channel and TOU period. A few rows per
 * channel come back instead of thousands of reads. The reads are scanned by channel and interval end
 * range, so only the period's monthly partitions are read.
 *
 * <p>The peak of each period is the largest complete window (all its intervals present) and, among
 * equal ones, the earliest: both in one {@code max} over a bigint that holds the window's kWh in
 * millionths (NUMERIC(18,6) exactly) above the reversed window number. Windows of 10 000 000 kWh or
 * more do not fit and are counted instead ({@link Sum#oversized}); reads that match no slot (off the
 * interval grid) are counted too ({@link Sum#offGrid}); the caller calculates such channels the other
 * way. Available on PostgreSQL only ({@link #available()}).
 */
public class PostgresDeterminantSums extends JdbcStore {

    /** Window numbers below this (2^18: 93 days of 1-minute intervals fit). */
    static final long WINDOWS = 1L << 18;
    static final BigDecimal LIMIT = new BigDecimal("10000000");

    /** Sums of one channel's reads in one TOU period ({@code period} null: reads off the slots). */
    public record Sum(long channelId, Integer period, BigDecimal kwh, int count, int estimated, int edited,
            BigDecimal cppKwh, BigDecimal peakKwh, Integer peakWindow, int oversized, int offGrid) {
    }

    /** A billing period's slots as arrays of equal length, in time order. */
    public record Slots(Instant[] ends, int[] periods, boolean[] cpp, int[] windows, int intervalsPerWindow) {
    }

    private final boolean available;

    public PostgresDeterminantSums(DataSource dataSource, String databaseProduct) {
        super(dataSource);
        this.available = databaseProduct.toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** Whether this database can make the sums (PostgreSQL). */
    public boolean available() {
        return available;
    }

    /**
     * The sums of the channels' reads that end in (from, to] (the slots' span), per channel and
     * period, one query. In the caller's transaction.
     */
    public List<Sum> sums(Collection<Long> channelIds, Instant from, Instant to, Slots slots) {
        if (!available) {
            throw new IllegalStateException("determinant sums in the database need PostgreSQL");
        }
        if (channelIds.isEmpty() || slots.ends().length == 0) {
            return List.of();
        }
        if (slots.ends().length >= WINDOWS) {
            throw new IllegalArgumentException("too many slots for one query: " + slots.ends().length);
        }
        int n = slots.intervalsPerWindow();
        // With block windows the reads are summed per window first; a window lies in one period and
        // one CPP state (the caller makes sure), so its period and flag are those of any of its slots.
        String reads = n > 1
                ? "SELECT r.channel_id, s.w, min(s.p) AS p, bool_or(s.c) AS c, sum(r.read_value) AS v, count(*) AS n,"
                        + " count(*) FILTER (WHERE r.source = 'E') AS ne, count(*) FILTER (WHERE r.source = 'M') AS nm"
                        + " FROM interval_read r LEFT JOIN s ON s.e = r.interval_end"
                        + " WHERE r.channel_id = ANY(?) AND r.interval_end > ? AND r.interval_end <= ?"
                        + " GROUP BY r.channel_id, s.w"
                : "SELECT r.channel_id, s.w, s.p, s.c, r.read_value AS v, 1 AS n,"
                        + " CASE WHEN r.source = 'E' THEN 1 ELSE 0 END AS ne, CASE WHEN r.source = 'M' THEN 1 ELSE 0 END AS nm"
                        + " FROM interval_read r LEFT JOIN s ON s.e = r.interval_end"
                        + " WHERE r.channel_id = ANY(?) AND r.interval_end > ? AND r.interval_end <= ?";
        String sql = "WITH s AS (SELECT * FROM unnest(?::timestamptz[], ?::int[], ?::boolean[], ?::int[]) AS s(e, p, c, w))"
                + " SELECT channel_id, p, sum(v), sum(n), sum(ne), sum(nm), sum(v) FILTER (WHERE c),"
                + " max(CASE WHEN abs(v) < " + LIMIT + " THEN CAST(v * 1000000 AS BIGINT) * " + WINDOWS + " + ("
                + (WINDOWS - 1) + " - w) END) FILTER (WHERE n = " + n + "),"
                + " count(*) FILTER (WHERE n = " + n + " AND abs(v) >= " + LIMIT + ")"
                + " FROM (" + reads + ") x GROUP BY channel_id, p";
        StringBuilder ends = new StringBuilder(slots.ends().length * 22).append('{');
        Integer[] periods = new Integer[slots.periods().length];
        Boolean[] cpp = new Boolean[slots.cpp().length];
        Integer[] windows = new Integer[slots.windows().length];
        for (int i = 0; i < slots.ends().length; i++) {
            ends.append(i == 0 ? "" : ",").append(slots.ends()[i]);
            periods[i] = slots.periods()[i];
            cpp[i] = slots.cpp()[i];
            windows[i] = slots.windows()[i];
        }
        ends.append('}');
        return inTransaction(c -> {
            List<Sum> sums = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, ends.toString());
                s.setArray(2, c.createArrayOf("int4", periods));
                s.setArray(3, c.createArrayOf("bool", cpp));
                s.setArray(4, c.createArrayOf("int4", windows));
                s.setArray(5, c.createArrayOf("int8", channelIds.toArray()));
                s.setObject(6, utc(from));
                s.setObject(7, utc(to));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long peak = r.getLong(8);
                        boolean hasPeak = !r.wasNull();
                        int p = r.getInt(2);
                        sums.add(new Sum(r.getLong(1), r.wasNull() ? null : p, r.getBigDecimal(3), r.getInt(4),
                                r.getInt(5), r.getInt(6), r.getBigDecimal(7),
                                hasPeak ? BigDecimal.valueOf(Math.floorDiv(peak, WINDOWS), 6) : null,
                                hasPeak ? (int) (WINDOWS - 1 - Math.floorMod(peak, WINDOWS)) : null, r.getInt(9),
                                0));
                    }
                }
            }
            // Reads off the slots (p null) are reported as such.
            List<Sum> result = new ArrayList<>(sums.size());
            for (Sum sum : sums) {
                result.add(sum.period() == null ? new Sum(sum.channelId(), null, sum.kwh(), sum.count(), 0, 0, null, null,
                        null, 0, sum.count()) : sum);
            }
            return result;
        });
    }
}
