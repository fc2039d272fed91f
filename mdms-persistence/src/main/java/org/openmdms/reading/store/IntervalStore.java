package org.openmdms.reading.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openmdms.reading.entity.ReadSource;

/**
 * Interval reads in the database: the bulk write with versioning, the reads of a channel, the
 * history of an interval, and the daily totals. All vendor SQL of interval data lives behind this
 * interface, one implementation per database (PostgreSQL: COPY into a staging table and one
 * set-based merge into monthly partitions; H2: JDBC batches into a staging table and the same merge).
 * Writes join the caller's transaction.
 */
public interface IntervalStore {

    /**
     * Writes the rows: a new interval is inserted; an identical value, quality and source is a
     * duplicate and changes nothing; a different value becomes the current version and the previous
     * one moves to the history; automatic data arriving for an interval an analyst edited is kept
     * in the history and the edit stays current. The daily totals of the touched channel days are
     * brought up to date in the same transaction. Of rows with the same channel and interval end the
     * last one counts; the earlier ones are counted as duplicates.
     *
     * @param clocks the interval length and zone of every channel in the rows (for the daily totals)
     */
    default WriteResult write(List<IntervalRow> rows, Map<Long, ChannelClock> clocks, Long importId) {
        return write(DayRuns.of(rows, clocks), importId);
    }

    /** As {@link #write(List, Map, Long)}, the rows with their local days worked out ({@link DayRuns}). */
    WriteResult write(DayRuns rows, Long importId);

    /** Current values of a channel with interval end in [from, to), in time order. */
    List<StoredInterval> reads(long channelId, Instant from, Instant to);

    /**
     * Current values of many channels with interval end in [from, to), handed to the sink one by one
     * in no particular order: a few queries for all of them (VEE loads a batch of usage points this
     * way), streamed, never one query per channel.
     */
    void forEachRead(Collection<Long> channelIds, Instant from, Instant to, ReadSink sink);

    /**
     * Hands the channel's reads of the days to the sink from memory, if this server's import wrote them
     * lately and they are still exactly what is stored ({@link ReadsAtHand}); returns false, having
     * handed nothing, where they must be loaded with {@link #forEachRead}.
     */
    boolean readsAtHand(long channelId, List<ReadsAtHand.Written> days, ReadSink sink);

    /** Receives the reads of {@link #forEachRead}. */
    @FunctionalInterface
    interface ReadSink {
        void accept(long channelId, Instant intervalEnd, BigDecimal value, int quality, ReadSource source);
    }

    /** Earlier versions of one interval, oldest first. */
    List<IntervalVersion> history(long channelId, Instant intervalEnd);

    /** Daily totals of a channel for local days in [from, to). */
    List<DailyReading> daily(long channelId, LocalDate from, LocalDate to);

    /**
     * The stored daily totals of several channels' given local days, in no particular order: VEE asks
     * for the like days of the days it judges only (a weekday's history holds 20 of its 28 days, a
     * Saturday's 4).
     */
    List<DailyReading> daily(Collection<Long> channelIds, Collection<LocalDate> days);

    /**
     * How many chunks of one import may be written side by side, each in its own transaction: more
     * than one where the database locks rows, not tables, and its bulk path keeps a core busy.
     */
    default int concurrentWriters() {
        return 1;
    }

    /** Makes the storage for interval ends in [from, to) ready ahead of time (partitions); no-op where none is needed. */
    void prepare(Instant from, Instant to);

    /**
     * Removes the interval detail (current values and history) of every whole month before the
     * cutoff, rounded down to the first of its month in UTC: interval ends before that boundary go,
     * later ones are untouched. Whole partitions are dropped or detached, never rows deleted one by
     * one (H2, which has no partitions, deletes the range in one statement per table). Daily totals
     * are kept. Runs in a transaction of its own (partition DDL; on Oracle DDL commits anyway), so
     * call it outside a container transaction.
     */
    RetentionResult applyRetention(Instant cutoff, RetentionMode mode);

    /** The months of interval detail stored, per table, oldest first. */
    List<StoredMonth> storage();
}
