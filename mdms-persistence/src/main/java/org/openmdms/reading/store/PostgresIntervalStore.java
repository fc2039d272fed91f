package org.openmdms.reading.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;

/**
 * Interval store on PostgreSQL. New data — no interval of the chunk stored yet, which one index
 * probe tells — goes with COPY straight into the monthly partitions, and the daily totals are added
 * to with one array-bound upsert (under a savepoint: should a concurrent writer have stored one of the
 * intervals meanwhile, the unique key refuses the COPY and the general path takes over). Otherwise
 * rows go with COPY into a temporary staging table (no WAL, no index)
 * and go into the monthly partitions with one INSERT … ON CONFLICT DO NOTHING; only rows whose
 * intervals were already stored (usually none) go through the shared classification, history and
 * MERGE (PostgreSQL 15+). Daily totals are recomputed for all touched days in one statement.
 * A month without a partition gets one on demand ({@link PostgresPartitions}); a timer prepares the
 * coming months ahead of time and applies retention, which drops or detaches whole months.
 */
public class PostgresIntervalStore extends JdbcIntervalStore {

    private static final String STAGE = "CREATE TEMPORARY TABLE IF NOT EXISTS interval_read_stage ("
            + " batch_id VARCHAR(36) NOT NULL, seq INTEGER NOT NULL, channel_id BIGINT NOT NULL,"
            + " interval_end TIMESTAMP WITH TIME ZONE NOT NULL, read_value NUMERIC(18,6) NOT NULL,"
            + " quality INTEGER NOT NULL, source CHAR(1) NOT NULL, import_id BIGINT) ON COMMIT DELETE ROWS";

    private static final String DAYS = "CREATE TEMPORARY TABLE IF NOT EXISTS interval_read_days ("
            + " channel_id BIGINT NOT NULL, local_day DATE NOT NULL, first_end TIMESTAMP WITH TIME ZONE NOT NULL,"
            + " ends_before TIMESTAMP WITH TIME ZONE NOT NULL) ON COMMIT DELETE ROWS";

    private static final String UNIQUE_VIOLATION = "23505";

    public PostgresIntervalStore(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void stage(Connection c, String batchId, Collection<IntervalRow> rows, Long importId)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(STAGE);
        }
        StringBuilder text = new StringBuilder(rows.size() * 72);
        String importText = importId == null ? "\\N" : importId.toString();
        int seq = 0;
        for (IntervalRow row : rows) {
            text.append(batchId).append('\t').append(seq++).append('\t').append(row.channelId()).append('\t')
                    .append(row.intervalEnd()).append('\t').append(row.value().toPlainString()).append('\t')
                    .append(row.quality()).append('\t').append(row.source().code()).append('\t')
                    .append(importText).append('\n');
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY interval_read_stage (batch_id, seq, channel_id, interval_end, read_value, quality, source, import_id)"
                            + " FROM STDIN",
                    new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new SQLException("COPY into the staging table failed", e);
        }
    }

    /**
     * One statement for all channels, read with {@code COPY (SELECT …) TO STDOUT} on the driver's own
     * connection and parsed from its bytes ({@link CopiedRow}): the interval end as epoch seconds,
     * the value, quality and source as text. COPY takes no bind parameters, so the channel ids (longs)
     * and the two instants (ISO-8601 from {@link Instant#toString}) are written into the statement;
     * nothing else is. Rows stream one by one, as a fetch size would.
     */
    @Override
    public void forEachRead(Collection<Long> channelIds, Instant from, Instant to, ReadSink sink) {
        if (channelIds.isEmpty()) {
            return;
        }
        String ids = idArray(channelIds);
        String query = "COPY (SELECT channel_id, CAST(EXTRACT(EPOCH FROM interval_end) AS BIGINT), read_value, quality,"
                + " source FROM interval_read WHERE channel_id = ANY(CAST(" + ids + " AS BIGINT[]))"
                + " AND interval_end >= CAST('" + from + "' AS TIMESTAMPTZ)"
                + " AND interval_end < CAST('" + to + "' AS TIMESTAMPTZ)) TO STDOUT";
        inTransaction(c -> {
            CopiedRow.copyOut(c, query, row -> CopiedRow.parse(row, sink));
            return null;
        });
    }

    /**
     * The channels' daily totals of the given local days, read with {@code COPY} and parsed from its
     * bytes like the reads ({@link CopiedRow#daily}): VEE loads the like days of four weeks for every
     * channel it judges from totals, some 40 000 rows for a daily file of 2 000 meters, which took 4 µs
     * a row through the container's JDBC wrapper. Only longs and ISO dates are written into the
     * statement.
     */
    @Override
    public List<DailyReading> daily(Collection<Long> channelIds, Collection<LocalDate> days) {
        List<DailyReading> found = new ArrayList<>();
        if (channelIds.isEmpty() || days.isEmpty()) {
            return found;
        }
        String query = "COPY (SELECT channel_id, local_day - DATE '1970-01-01', total, read_count, estimated_count,"
                + " edited_count, max_value, outage_count FROM daily_channel_reading WHERE channel_id = ANY(CAST("
                + idArray(channelIds) + " AS BIGINT[])) AND local_day = ANY(CAST(" + dayArray(days)
                + " AS DATE[]))) TO STDOUT";
        inTransaction(c -> {
            CopiedRow.copyOut(c, query, row -> found.add(CopiedRow.daily(row)));
            return null;
        });
        return found;
    }

    /** The ids as a PostgreSQL array literal, {@code '{1,2,3}'}: longs only, safe to write into a statement. */
    private static String idArray(Collection<Long> channelIds) {
        return arrayLiteral(channelIds);
    }

    /** The days as a PostgreSQL array literal, {@code '{2026-01-05,2026-01-06}'}: ISO dates only. */
    private static String dayArray(Collection<LocalDate> days) {
        return arrayLiteral(days);
    }

    /** Values whose text holds no quote, comma or brace (longs, ISO dates) as an array literal. */
    private static String arrayLiteral(Collection<?> values) {
        StringBuilder literal = new StringBuilder(values.size() * 11 + 4).append("'{");
        for (Object value : values) {
            literal.append(literal.length() > 2 ? "," : "").append(value);
        }
        return literal.append("}'").toString();
    }

    /** {@code mdms.ingest.writers} (2): while one chunk's COPY keeps a database core busy, the next is mapped and sent. */
    @Override
    public int concurrentWriters() {
        return org.openmdms.config.Settings.ingestWriters();
    }

    @Override
    protected boolean storeAllNew(Connection c, DayRuns rows, Long importId, Timestamp now) throws SQLException {
        if (anyStored(c, rows)) {
            return false;
        }
        return copyAllNew(c, rows, now, importId);
    }

    /**
     * COPY of the rows straight into the partitions and their shares added to the daily totals; false,
     * with nothing changed and the transaction usable, when one of the intervals is stored already.
     */
    boolean copyAllNew(Connection c, DayRuns rows, Timestamp now, Long importId) throws SQLException {
        // A savepoint in SQL: the container's connection wrapper refuses Connection.rollback(Savepoint)
        // inside a managed transaction, the database does not.
        update(c, "SAVEPOINT before_direct_copy");
        try {
            copyInto(c, "interval_read (channel_id, interval_end, read_value, quality, source, version, received_at,"
                    + " import_id)", rows.rows(), "1\t" + now.toInstant() + "\t" + (importId == null ? "\\N" : importId));
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                update(c, "ROLLBACK TO SAVEPOINT before_direct_copy");
                return false;
            }
            throw e;
        }
        update(c, "RELEASE SAVEPOINT before_direct_copy");
        addToDailyTotals(c, NewDayTotals.of(rows), now);
        return true;
    }

    /**
     * Whether any of the rows' intervals may be stored already: for each channel, is anything stored
     * between its first and last interval end in the rows? One index probe per channel, so that a
     * chunk that goes on where the previous one stopped is not mistaken for a re-send.
     */
    private static boolean anyStored(Connection c, DayRuns rows) throws SQLException {
        Map<Long, Instant[]> spans = new java.util.HashMap<>();
        for (DayRuns.Run run : rows.runs()) {
            Instant[] span = spans.computeIfAbsent(run.channelId(), id -> new Instant[] {Instant.MAX, Instant.MIN});
            for (IntervalRow row : rows.rowsOf(run)) {
                span[0] = row.intervalEnd().isBefore(span[0]) ? row.intervalEnd() : span[0];
                span[1] = row.intervalEnd().isAfter(span[1]) ? row.intervalEnd() : span[1];
            }
        }
        Object[] channels = new Object[spans.size()];
        Object[] firsts = new Object[spans.size()];
        Object[] lasts = new Object[spans.size()];
        int i = 0;
        for (Map.Entry<Long, Instant[]> span : spans.entrySet()) {
            channels[i] = span.getKey();
            firsts[i] = span.getValue()[0].toString();
            lasts[i] = span.getValue()[1].toString();
            i++;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM unnest(?, ?, ?) AS p (channel_id, first_end, last_end)"
                + " WHERE EXISTS (SELECT 1 FROM interval_read r WHERE r.channel_id = p.channel_id"
                + " AND r.interval_end >= CAST(p.first_end AS TIMESTAMPTZ) AND r.interval_end <= CAST(p.last_end AS TIMESTAMPTZ)))")) {
            // Planned anew for every chunk, never a plan the connection cached: a generic plan made while
            // the month's partition was empty (freshly created, or analyzed empty) scans it whole for
            // every channel, and the chunks of an import into it grew from 0.1 to 0.6 s as it filled.
            s.unwrap(PGStatement.class).setPrepareThreshold(0);
            s.setArray(1, c.createArrayOf("bigint", channels));
            s.setArray(2, c.createArrayOf("text", firsts));
            s.setArray(3, c.createArrayOf("text", lasts));
            try (var r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    /** The new intervals' shares added to the channel days, in one statement over arrays. */
    private static void addToDailyTotals(Connection c, Collection<NewDayTotals.Share> shares, Timestamp now)
            throws SQLException {
        int n = shares.size();
        Object[] channels = new Object[n];
        Object[] days = new Object[n];
        Object[] totals = new Object[n];
        Object[] counts = new Object[n];
        Object[] estimated = new Object[n];
        Object[] edited = new Object[n];
        Object[] maxima = new Object[n];
        Object[] outages = new Object[n];
        int i = 0;
        for (NewDayTotals.Share share : shares) {
            channels[i] = share.channelId();
            days[i] = share.day().toString();
            totals[i] = share.total();
            counts[i] = share.count();
            estimated[i] = share.estimated();
            edited[i] = share.edited();
            maxima[i] = share.max();
            outages[i] = share.outage();
            i++;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO daily_channel_reading"
                + " (channel_id, local_day, total, read_count, estimated_count, edited_count, max_value, outage_count,"
                + " updated_at)"
                + " SELECT u.channel_id, CAST(u.local_day AS DATE), u.total, u.read_count, u.estimated_count,"
                + " u.edited_count, u.max_value, u.outage_count, ?"
                + " FROM unnest(?, ?, ?, ?, ?, ?, ?, ?)"
                + " AS u (channel_id, local_day, total, read_count, estimated_count, edited_count, max_value, outage_count)"
                + " ON CONFLICT (channel_id, local_day) DO UPDATE SET"
                + " total = daily_channel_reading.total + EXCLUDED.total,"
                + " read_count = daily_channel_reading.read_count + EXCLUDED.read_count,"
                + " estimated_count = daily_channel_reading.estimated_count + EXCLUDED.estimated_count,"
                + " edited_count = daily_channel_reading.edited_count + EXCLUDED.edited_count,"
                + " max_value = GREATEST(daily_channel_reading.max_value, EXCLUDED.max_value),"
                + " outage_count = daily_channel_reading.outage_count + EXCLUDED.outage_count,"
                + " updated_at = EXCLUDED.updated_at")) {
            s.setTimestamp(1, now);
            s.setArray(2, c.createArrayOf("bigint", channels));
            s.setArray(3, c.createArrayOf("text", days));
            s.setArray(4, c.createArrayOf("numeric", totals));
            s.setArray(5, c.createArrayOf("int4", counts));
            s.setArray(6, c.createArrayOf("int4", estimated));
            s.setArray(7, c.createArrayOf("int4", edited));
            s.setArray(8, c.createArrayOf("numeric", maxima));
            s.setArray(9, c.createArrayOf("int4", outages));
            s.executeUpdate();
        }
    }

    /** COPY of the rows' channel, end, value, quality and source, each line ending with {@code tail}'s columns. */
    private static void copyInto(Connection c, String target, Collection<IntervalRow> rows, String tail)
            throws SQLException {
        StringBuilder text = new StringBuilder(rows.size() * 72);
        for (IntervalRow row : rows) {
            text.append(row.channelId()).append('\t').append(row.intervalEnd()).append('\t')
                    .append(row.value().toPlainString()).append('\t').append(row.quality()).append('\t')
                    .append(row.source().code()).append('\t').append(tail).append('\n');
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN",
                    new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new SQLException("COPY into " + target + " failed", e);
        }
    }

    /** New intervals in one statement; the others are left for classification (none, usually). */
    @Override
    protected long insertNew(Connection c, String batchId, Timestamp now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO interval_read"
                + " (channel_id, interval_end, read_value, quality, source, version, received_at, import_id)"
                + " SELECT channel_id, interval_end, read_value, quality, source, 1, ?, import_id"
                + " FROM interval_read_stage WHERE batch_id = ?"
                + " ON CONFLICT (channel_id, interval_end) DO NOTHING")) {
            s.setTimestamp(1, now);
            s.setString(2, batchId);
            return s.executeUpdate();
        }
    }

    /** All touched channel days in one statement: the days go to a temporary table, one grouped upsert. */
    @Override
    protected void updateDailyTotals(Connection c, List<DaySpan> spans, Timestamp now) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(DAYS);
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO interval_read_days (channel_id, local_day, first_end, ends_before) VALUES (?, ?, ?, ?)")) {
            for (DaySpan span : spans) {
                s.setLong(1, span.channelId());
                s.setObject(2, span.day());
                s.setObject(3, utc(span.firstEnd()));
                s.setObject(4, utc(span.endsBefore()));
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO daily_channel_reading"
                + " (channel_id, local_day, total, read_count, estimated_count, edited_count, max_value, outage_count,"
                + " updated_at)"
                + " SELECT d.channel_id, d.local_day, SUM(r.read_value), COUNT(*),"
                + " SUM(CASE WHEN r.source = 'E' THEN 1 ELSE 0 END), SUM(CASE WHEN r.source = 'M' THEN 1 ELSE 0 END),"
                + " MAX(r.read_value), COUNT(*) FILTER (WHERE r.quality & 2 <> 0), ?"
                + " FROM interval_read_days d JOIN interval_read r ON r.channel_id = d.channel_id"
                + " AND r.interval_end >= d.first_end AND r.interval_end < d.ends_before"
                + " GROUP BY d.channel_id, d.local_day"
                + " ON CONFLICT (channel_id, local_day) DO UPDATE SET total = EXCLUDED.total,"
                + " read_count = EXCLUDED.read_count, estimated_count = EXCLUDED.estimated_count,"
                + " edited_count = EXCLUDED.edited_count, max_value = EXCLUDED.max_value,"
                + " outage_count = EXCLUDED.outage_count,"
                + " updated_at = EXCLUDED.updated_at")) {
            s.setTimestamp(1, now);
            s.executeUpdate();
        }
    }

    @Override
    protected void prepare(Connection c, Instant firstEnd, Instant lastEnd) throws SQLException {
        PostgresPartitions.ensure(c, firstEnd, lastEnd);
    }

    /**
     * Drops or detaches the monthly partitions of both tables whose upper bound is at or before the
     * cutoff's month start. DETACH (not CONCURRENTLY, which cannot run in a transaction) holds a
     * short exclusive lock on the parent table.
     */
    @Override
    public RetentionResult applyRetention(Instant cutoff, RetentionMode mode) {
        Instant boundary = monthStart(cutoff);
        List<String> retired = inTransaction(c -> PostgresPartitions.retire(c,
                YearMonth.from(boundary.atOffset(ZoneOffset.UTC)), mode));
        return new RetentionResult(boundary, mode, retired, mode == RetentionMode.DETACH
                ? retired.stream().map(RetentionMode::archiveName).toList() : List.of(), 0);
    }

    @Override
    public List<StoredMonth> storage() {
        return inTransaction(PostgresPartitions::list);
    }
}
