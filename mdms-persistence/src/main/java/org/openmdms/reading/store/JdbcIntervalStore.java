package org.openmdms.reading.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.openmdms.config.Settings;
import org.openmdms.reading.entity.ReadSource;

/**
 * The interval store's SQL that PostgreSQL (15+), H2 and Oracle share: stage the rows, classify them
 * against the current ones, move superseded versions to the history, one MERGE for the current
 * values, and the daily totals of the touched channel days. Subclasses stage differently (COPY),
 * prepare partitions, and give their own MERGE text where the dialect differs (Oracle), built from
 * the same fragments.
 */
abstract class JdbcIntervalStore extends JdbcStore implements IntervalStore {

    /** Same value, quality and source: a duplicate. */
    static final String SAME = "r.read_value = s.read_value AND r.quality = s.quality AND r.source = s.source";
    /** Automatic data for an interval an analyst edited: kept as a version, the edit stays current. */
    static final String BEHIND_EDIT = "r.source = 'M' AND s.source <> 'M'";
    /** A stored value that a staged row changes (and that is not an edit kept over automatic data). */
    static final String CHANGED = "NOT (" + SAME + ") AND NOT (" + BEHIND_EDIT + ")";

    private static final String CLASSIFY = "SELECT"
            + " COUNT(*),"
            + " SUM(CASE WHEN r.channel_id IS NULL THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN r.channel_id IS NOT NULL AND " + SAME + " THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN r.channel_id IS NOT NULL AND NOT (" + SAME + ") AND " + BEHIND_EDIT + " THEN 1 ELSE 0 END)"
            + " FROM interval_read_stage s LEFT JOIN interval_read r"
            + " ON r.channel_id = s.channel_id AND r.interval_end = s.interval_end WHERE s.batch_id = ?";

    private static final String HISTORY_OF_REPLACED = "INSERT INTO interval_read_history"
            + " (channel_id, interval_end, read_value, quality, source, version, received_at, import_id, superseded_at, reason)"
            + " SELECT r.channel_id, r.interval_end, r.read_value, r.quality, r.source, r.version, r.received_at, r.import_id, ?,"
            + " CASE WHEN r.source = 'E' AND s.source = 'A' THEN 'ESTIMATE_REPLACED_BY_ACTUAL' ELSE 'REPLACED' END"
            + " FROM interval_read_stage s JOIN interval_read r"
            + " ON r.channel_id = s.channel_id AND r.interval_end = s.interval_end"
            + " WHERE s.batch_id = ? AND " + CHANGED;

    private static final String HISTORY_BEHIND_EDIT = "INSERT INTO interval_read_history"
            + " (channel_id, interval_end, read_value, quality, source, version, received_at, import_id, superseded_at, reason)"
            + " SELECT s.channel_id, s.interval_end, s.read_value, s.quality, s.source, r.version, ?, s.import_id, ?,"
            + " 'ARRIVED_AFTER_EDIT'"
            + " FROM interval_read_stage s JOIN interval_read r"
            + " ON r.channel_id = s.channel_id AND r.interval_end = s.interval_end"
            + " WHERE s.batch_id = ? AND NOT (" + SAME + ") AND " + BEHIND_EDIT;

    /** The MERGE's target, source (the batch's staged rows) and join. Parameter: batch id. */
    static final String MERGE_USING = "MERGE INTO interval_read r"
            + " USING (SELECT channel_id, interval_end, read_value, quality, source, import_id"
            + " FROM interval_read_stage WHERE batch_id = ?) s"
            + " ON (r.channel_id = s.channel_id AND r.interval_end = s.interval_end)";

    /** The new current value of a changed interval. Parameter: received at. */
    static final String MERGE_UPDATE_SET = " read_value = s.read_value, quality = s.quality, source = s.source,"
            + " version = r.version + 1, received_at = ?, import_id = s.import_id";

    /** A new interval, version 1. Parameter: received at. */
    static final String MERGE_INSERT = " WHEN NOT MATCHED THEN INSERT"
            + " (channel_id, interval_end, read_value, quality, source, version, received_at, import_id)"
            + " VALUES (s.channel_id, s.interval_end, s.read_value, s.quality, s.source, 1, ?, s.import_id)";

    /** SQL:2008 MERGE with a condition on WHEN MATCHED (PostgreSQL 15+, H2). */
    static final String MERGE = MERGE_USING + " WHEN MATCHED AND " + CHANGED + " THEN UPDATE SET" + MERGE_UPDATE_SET
            + MERGE_INSERT;

    /** The PostgreSQL and H2 form of {@link #dailyTotals(String)}. */
    private static final String DAILY = dailyTotals("BIGINT");

    private static final int STAGE_BATCH = 1000;
    private static final DateTimeFormatter MONTH_SUFFIX = DateTimeFormatter.ofPattern("'y'yyyy'm'MM");

    /** Imported reads VEE will judge, kept so that it need not load them back. */
    private final ReadsAtHand readsAtHand = new ReadsAtHand(Settings.veeReadsAtHand());

    protected JdbcIntervalStore(DataSource dataSource) {
        super(dataSource);
    }

    /**
     * Recomputes one channel day's total from the stored reads. Parameters: channel, local day,
     * channel, first interval end, ends before, updated at (twice). {@code idType} is the SQL type
     * of a channel id (the day and channel are bound in the select list, where some databases need
     * the type).
     */
    static String dailyTotals(String idType) {
        return "MERGE INTO daily_channel_reading d"
                + " USING (SELECT CAST(? AS " + idType + ") AS channel_id, CAST(? AS DATE) AS local_day,"
                + " SUM(read_value) AS total, COUNT(*) AS read_count,"
                + " SUM(CASE WHEN source = 'E' THEN 1 ELSE 0 END) AS estimated_count,"
                + " SUM(CASE WHEN source = 'M' THEN 1 ELSE 0 END) AS edited_count, MAX(read_value) AS max_value,"
                + " SUM(CASE WHEN MOD(FLOOR(quality / 2), 2) = 1 THEN 1 ELSE 0 END) AS outage_count"
                + " FROM interval_read WHERE channel_id = ? AND interval_end >= ? AND interval_end < ?) a"
                + " ON (d.channel_id = a.channel_id AND d.local_day = a.local_day)"
                + " WHEN MATCHED THEN UPDATE SET total = a.total, read_count = a.read_count,"
                + " estimated_count = a.estimated_count, edited_count = a.edited_count, max_value = a.max_value,"
                + " outage_count = a.outage_count, updated_at = ?"
                + " WHEN NOT MATCHED THEN INSERT (channel_id, local_day, total, read_count, estimated_count,"
                + " edited_count, max_value, outage_count, updated_at)"
                + " VALUES (a.channel_id, a.local_day, a.total, a.read_count, a.estimated_count, a.edited_count,"
                + " a.max_value, a.outage_count, ?)";
    }

    /**
     * Puts the rows into interval_read_stage under the batch id; here with JDBC batches (H2, Oracle),
     * PostgreSQL uses COPY.
     */
    protected void stage(Connection c, String batchId, Collection<IntervalRow> rows, Long importId)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO interval_read_stage"
                + " (batch_id, seq, channel_id, interval_end, read_value, quality, source, import_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (IntervalRow row : rows) {
                s.setString(1, batchId);
                s.setInt(2, seq++);
                s.setLong(3, row.channelId());
                s.setObject(4, utc(row.intervalEnd()));
                s.setBigDecimal(5, row.value());
                s.setInt(6, row.quality());
                s.setString(7, String.valueOf(row.source().code()));
                if (importId == null) {
                    s.setNull(8, Types.BIGINT);
                } else {
                    s.setLong(8, importId);
                }
                s.addBatch();
                if (seq % STAGE_BATCH == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
    }

    /** Makes sure rows with these interval ends can be stored (partitions); nothing to do by default. */
    protected void prepare(Connection c, Instant firstEnd, Instant lastEnd) throws SQLException {
        // no partitions to make (H2), or the database makes them itself (Oracle interval partitioning)
    }

    /** Empties the batch's staging rows where the table does not do it at commit; by default it does. */
    protected void unstage(Connection c, String batchId) throws SQLException {
        // a temporary table ON COMMIT DELETE ROWS (PostgreSQL, Oracle)
    }

    /** The MERGE of the staged rows into interval_read (parameters: batch, received at twice). */
    protected String mergeSql() {
        return MERGE;
    }

    /** The daily totals MERGE of one channel day, see {@link #dailyTotals(String)}. */
    protected String dailyTotalsSql() {
        return DAILY;
    }

    @Override
    public WriteResult write(DayRuns written, Long importId) {
        if (written.isEmpty()) {
            return WriteResult.NONE;
        }
        DayRuns latest = written.latest();
        Map<Long, ChannelClock> clocks = written.clocks();
        long repeatedInBatch = written.rows().size() - latest.rows().size();
        String batch = UUID.randomUUID().toString();
        // Whole microseconds, as every database stores it: the daily totals carry it, and reads at hand
        // are handed out only while it is still there.
        Instant writtenAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Timestamp now = Timestamp.from(writtenAt);
        long total = latest.rows().size();
        WriteResult result = inTransaction(c -> {
            prepare(c, latest.firstEnd(), latest.lastEnd());
            if (storeAllNew(c, latest, importId, now)) {
                return new WriteResult(total, 0, 0, repeatedInBatch);
            }
            stage(c, batch, latest.rows(), importId);
            long fresh = insertNew(c, batch, now);
            long inserted;
            long same;
            long behindEdit;
            if (fresh == total) {
                // The common case on the fast path: every interval was new, nothing to classify.
                inserted = total;
                same = 0;
                behindEdit = 0;
            } else {
                long[] counts = classify(c, batch, fresh < 0 ? null : now);
                inserted = fresh < 0 ? counts[0] : fresh;
                same = counts[1];
                behindEdit = counts[2];
                if (total - inserted - same > 0) {
                    update(c, HISTORY_OF_REPLACED, now, batch);
                    update(c, HISTORY_BEHIND_EDIT, now, now, batch);
                }
                if (fresh < 0 ? total > same : total - inserted - same - behindEdit > 0) {
                    update(c, mergeSql(), batch, now, now);
                }
            }
            if (total > same) {
                updateDailyTotals(c, dailySpans(latest, clocks), now);
            }
            unstage(c, batch);
            return new WriteResult(inserted, total - inserted - same - behindEdit, behindEdit, same + repeatedInBatch);
        });
        if (importId != null && result.inserted() == total && Settings.veeOnImport()) {
            readsAtHand.keep(latest, writtenAt);
        }
        return result;
    }

    @Override
    public boolean readsAtHand(long channelId, List<ReadsAtHand.Written> days, ReadSink sink) {
        return readsAtHand.take(channelId, days, sink);
    }

    /**
     * Stores the rows straight into the table when none of their intervals is stored yet (the bulk
     * load of new data), with the daily totals added to, and returns true; returns false, having
     * changed nothing, where the database has no such path or some interval may exist already.
     */
    protected boolean storeAllNew(Connection c, DayRuns rows, Long importId, Timestamp now) throws SQLException {
        return false;
    }

    /**
     * Inserts the staged rows whose intervals are not stored yet, where the database can do that in
     * one statement that skips the others, and returns how many it inserted; -1 where it cannot
     * (then the shared classification and MERGE do all the work).
     */
    protected long insertNew(Connection c, String batchId, Timestamp now) throws SQLException {
        return -1;
    }

    /**
     * Counts the staged rows that are new, identical to the stored ones, and behind an edit. When
     * {@code writtenAt} is given, rows this write already inserted (received at that instant) are
     * left out of the identical and behind-edit counts.
     */
    private static long[] classify(Connection c, String batch, Timestamp writtenAt) throws SQLException {
        String sql = writtenAt == null ? CLASSIFY
                : CLASSIFY.replace(" WHERE s.batch_id = ?", " AND r.received_at <> ? WHERE s.batch_id = ?");
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (writtenAt != null) {
                s.setTimestamp(i++, writtenAt);
            }
            s.setString(i, batch);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new long[] {r.getLong(2), r.getLong(3), r.getLong(4)};
            }
        }
    }

    /** A channel's local day touched by a write, with the interval ends that belong to it: [firstEnd, endsBefore). */
    protected record DaySpan(long channelId, LocalDate day, Instant firstEnd, Instant endsBefore) {
    }

    private static List<DaySpan> dailySpans(DayRuns rows, Map<Long, ChannelClock> clocks) {
        List<DaySpan> spans = new ArrayList<>();
        rows.byChannel().forEach((channel, days) -> days.forEach(day -> spans.add(new DaySpan(channel, day,
                clocks.get(channel).firstEndOf(day), clocks.get(channel).endsBefore(day)))));
        return spans;
    }

    /** Recomputes the daily totals of the touched channel days from the stored reads. */
    protected void updateDailyTotals(Connection c, List<DaySpan> spans, Timestamp now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(dailyTotalsSql())) {
            for (DaySpan span : spans) {
                s.setLong(1, span.channelId());
                s.setDate(2, Date.valueOf(span.day()));
                s.setLong(3, span.channelId());
                s.setObject(4, utc(span.firstEnd()));
                s.setObject(5, utc(span.endsBefore()));
                s.setTimestamp(6, now);
                s.setTimestamp(7, now);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    @Override
    public List<StoredInterval> reads(long channelId, Instant from, Instant to) {
        return query("SELECT interval_end, read_value, quality, source, version, received_at FROM interval_read"
                + " WHERE channel_id = ? AND interval_end >= ? AND interval_end < ? ORDER BY interval_end", s -> {
                    s.setLong(1, channelId);
                    s.setObject(2, utc(from));
                    s.setObject(3, utc(to));
                }, r -> new StoredInterval(instant(r, 1), r.getBigDecimal(2), r.getInt(3),
                        ReadSource.of(r.getString(4).charAt(0)), r.getInt(5), instant(r, 6)));
    }

    @Override
    public void forEachRead(Collection<Long> channelIds, Instant from, Instant to, ReadSink sink) {
        for (List<Long> part : inLists(channelIds)) {
            inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT channel_id, interval_end, read_value, quality, source"
                        + " FROM interval_read WHERE channel_id IN (" + marks(part.size())
                        + ") AND interval_end >= ? AND interval_end < ?")) {
                    int i = bindIds(s, 1, part);
                    s.setObject(i++, utc(from));
                    s.setObject(i, utc(to));
                    s.setFetchSize(10_000);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            sink.accept(r.getLong(1), instant(r, 2), r.getBigDecimal(3), r.getInt(4),
                                    ReadSource.of(r.getString(5).charAt(0)));
                        }
                    }
                }
                return null;
            });
        }
    }

    @Override
    public List<IntervalVersion> history(long channelId, Instant intervalEnd) {
        return query("SELECT interval_end, read_value, quality, source, version, received_at, superseded_at, reason"
                + " FROM interval_read_history WHERE channel_id = ? AND interval_end = ?"
                + " ORDER BY superseded_at, version", s -> {
                    s.setLong(1, channelId);
                    s.setObject(2, utc(intervalEnd));
                }, r -> new IntervalVersion(instant(r, 1), r.getBigDecimal(2), r.getInt(3),
                        ReadSource.of(r.getString(4).charAt(0)), r.getInt(5), instant(r, 6), instant(r, 7),
                        r.getString(8)));
    }

    @Override
    public List<DailyReading> daily(long channelId, LocalDate from, LocalDate to) {
        return query(DAILY_COLUMNS + " WHERE channel_id = ? AND local_day >= ? AND local_day < ? ORDER BY local_day",
                s -> {
                    s.setLong(1, channelId);
                    s.setDate(2, Date.valueOf(from));
                    s.setDate(3, Date.valueOf(to));
                }, JdbcIntervalStore::dailyReading);
    }

    @Override
    public List<DailyReading> daily(Collection<Long> channelIds, Collection<LocalDate> days) {
        List<DailyReading> found = new ArrayList<>();
        if (days.isEmpty()) {
            return found;
        }
        List<LocalDate> dayList = List.copyOf(days);
        for (List<Long> part : inLists(channelIds)) {
            found.addAll(query(DAILY_COLUMNS + " WHERE channel_id IN (" + marks(part.size())
                    + ") AND local_day IN (" + marks(dayList.size()) + ")", s -> {
                        int i = bindIds(s, 1, part);
                        for (LocalDate day : dayList) {
                            s.setDate(i++, Date.valueOf(day));
                        }
                    }, JdbcIntervalStore::dailyReading));
        }
        return found;
    }

    private static final String DAILY_COLUMNS = "SELECT channel_id, local_day, total, read_count, estimated_count,"
            + " edited_count, max_value, outage_count FROM daily_channel_reading";

    private static DailyReading dailyReading(ResultSet r) throws SQLException {
        return new DailyReading(r.getLong(1), localDate(r, 2), r.getBigDecimal(3), r.getInt(4), r.getInt(5),
                r.getInt(6), r.getBigDecimal(7), r.getInt(8));
    }

    @Override
    public void prepare(Instant from, Instant to) {
        inTransaction(c -> {
            prepare(c, from, to);
            return null;
        });
    }

    /**
     * The name of a table's month, {@code <table>_yYYYYmMM}: PostgreSQL's partition, and (with the
     * prefix {@code archive_}) the archive table a detached month becomes on every database.
     */
    static String monthTable(String table, YearMonth month) {
        return table + "_" + month.format(MONTH_SUFFIX);
    }

    /** The first instant (UTC) of the month the instant falls in: retention only removes whole months. */
    protected static Instant monthStart(Instant instant) {
        return YearMonth.from(instant.atOffset(ZoneOffset.UTC)).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
