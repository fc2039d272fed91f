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
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Interval store on PostgreSQL: rows go with COPY into a temporary staging table (no WAL, no index)
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
                + " (channel_id, local_day, total, read_count, estimated_count, edited_count, max_value, updated_at)"
                + " SELECT d.channel_id, d.local_day, SUM(r.read_value), COUNT(*),"
                + " SUM(CASE WHEN r.source = 'E' THEN 1 ELSE 0 END), SUM(CASE WHEN r.source = 'M' THEN 1 ELSE 0 END),"
                + " MAX(r.read_value), ?"
                + " FROM interval_read_days d JOIN interval_read r ON r.channel_id = d.channel_id"
                + " AND r.interval_end >= d.first_end AND r.interval_end < d.ends_before"
                + " GROUP BY d.channel_id, d.local_day"
                + " ON CONFLICT (channel_id, local_day) DO UPDATE SET total = EXCLUDED.total,"
                + " read_count = EXCLUDED.read_count, estimated_count = EXCLUDED.estimated_count,"
                + " edited_count = EXCLUDED.edited_count, max_value = EXCLUDED.max_value,"
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
