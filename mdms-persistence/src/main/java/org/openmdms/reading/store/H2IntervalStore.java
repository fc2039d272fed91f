package org.openmdms.reading.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;

/**
 * Interval store on H2 (the zero-setup database, for trying the MDMS and for development): rows are
 * staged with JDBC batches into a permanent staging table keyed by batch (H2 DDL would commit the
 * caller's transaction) and merged by the shared SQL. No partitions: retention deletes the range in
 * one statement per table, which is fine for a demo database and not how production data is kept.
 */
public class H2IntervalStore extends JdbcIntervalStore {

    private static final String[] TABLES = {"interval_read", "interval_read_history"};

    public H2IntervalStore(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void unstage(Connection c, String batchId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM interval_read_stage WHERE batch_id = ?")) {
            s.setString(1, batchId);
            s.executeUpdate();
        }
    }

    /** One set-based DELETE per table; the mode makes no difference without partitions. */
    @Override
    public RetentionResult applyRetention(Instant cutoff, RetentionMode mode) {
        Instant boundary = monthStart(cutoff);
        long deleted = inTransaction(c -> {
            long rows = 0;
            for (String table : TABLES) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE interval_end < ?")) {
                    s.setObject(1, utc(boundary));
                    rows += s.executeUpdate();
                }
            }
            return rows;
        });
        return new RetentionResult(boundary, mode, List.of(), List.of(), deleted);
    }

    /** Exact counts per month (a scan: fine for H2's sizes). */
    @Override
    public List<StoredMonth> storage() {
        String perMonth = "SELECT '%1$s', EXTRACT(YEAR FROM interval_end), EXTRACT(MONTH FROM interval_end), COUNT(*)"
                + " FROM %1$s GROUP BY EXTRACT(YEAR FROM interval_end), EXTRACT(MONTH FROM interval_end)";
        return query(perMonth.formatted(TABLES[0]) + " UNION ALL " + perMonth.formatted(TABLES[1])
                + " ORDER BY 2, 3, 1", s -> {
                }, r -> new StoredMonth(r.getString(1), LocalDate.of(r.getInt(2), r.getInt(3), 1), null,
                        r.getLong(4), null));
    }
}
