package org.openmdms.reading.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmdms.reading.entity.ReadSource;

/**
 * The reads of the channel days this server's imports wrote lately, kept compactly in memory so that
 * VEE judges them without loading them back from the database (docs/vee.md, "Reads at hand").
 *
 * <p>A day is kept when one write stored reads of it on the bulk path, every one of them new, and is
 * handed out only while it is certain to be exactly what the database holds: the day's daily totals
 * row ({@code daily_channel_reading}), which every write of a read sets on any server of a cluster,
 * must still carry that write's time ({@code updated_at}) and a read count equal to the reads kept.
 * A day written again since, edited, estimated, or written in parts is loaded from the database as
 * before. Values are kept as the table stores them ({@code NUMERIC(18,6)}: unscaled at scale 6), so
 * that VEE sees the same values, scales and messages either way.
 *
 * <p>Bounded by a number of reads (about 22 bytes each); the days kept longest go first. Thread-safe.
 */
public final class ReadsAtHand {

    private static final int SCALE = 6;
    private static final ReadSource[] SOURCES = ReadSource.values();

    private final long capacity;
    private final LinkedHashMap<DayKey, Day> days = new LinkedHashMap<>();
    private long held;

    /** Keeps at most {@code capacity} reads. */
    public ReadsAtHand(long capacity) {
        this.capacity = capacity;
    }

    /** A channel's local day. */
    record DayKey(long channelId, LocalDate day) {
    }

    /** One day's reads in interval order, written at {@code writtenAt}. */
    private record Day(Instant writtenAt, long[] ends, long[] unscaled, int[] quality, byte[] source) {

        int size() {
            return ends.length;
        }
    }

    /** A day VEE is about to judge, with its daily totals row's last write and read count (null: no row). */
    public record Written(LocalDate day, Instant writtenAt, int readCount) {
    }

    /**
     * Keeps the rows, all of them new, that one write stored at {@code writtenAt} (the time it gave the
     * daily totals it touched), by channel and local day. A day already kept is replaced.
     */
    public void keep(DayRuns rows, Instant writtenAt) {
        if (capacity <= 0 || rows.isEmpty() || rows.rows().size() > capacity) {
            return;
        }
        Map<DayKey, List<IntervalRow>> byDay = new LinkedHashMap<>();
        for (DayRuns.Run run : rows.runs()) {
            DayKey key = new DayKey(run.channelId(), run.day());
            if (rows.distinct()) {
                byDay.put(key, rows.rowsOf(run)); // each day one run, in time order
            } else {
                byDay.computeIfAbsent(key, k -> new ArrayList<>()).addAll(rows.rowsOf(run));
            }
        }
        Map<DayKey, Day> kept = new HashMap<>();
        byDay.forEach((key, ofDay) -> {
            Day day = compact(ofDay, writtenAt);
            if (day != null) {
                kept.put(key, day);
            }
        });
        synchronized (this) {
            kept.forEach((key, day) -> {
                Day before = days.remove(key);
                if (before != null) {
                    held -= before.size();
                }
                days.put(key, day);
                held += day.size();
            });
            Iterator<Day> oldest = days.values().iterator();
            while (held > capacity && oldest.hasNext()) {
                held -= oldest.next().size();
                oldest.remove();
            }
        }
    }

    /**
     * Passes the channel's reads of the days to the sink, days in the order given, and forgets them —
     * only if every day is kept and still the database's (see the class comment); otherwise passes
     * nothing, forgets the days that no longer are, and returns false.
     */
    public boolean take(long channelId, List<Written> written, IntervalStore.ReadSink sink) {
        if (written.isEmpty()) {
            return false;
        }
        List<Day> found = new ArrayList<>(written.size());
        synchronized (this) {
            for (Written w : written) {
                DayKey key = new DayKey(channelId, w.day());
                Day day = days.get(key);
                if (day == null) {
                    return false;
                }
                if (!day.writtenAt().equals(w.writtenAt()) || day.size() != w.readCount()) {
                    days.remove(key);
                    held -= day.size();
                    return false;
                }
                found.add(day);
            }
            for (Written w : written) {
                held -= days.remove(new DayKey(channelId, w.day())).size();
            }
        }
        for (Day day : found) {
            for (int i = 0; i < day.size(); i++) {
                sink.accept(channelId, Instant.ofEpochSecond(day.ends()[i]),
                        BigDecimal.valueOf(day.unscaled()[i], SCALE), day.quality()[i], SOURCES[day.source()[i]]);
            }
        }
        return true;
    }

    /** Reads kept now. */
    public synchronized long held() {
        return held;
    }

    /**
     * The day's rows as the table stores them, in interval order (the list is sorted where it is not);
     * null when one cannot be kept so.
     */
    private static Day compact(List<IntervalRow> rows, Instant writtenAt) {
        for (int i = 1; i < rows.size(); i++) {
            if (!rows.get(i - 1).intervalEnd().isBefore(rows.get(i).intervalEnd())) {
                rows.sort(Comparator.comparing(IntervalRow::intervalEnd));
                break;
            }
        }
        int n = rows.size();
        long[] ends = new long[n];
        long[] unscaled = new long[n];
        int[] quality = new int[n];
        byte[] source = new byte[n];
        for (int i = 0; i < n; i++) {
            IntervalRow row = rows.get(i);
            if (row.intervalEnd().getNano() != 0) {
                return null;
            }
            try {
                unscaled[i] = unscaled(row.value());
            } catch (ArithmeticException tooLarge) {
                return null;
            }
            ends[i] = row.intervalEnd().getEpochSecond();
            quality[i] = row.quality();
            source[i] = (byte) row.source().ordinal();
        }
        return new Day(writtenAt, ends, unscaled, quality, source);
    }

    /**
     * The value at the table's scale, unscaled: exact where it has at most {@value #SCALE} places (no
     * rounding, no {@code BigInteger}), else rounded half up as the database rounds; too many digits
     * for {@code NUMERIC(18,6)} throw.
     */
    static long unscaled(BigDecimal value) {
        BigDecimal stored = value.scale() <= SCALE ? value : value.setScale(SCALE, RoundingMode.HALF_UP);
        long unscaled = stored.scaleByPowerOfTen(SCALE).longValueExact();
        if (Math.abs(unscaled) >= 1_000_000_000_000_000_000L) {
            throw new ArithmeticException("more than 18 digits");
        }
        return unscaled;
    }
}
