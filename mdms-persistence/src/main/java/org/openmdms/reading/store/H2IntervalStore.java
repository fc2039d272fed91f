package org.openmdms.reading.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import javax.sql.DataSource;

/**
 * Interval store on H2 (the zero-setup database): rows are staged with JDBC batches into a
 * permanent staging table keyed by batch (H2 DDL would commit the caller's transaction) and merged
 * by the shared SQL. No partitions.
 */
public class H2IntervalStore extends JdbcIntervalStore {

    private static final int BATCH = 1000;

    public H2IntervalStore(DataSource dataSource) {
        super(dataSource);
    }

    @Override
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
                    s.setNull(8, java.sql.Types.BIGINT);
                } else {
                    s.setLong(8, importId);
                }
                s.addBatch();
                if (seq % BATCH == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
    }

    @Override
    protected void prepare(Connection c, Instant firstEnd, Instant lastEnd) {
        // one table, nothing to prepare
    }

    @Override
    protected void unstage(Connection c, String batchId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM interval_read_stage WHERE batch_id = ?")) {
            s.setString(1, batchId);
            s.executeUpdate();
        }
    }

}
